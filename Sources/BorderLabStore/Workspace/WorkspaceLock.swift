#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock on a workspace, so that two commands never change it at once.
final class WorkspaceLock {
    private let descriptor: Int32

    /// Takes the lock, retrying for up to `waitMilliseconds` before reporting the workspace busy.
    init(path: String, waitMilliseconds: Int = 2_000) throws(WorkspaceError) {
        let fd = open(path, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { throw .io(path, reason: String(cString: strerror(errno))) }
        var waited = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, waited < waitMilliseconds else {
                close(fd)
                throw .busy(path)
            }
            usleep(50_000)
            waited += 50
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
