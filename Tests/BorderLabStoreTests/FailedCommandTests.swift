import BorderLabCore
import Foundation
import Testing
@testable import BorderLabStore

/// Issue 9 §3: a failed command means "not done". A full disk is injected at each step of a command
/// (``WorkspaceFaults``): filling a real disk is slow, and tests run as root, where permissions stop nothing.
@Suite struct FailedCommandTests {
    static func faulty(_ ws: Workspace, _ steps: [WorkspaceFaults.Step]) -> Workspace {
        Workspace(root: ws.root, readOnly: false, faults: WorkspaceFaults(failing: steps))
    }

    /// Reproducer: two `advance --days 120` on a full disk moved the world 240 days. Now the projection is written
    /// before the append, so the failure leaves the log as it was and a retry applies the action once.
    @Test func fullDiskBeforeTheAppendRecordsNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let logBefore = try ws.logBytes, sandboxBefore = try ws.sandboxBytes
        for step: WorkspaceFaults.Step in [.projection, .append] {
            #expect { try FailedCommandTests.faulty(ws, [step]).perform(.advance(days: 120)) } throws: { error in
                "\(error)".contains("NOT recorded")
            }
            #expect(try ws.logBytes == logBefore)
            #expect(try ws.sandboxBytes == sandboxBefore)
            #expect(!FileManager.default.fileExists(atPath: ws.temporaryPath))
        }
        let world = try ws.perform(.advance(days: 120))
        #expect(world.day == 140, "the retry applies the action once: 20 + 120 days")
        // `shop price` (a reprice) likewise.
        let log = try ws.logBytes
        #expect(throws: WorkspaceError.self) {
            try FailedCommandTests.faulty(ws, [.projection]).perform(.reprice(sku: "CN-COS-01", price: Money(minor: 1_299, .USD)))
        }
        #expect(try ws.logBytes == log)
    }

    /// A failure after the append (the rename) says the action WAS recorded, so nobody repeats it; `verify` then says
    /// a command was interrupted, and `status` (open) repairs it.
    @Test func failureAfterTheAppendSaysTheActionWasRecorded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        #expect { try FailedCommandTests.faulty(ws, [.rename]).perform(.advance(days: 3)) } throws: { error in
            guard case WorkspaceError.recordedButNotProjected = error else { return false }
            let text = "\(error)"
            return text.contains("WAS recorded") && text.contains("Do not repeat")
        }
        #expect(try ActionLog.read(at: ws.logPath).actions.count == 6)
        guard case .stateDiffers(let message) = try ws.verify() else {
            Issue.record("verify should report the interrupted command")
            return
        }
        #expect(message.contains("was interrupted"))
        #expect(message.contains("borderlab status"))
        #expect(!message.contains("may have been edited"))
        let (world, _, notes) = try ws.open()
        #expect(world.day == 23)
        #expect(notes.count == 1)
        guard case .intact(6, _) = try ws.verify() else {
            Issue.record("status repairs an interrupted command")
            return
        }
    }

    /// `verify` straight after an append cut short says a command was interrupted, not that the log was edited.
    @Test func verifyAfterAnInterruptedAppendSaysSo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ws.logPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"action":{"adv"#.utf8))
        try handle.close()
        guard case .logBroken(let message) = try ws.verify() else {
            Issue.record("verify should report the interrupted append")
            return
        }
        #expect(message.contains("interrupted while writing line 7"))
        #expect(message.contains("borderlab status"))
    }

    /// Reproducer: a failed `new` left `.borderlab.lock`, and then both `status` and `new` refused the folder.
    @Test func failedNewRemovesTheFolderItMade() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.sub("fresh")
        #expect(throws: WorkspaceError.self) {
            try Workspace.create(at: path, header: WorkspaceTests.header(seed: 1),
                                 faults: WorkspaceFaults(failing: [.writeFile(path + "/borderlab.yaml")]))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        // An empty folder the user made stays, empty.
        let existing = folder.sub("existing")
        try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: false)
        #expect(throws: WorkspaceError.self) {
            try Workspace.create(at: existing, header: WorkspaceTests.header(seed: 1), faults: WorkspaceFaults(failing: [.projection]))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: existing).isEmpty)
        // And `new` works there at once.
        _ = try Workspace.create(at: existing, header: WorkspaceTests.header(seed: 1))
    }

    /// A `.sandbox.sqlite.tmp` left by a killed command is removed by the next command.
    @Test func leftoverTemporaryFileIsCleanedUp() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        try Data("half a database".utf8).write(to: URL(fileURLWithPath: ws.temporaryPath))
        _ = try ws.open()
        #expect(!FileManager.default.fileExists(atPath: ws.temporaryPath))
    }
}
