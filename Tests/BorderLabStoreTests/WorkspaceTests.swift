import BorderLabCore
import Foundation
import Testing
@testable import BorderLabStore

/// A fresh folder under the system's temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init(_ label: String = "ws") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func sub(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Small helpers over a workspace's files.
extension Workspace {
    var logBytes: Data { get throws { try Data(contentsOf: URL(fileURLWithPath: logPath)) } }
    var sandboxBytes: Data { get throws { try Data(contentsOf: URL(fileURLWithPath: sandboxPath)) } }

    var logLines: [String] {
        get throws { try String(decoding: logBytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Rewrites line `number` (1-based) of actions.jsonl with `edit`.
    func editLogLine(_ number: Int, _ edit: (String) -> String) throws {
        var lines = try logLines
        let edited = edit(lines[number - 1])
        precondition(edited != lines[number - 1], "the edit changed nothing")
        lines[number - 1] = edited
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: logPath))
    }
}

/// DESIGN.md invariants 1 and 4: the hash-chained log is the truth; the projection is rebuilt from it, repaired
/// after a crash, and refused when it belongs to another world; tampering is detected.
@Suite struct WorkspaceTests {
    static func header(seed: UInt64, customers: Int = 300) -> WorldHeader {
        WorldHeader(seed: seed, scenario: .globalExport, customers: customers)
    }

    /// Five actions, so the log has lines 1 (header) to 6; line 2 is a purchase of 100 units, line 6 an advance.
    static let actions: [Action] = [
        .buy(sku: "CN-ELE-01", quantity: 100, channel: .express, customs: .directMail, warehouse: nil),
        .list(sku: "CN-ELE-01", price: Money(minor: 1_999, .USD)),
        .buy(sku: "CN-COS-01", quantity: 100, channel: .postal, customs: .directMail, warehouse: nil),
        .list(sku: "CN-COS-01", price: Money(minor: 1_099, .USD)),
        .advance(days: 20),
    ]

    /// Creates a workspace in `folder/name` and performs `actions`.
    static func make(_ folder: TemporaryFolder, _ name: String, seed: UInt64 = 7, customers: Int = 300,
                     actions: [Action] = WorkspaceTests.actions) throws -> Workspace {
        let (workspace, _) = try Workspace.create(at: folder.sub(name), header: header(seed: seed, customers: customers))
        for action in actions { try workspace.perform(action) }
        return workspace
    }

    // MARK: Same log, same world

    @Test func digestDependsOnlyOnSeedAndActions() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // 3,000 customers: a new shop earns little traffic, and the digest should cover orders.
        let a = try WorkspaceTests.make(folder, "a", customers: 3_000)
        let b = try WorkspaceTests.make(folder, "b", customers: 3_000)
        let c = try WorkspaceTests.make(folder, "c", seed: 8, customers: 3_000)
        let (world, _, _) = try a.open()
        #expect(world.orders.count > 0, "the workspace traded, so the digest covers orders")
        let digest = try a.digest()
        #expect(digest.count == 64)
        #expect(try b.digest() == digest)
        #expect(try c.digest() != digest)
        // The logs themselves are byte-identical: canonical JSON, same hashes.
        #expect(try a.logBytes == b.logBytes)
        #expect(try a.logBytes != c.logBytes)
        // One action more changes the digest.
        try b.perform(.advance(days: 1))
        #expect(try b.digest() != digest)
    }

    @Test func logLinesAreCanonicalAndChained() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let lines = try ws.logLines
        #expect(lines.count == 7, "header, five actions and the empty string after the final newline")
        #expect(lines.last == "")
        #expect(lines[0] == #"{"customers":300,"engine_version":"\#(BorderLabVersion.engine)","format_version":1,"mode":"b2c-comprehensive","scenario":"global-export","seed":7,"start_date":"2026-11-01"}"#)
        #expect(lines[1] == #"{"action":{"channel":"express","customs":"9610","kind":"buy","quantity":100,"sku":"CN-ELE-01"},"day":0,"prev":"\#(ActionLog.hash(lines[0]))","seq":1}"#)
        #expect(lines[2].hasPrefix(#"{"action":{"kind":"list","price":"19.99 USD","sku":"CN-ELE-01"},"day":0,"prev":""#))
        for n in 1...5 { #expect(lines[n].contains(#""prev":"\#(ActionLog.hash(lines[n - 1]))""#)) }
        // SHA-256 itself: the FIPS 180-2 test vector for "abc".
        #expect(ActionLog.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let log = try ActionLog.read(at: ws.logPath)
        #expect(log.actions.map(\.action) == WorkspaceTests.actions)
        #expect(log.actions.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(log.headHash == ActionLog.hash(lines[5]))
    }

