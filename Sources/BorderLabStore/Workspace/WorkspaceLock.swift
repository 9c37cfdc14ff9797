#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock on a workspace: exclusive for a command that changes it, shared for one that only reads.
///
/// Readers share: sixteen `sql` queries at once all get in, and "busy" means only that a writer holds the workspace.
/// On a read-only folder (a lab's read-only share, an instructor's copy) a reader cannot create the lock file; it
/// locks an existing one opened read-only, and where there is none it reads without a lock: nobody can write there.
final class WorkspaceLock {
    enum Kind { case shared, exclusive }

    private let descriptor: Int32?

    /// Takes the lock, retrying for up to `waitMilliseconds` before reporting the workspace busy.
    ///
    /// - Parameter mayWrite: false for a workspace opened read-only: the lock file is then neither created nor
    ///   opened for writing, only locked if it exists.
    init(path: String, kind: Kind = .exclusive, mayWrite: Bool = true, waitMilliseconds: Int = 2_000) throws(WorkspaceError) {
        var fd: Int32 = mayWrite ? open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644) : -1
        if fd < 0 && kind == .shared {
            // A read-only folder or lock file: a shared lock needs only a descriptor open for reading.
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                descriptor = nil
                return
            }
        }
        guard fd >= 0 else { throw .io(path, reason: String(cString: strerror(errno)) + " (this command changes the workspace, so it needs to write there)") }
        var waited = 0
        while flock(fd, (kind == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, waited < waitMilliseconds else {
                close(fd)
                throw .busy(path)
            }
            usleep(50_000)
            waited += 50
        }
        descriptor = fd
    }

    /// True when the lock is held (false only for a reader of a folder where no lock file can exist).
    var isHeld: Bool { descriptor != nil }

    deinit {
        if let descriptor {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }
}
