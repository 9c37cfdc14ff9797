import BorderLabCore
import Foundation
import Testing
@testable import BorderLabStore

/// Issue 9 §4: reading commands work on a read-only workspace, and readers never shut each other out.
@Suite struct ReadOnlyWorkspaceTests {
    /// Every file's bytes, to show that reading changed nothing (and created no lock file).
    static func snapshot(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: root) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + name))
        }
        return files
    }

    /// Copies a workspace without its lock file, as an instructor's copy or a lab share would hold it.
    static func copy(_ ws: Workspace, to path: String) throws -> String {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        for name in ["borderlab.yaml", "actions.jsonl", "sandbox.sqlite"] {
            try FileManager.default.copyItem(atPath: ws.root + "/" + name, toPath: path + "/" + name)
        }
        return path
    }

    /// Reproducer: on a read-only workspace every command failed on the lock file. Opened read-only (the API flag,
    /// which is how a test running as root stands for a read-only share), status, log, verify, digest and sql work.
    @Test func readingCommandsWorkReadOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let original = try WorkspaceTests.make(folder, "a")
        let root = try ReadOnlyWorkspaceTests.copy(original, to: folder.sub("copy"))
        let ws = Workspace(root: root, readOnly: true)
        let before = try ReadOnlyWorkspaceTests.snapshot(root)
        let (world, log, notes) = try ws.open()
        #expect(world.day == 20 && log.actions.count == 5 && notes.isEmpty)
        guard case .intact(5, let digest) = try ws.verify() else {
            Issue.record("verify should work read-only")
            return
        }
        #expect(try ws.digest() == digest)
        let result = try QuerySandbox.run("SELECT count(*) FROM listings", databaseAt: ws.sandboxPath)
        #expect(result.rows == [[.integer(2)]])
        #expect(throws: WorkspaceError.readOnlyWorkspace(root)) { try ws.perform(.advance(days: 1)) }
        #expect(throws: WorkspaceError.readOnlyWorkspace(root)) { try ws.replay() }
        #expect(try ReadOnlyWorkspaceTests.snapshot(root) == before, "reading wrote nothing, not even a lock file")
    }

    /// A read-only copy taken right after an interrupted command: reading works from the log, and says what it
    /// could not repair, without writing.
    @Test func readOnlyWorkspaceBehindItsLogIsReadNotRepaired() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let original = try WorkspaceTests.make(folder, "a")
        let oldSandbox = try original.sandboxBytes
        try original.perform(.advance(days: 2))
        try oldSandbox.write(to: URL(fileURLWithPath: original.sandboxPath))
        let root = try ReadOnlyWorkspaceTests.copy(original, to: folder.sub("copy"))
        let ws = Workspace(root: root, readOnly: true)
        let before = try ReadOnlyWorkspaceTests.snapshot(root)
        let (world, _, notes) = try ws.open()
        #expect(world.day == 22)
        #expect(notes.first?.contains("read-only") == true)
        #expect(try ReadOnlyWorkspaceTests.snapshot(root) == before)
    }

    /// With real permissions: a folder and files without write permission, as a lab's read-only share holds them.
    /// Tests run as root, whom permissions do not stop; so as root this test takes the identity of `nobody` for file
    /// access on its own thread only (Linux's per-thread `setfsuid`), which makes the permissions bite.
    @Test func chmodReadOnlyCopyWorks() throws {
        let folder = try TemporaryFolder()
        defer {
            _ = chmod(folder.sub("copy"), 0o755)
            folder.remove()
        }
        let original = try WorkspaceTests.make(folder, "a")
        let root = try ReadOnlyWorkspaceTests.copy(original, to: folder.sub("copy"))
        for name in ["borderlab.yaml", "actions.jsonl", "sandbox.sqlite"] { _ = chmod(root + "/" + name, 0o444) }
        _ = chmod(root, 0o555)
        let before = try ReadOnlyWorkspaceTests.snapshot(root)
        let identity = FileIdentity.nobodyIfRoot()
        defer { identity.restore() }
        let ws = Workspace(root: root)
        #expect(!ws.isWritable)
        let (world, _, notes) = try ws.open()
        #expect(world.day == 20 && notes.isEmpty)
        guard case .intact = try ws.verify() else {
            Issue.record("verify should work on a chmod'ed copy")
            return
        }
        _ = try ws.digest()
        #expect(try QuerySandbox.run("SELECT count(*) FROM listings", databaseAt: ws.sandboxPath).rows == [[.integer(2)]])
        #expect(throws: WorkspaceError.readOnlyWorkspace(root)) { try ws.perform(.advance(days: 1)) }
        identity.restore()
        #expect(try ReadOnlyWorkspaceTests.snapshot(root) == before)
    }

    /// Reproducer: 16 parallel `sql` readers were refused as if a writer held the workspace. Readers share the lock.
    @Test func sixteenParallelReadersAreNotRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    await WorkspaceTests.onThread {
                        do {
                            _ = try ws.open()
                            _ = try QuerySandbox.run("SELECT count(*) FROM orders", databaseAt: ws.sandboxPath)
                            guard case .intact = try ws.verify() else { return false }
                            return true
                        } catch { return false }
                    }
                }
            }
            var all: [Bool] = []
            for await ok in group { all.append(ok) }
            return all
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 }, "no reader was refused")
    }
}

/// The file-system identity of the current thread, switched to `nobody` when running as root (Linux only).
///
/// `setfsuid` changes the identity file permissions are checked against, for the calling thread alone, so tests
/// running beside this one are not affected. The test must stay on its thread (be synchronous) until `restore()`.
struct FileIdentity {
    private let switched: Bool

    static func nobodyIfRoot() -> FileIdentity {
        #if os(Linux)
        guard geteuid() == 0, let set = setFSUID else { return FileIdentity(switched: false) }
        _ = set(65534)
        return FileIdentity(switched: true)
        #else
        return FileIdentity(switched: false)
        #endif
    }

    func restore() {
        #if os(Linux)
        if switched, let set = FileIdentity.setFSUID { _ = set(0) }
        #endif
    }

    #if os(Linux)
    /// glibc's `setfsuid`, which the Glibc module does not export.
    private static let setFSUID: (@convention(c) (UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "setfsuid") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UInt32) -> Int32).self)
    }()
    #endif
}