    @Test func replayThenVerifyIsIntact() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let digest = try ws.digest()
        #expect(try ws.verify() == .intact(actions: 5, digest: digest))
        let world = try ws.replay()
        #expect(world.day == 20)
        #expect(try ws.verify() == .intact(actions: 5, digest: digest))
        #expect(try ws.digest() == digest)
    }

    @Test func deletedProjectionIsRebuiltOnOpen() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let digest = try ws.digest()
        try FileManager.default.removeItem(atPath: ws.sandboxPath)
        let (_, _, notes) = try ws.open()
        #expect(notes.count == 1)
        #expect(notes.first?.contains("missing") == true)
        #expect(FileManager.default.fileExists(atPath: ws.sandboxPath))
        #expect(try ws.digest() == digest)
        #expect(try ws.open().notes.isEmpty, "a second open has nothing to repair")
    }

    /// A crash after the log append and before the projection rename leaves the old projection in place.
    @Test func crashBetweenAppendAndProjectionIsRepaired() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let oldSandbox = try ws.sandboxBytes
        let oldDigest = try ws.digest()
        try ws.perform(.advance(days: 5))
        let newDigest = try ws.digest()
        #expect(newDigest != oldDigest)
        try oldSandbox.write(to: URL(fileURLWithPath: ws.sandboxPath))
        let logBefore = try ws.logBytes
        let (world, log, notes) = try ws.open()
        #expect(notes.count == 1)
        #expect(notes.first?.contains("did not match the last line of actions.jsonl") == true)
        #expect(world.day == 25)
        #expect(log.actions.count == 6)
        #expect(try ws.logBytes == logBefore, "the log is the truth and is not touched")
        #expect(try ws.digest() == newDigest)
        #expect(try ws.verify() == .intact(actions: 6, digest: newDigest))
    }

    @Test func halfWrittenLastLineIsDropped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let digest = try ws.digest()
        let logBefore = try ws.logBytes
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ws.logPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"action":"#.utf8))
        try handle.close()
        // verify does not repair: it reports the damaged line.
        guard case .logBroken(let message) = try ws.verify() else {
            Issue.record("verify should report the half-written line")
            return
        }
        #expect(message.contains("line 7"))
        let (_, log, notes) = try ws.open()
        #expect(notes.count == 1)
        #expect(notes.first?.contains("half-written") == true)
        #expect(log.actions.count == 5)
        #expect(try ws.logBytes == logBefore)
        #expect(try ws.digest() == digest)
        #expect(try ws.verify() == .intact(actions: 5, digest: digest))
    }

    // MARK: Tampering

    @Test func editedMiddleLineBreaksTheChainAtTheNextLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        // Line 2 still parses (and the engine would accept 101 units), but line 3 holds the hash of the original line 2.
        try ws.editLogLine(2) { $0.replacingOccurrences(of: #""quantity":100"#, with: #""quantity":101"#) }
        let outcome = try ws.verify()
        guard case .logBroken(let message) = outcome else {
            Issue.record("expected logBroken, got \(outcome)")
            return
        }
        #expect(message.contains("line 3"))
        #expect(message.contains("hash chain is broken"))
        // Nothing can be done on a broken log.
        #expect(throws: WorkspaceError.chainBroken(path: ws.logPath, line: 3)) { try ws.open() }
        #expect(throws: WorkspaceError.chainBroken(path: ws.logPath, line: 3)) { try ws.perform(.advance(days: 1)) }
    }

    @Test func editedLastLineIsAStateDifference() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        try ws.editLogLine(6) { $0.replacingOccurrences(of: #""days":20"#, with: #""days":21"#) }
        let outcome = try ws.verify()
        guard case .stateDiffers(let message) = outcome else {
            Issue.record("expected stateDiffers, got \(outcome)")
            return
        }
        #expect(message.contains("last"))
    }

    @Test func removedLineBreaksTheChain() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        var lines = try ws.logLines
        lines.remove(at: 3) // line 4
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: ws.logPath))
        #expect(throws: WorkspaceError.chainBroken(path: ws.logPath, line: 4)) { try ws.open() }
    }

    @Test func projectionOfAnotherSeedIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let a = try WorkspaceTests.make(folder, "a")
        let b = try WorkspaceTests.make(folder, "b", seed: 99)
        try FileManager.default.removeItem(atPath: a.sandboxPath)
        try FileManager.default.copyItem(atPath: b.sandboxPath, toPath: a.sandboxPath)
        let logBefore = try a.logBytes
        let sandboxBefore = try a.sandboxBytes
        do {
            _ = try a.open()
            Issue.record("open should refuse a projection of another seed")
        } catch {
            guard case .projectionMismatch(let path, let reason) = error else {
                Issue.record("expected projectionMismatch, got \(error)")
                return
            }
            #expect(path == a.sandboxPath)
            #expect(reason.contains("seed 99") && reason.contains("seed 7"))
            #expect(error.description.contains("borderlab replay"))
        }
        #expect(throws: WorkspaceError.self) { try a.perform(.advance(days: 1)) }
        #expect(try a.logBytes == logBefore)
        #expect(try a.sandboxBytes == sandboxBefore)
        // `replay` is the way out.
        _ = try a.replay()
        #expect(try a.open().notes.isEmpty)
    }

    @Test func projectionThatIsNotADatabaseIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a", actions: [])
        try Data("not sqlite".utf8).write(to: URL(fileURLWithPath: ws.sandboxPath))
        #expect(throws: WorkspaceError.self) { try ws.open() }
        guard case .stateDiffers = try ws.verify() else {
            Issue.record("verify should report the unreadable projection")
            return
        }
    }

    // MARK: Refusals

    @Test func createRefusesANonEmptyFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("notes".utf8).write(to: folder.url.appendingPathComponent("notes.txt"))
        #expect(throws: WorkspaceError.folderNotEmpty(folder.path)) {
            try Workspace.create(at: folder.path, header: WorkspaceTests.header(seed: 1))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        // An existing workspace is a non-empty folder too.
        let ws = try WorkspaceTests.make(folder, "a", actions: [])
        #expect(throws: WorkspaceError.folderNotEmpty(ws.root)) {
            try Workspace.create(at: ws.root, header: WorkspaceTests.header(seed: 1))
        }
        // A plain file is not a folder.
        let file = folder.url.appendingPathComponent("notes.txt").path
        #expect(throws: WorkspaceError.folderNotEmpty(file)) { try Workspace.create(at: file, header: WorkspaceTests.header(seed: 1)) }
    }

    @Test func engineRefusalWritesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let logBefore = try ws.logBytes
        let sandboxBefore = try ws.sandboxBytes
        #expect(throws: WorkspaceError.engine(.unknownSKU("XX-NOPE-99"))) {
            try ws.perform(.buy(sku: "XX-NOPE-99", quantity: 1, channel: .postal, customs: .directMail, warehouse: nil))
        }
        #expect(throws: WorkspaceError.engine(.badDays(0))) { try ws.perform(.advance(days: 0)) }
        #expect(try ws.logBytes == logBefore)
        #expect(try ws.sandboxBytes == sandboxBefore)
        #expect(!FileManager.default.fileExists(atPath: ws.root + "/.sandbox.sqlite.tmp"))
    }

    @Test func logOfAnotherEngineIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let current = BorderLabVersion.engine
        try ws.editLogLine(1) { $0.replacingOccurrences(of: #""engine_version":"\#(current)""#, with: #""engine_version":"9.9.9""#) }
        #expect(throws: WorkspaceError.otherEngine(found: "9.9.9", current: current)) { try ws.open() }
        #expect(throws: WorkspaceError.otherEngine(found: "9.9.9", current: current)) { try ws.perform(.advance(days: 1)) }
        #expect(WorkspaceError.otherEngine(found: "9.9.9", current: current).description.contains("made by engine 9.9.9"))
    }

    @Test func logOfANewerFormatIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        try ws.editLogLine(1) { $0.replacingOccurrences(of: #""format_version":1"#, with: #""format_version":99"#) }
        #expect(throws: WorkspaceError.newerFormat(found: 99, supported: WorldHeader.currentFormatVersion)) { try ws.open() }
        #expect(WorkspaceError.newerFormat(found: 99, supported: 1).description.contains("Upgrade borderlab"))
    }

    @Test func yamlThatDisagreesWithTheHeaderIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let yaml = try String(contentsOfFile: ws.yamlPath, encoding: .utf8)
        #expect(yaml.contains("\nseed: 7\n"))
        try yaml.replacingOccurrences(of: "\nseed: 7\n", with: "\nseed: 8\n").write(toFile: ws.yamlPath, atomically: true, encoding: .utf8)
        let outcome = try ws.verify()
        guard case .yamlDiffers(let message) = outcome else {
            Issue.record("expected yamlDiffers, got \(outcome)")
            return
        }
        #expect(message.contains("seed is 8"))
        #expect(message.contains("says 7") || message.contains("header says 7"))
        // `replay` rewrites the copy from the header.
        _ = try ws.replay()
        guard case .intact = try ws.verify() else {
            Issue.record("replay should restore borderlab.yaml")
            return
        }
    }

    @Test func locateFindsTheWorkspaceFromASubfolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a", actions: [])
        let deep = ws.root + "/notes/week1"
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        #expect(try Workspace.locate(explicit: nil, from: deep).root == URL(fileURLWithPath: ws.root).standardizedFileURL.path)
        #expect(throws: WorkspaceError.notAWorkspace("notes")) { try Workspace.locate(explicit: "notes", from: ws.root) }
    }

    // MARK: Concurrency

    /// Runs a blocking workspace call on its own thread (not the Swift concurrency pool).
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    /// While a long `advance` holds the lock, a second command either waits and then succeeds, or reports
    /// `.busy`; either way the workspace stays intact and the log holds the actions in the order they ran.
    @Test func concurrentPerformsNeverCorruptTheWorkspace() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a", customers: 2_000, actions: Array(WorkspaceTests.actions.dropLast()))
        let started = DispatchSemaphore(value: 0)
        async let long: Result<World, WorkspaceError> = WorkspaceTests.onThread {
            Result { () throws(WorkspaceError) -> World in
                try ws.perform(.advance(days: 200)) { done, _ in if done == 1 { started.signal() } }
            }
        }
        await WorkspaceTests.onThread { started.wait() }
        let second = await WorkspaceTests.onThread {
            Result { () throws(WorkspaceError) -> World in
                // CN-COS-01, not CN-ELE-01: in this seed-7 world CN-ELE-01's batch is counterfeit and the regulator
                // recalls and delists it on day 30, so repricing it would be refused for that reason, not the lock.
                try ws.perform(.reprice(sku: "CN-COS-01", price: Money(minor: 1_199, .USD)))
            }
        }
        let first = await long
        let world = try first.get()
        #expect(world.day == 200)
        #expect(world.orders.count > 0)
        let log = try ActionLog.read(at: ws.logPath)
        switch second {
        case .success(let after):
            #expect(after.day == 200, "the second command waited for the first")
            #expect(log.actions.map(\.action.kind) == ["buy", "list", "buy", "list", "advance", "reprice"])
        case .failure(let error):
            #expect(error == .busy(ws.root + "/.borderlab.lock"))
            #expect(log.actions.map(\.action.kind) == ["buy", "list", "buy", "list", "advance"])
        }
        guard case .intact(let count, _) = try ws.verify() else {
            Issue.record("the workspace should verify after concurrent commands")
            return
        }
        #expect(count == log.actions.count)
    }

    /// A command that cannot get the lock within its wait reports `.busy` and writes nothing.
    @Test func lockedWorkspaceReportsBusy() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a", actions: Array(WorkspaceTests.actions.prefix(2)))
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        async let long: Result<World, WorkspaceError> = WorkspaceTests.onThread {
            Result { () throws(WorkspaceError) -> World in
                // Hold the lock (inside perform) until the other command has given up.
                try ws.perform(.advance(days: 2)) { done, _ in
                    if done == 1 { holding.signal(); release.wait() }
                }
            }
        }
        await WorkspaceTests.onThread { holding.wait() }
        let logDuring = try ws.logBytes
        // Both wait (up to 2 s each, side by side) and give up.
        async let secondResult = WorkspaceTests.onThread {
            Result { () throws(WorkspaceError) -> World in try ws.perform(.advance(days: 1)) }
        }
        async let verifyResult = WorkspaceTests.onThread {
            Result { () throws(WorkspaceError) -> VerifyOutcome in try ws.verify() }
        }
        let second = await secondResult
        let verifyDuring = await verifyResult
        #expect(try ws.logBytes == logDuring)
        release.signal()
        #expect(throws: WorkspaceError.busy(ws.root + "/.borderlab.lock")) { try second.get() }
        #expect(throws: WorkspaceError.busy(ws.root + "/.borderlab.lock")) { try verifyDuring.get() }
        #expect(try await long.get().day == 2)
        guard case .intact(3, _) = try ws.verify() else {
            Issue.record("the workspace should verify once the lock is released")
            return
        }
    }
}
