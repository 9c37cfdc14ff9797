import BorderLabCore
import Foundation
import GRDB
import Testing
@testable import BorderLabStore

/// Issue 9 §5: a log line is accepted only when it is byte-identical to its canonical encoding, so that every tool
/// reads the same actions; each way a file can differ gets its own message.
@Suite struct CanonicalLogTests {
    /// The log's bytes with line `number` (1-based) rewritten by `edit`; the line keeps its place in the chain.
    static func edited(_ ws: Workspace, line number: Int, _ edit: (String) -> String) throws -> Data {
        var lines = try ws.logLines
        lines[number - 1] = edit(lines[number - 1])
        return Data(lines.joined(separator: "\n").utf8)
    }

    static func parse(_ data: Data, _ ws: Workspace) throws(WorkspaceError) -> ActionLog {
        try ActionLog.parse(data, path: ws.logPath)
    }

    static func reason(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "accepted" } catch { return "\(error)" }
    }

    /// Reproducer: with `"action"` written twice, Foundation took the first and Python the last.
    @Test func duplicateKeyIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        // Line 6 is the last (`advance 20`): a second "action" inside it does not break any later line's chain.
        let other = ActionLog.line(for: .advance(days: 3_000), sequence: 5, day: 0, previousHash: "")
        let otherAction = String(other[other.range(of: #"{"action":"#)!.upperBound..<other.range(of: #","day":"#)!.lowerBound])
        let data = try CanonicalLogTests.edited(ws, line: 6) {
            $0.replacingOccurrences(of: #"{"action":"#, with: #"{"action":"# + otherAction + #","action":"#)
        }
        let message = CanonicalLogTests.reason { try CanonicalLogTests.parse(data, ws) }
        #expect(message.contains("line 6"))
        #expect(message.contains("'action' appears twice"))
    }

    @Test func unknownFieldAndStrayWhitespaceAreRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let unknown = try CanonicalLogTests.edited(ws, line: 6) { String($0.dropLast()) + #","grade":100}"# }
        #expect(CanonicalLogTests.reason { try CanonicalLogTests.parse(unknown, ws) }.contains("field 'grade' that BorderLab does not write"))
        let spaced = try CanonicalLogTests.edited(ws, line: 6) { $0.replacingOccurrences(of: #","day":"#, with: #", "day":"#) }
        #expect(CanonicalLogTests.reason { try CanonicalLogTests.parse(spaced, ws) }.contains("spaces or tabs"))
        let headerSpaced = try CanonicalLogTests.edited(ws, line: 1) { " " + $0 }
        #expect(CanonicalLogTests.reason { try CanonicalLogTests.parse(headerSpaced, ws) }.contains("header (line 1)"))
    }

    @Test func byteOrderMarkCRLFAndBlankLinesHaveTheirOwnMessages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let log = try ws.logBytes
        #expect(throws: WorkspaceError.byteOrderMark(ws.logPath)) { try CanonicalLogTests.parse(Data([0xEF, 0xBB, 0xBF]) + log, ws) }
        let crlf = Data(String(decoding: log, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(throws: WorkspaceError.crlfLineEnds(path: ws.logPath, line: 1)) { try CanonicalLogTests.parse(crlf, ws) }
        #expect(throws: WorkspaceError.trailingBlankLines(path: ws.logPath, count: 2)) {
            try CanonicalLogTests.parse(log + Data("\n\n".utf8), ws)
        }
        var lines = try ws.logLines
        lines.insert("", at: 3)
        #expect(throws: WorkspaceError.blankLine(path: ws.logPath, line: 4)) {
            try CanonicalLogTests.parse(Data(lines.joined(separator: "\n").utf8), ws)
        }
        #expect(WorkspaceError.crlfLineEnds(path: "actions.jsonl", line: 1).description.contains("dos2unix"))
    }

    @Test func headerFieldsOutOfRangeAreRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a", actions: [])
        let zero = try CanonicalLogTests.edited(ws, line: 1) { $0.replacingOccurrences(of: #""format_version":1"#, with: #""format_version":0"#) }
        #expect(CanonicalLogTests.reason { try CanonicalLogTests.parse(zero, ws) }.contains("format_version 0 is out of range"))
        // A header event dated before the world starts would never happen: refused like in a scenario file.
        var header = WorkspaceTests.header(seed: 1)
        header.events = [ScheduledEvent(date: header.startDate.adding(days: -1), kind: .fxShock, currency: .USD, percent: 5)]
        #expect(CanonicalLogTests.reason { try World(header: header) }.contains("before the world starts"))
    }

    /// Reproducer: a 10 MB SKU was echoed twice in the error. Values in messages are cut at 80 characters.
    @Test func longValuesAreNotEchoedInFull() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let log = try ActionLog.read(at: ws.logPath)
        let sku = String(repeating: "X", count: 5_000)
        let line = ActionLog.line(for: .delist(sku: sku), sequence: 6, day: 20, previousHash: log.headHash)
        let longSKU = try ws.logBytes + Data((line + "\n").utf8)
        let parsed = try CanonicalLogTests.parse(longSKU, ws)
        let message = CanonicalLogTests.reason { try Workspace.replay(parsed, path: ws.logPath) }
        #expect(message.contains("line 7"))
        #expect(message.contains("…"))
        #expect(message.count < 1_000)
        let huge = String(repeating: "Y", count: 10_000_000)
        let hugeLine = ActionLog.line(for: .delist(sku: huge), sequence: 6, day: 20, previousHash: log.headHash)
        let hugeMessage = CanonicalLogTests.reason { try CanonicalLogTests.parse(try ws.logBytes + Data((hugeLine + "\n").utf8), ws) }
        #expect(hugeMessage.contains("more than any action line"))
        #expect(hugeMessage.count < 1_000)
    }

    /// `digest` no longer hashes a projection edited by hand: it checks it against the log first.
    @Test func digestChecksTheProjectionAgainstTheLog() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let queue = try DatabaseQueue(path: ws.sandboxPath)
        try queue.write { db in try db.execute(sql: "UPDATE listings SET price_minor = price_minor + 1") }
        try queue.close()
        #expect { try ws.digest() } throws: { error in
            guard case WorkspaceError.projectionMismatch(_, let reason) = error else { return false }
            return reason.contains("listings")
        }
    }
}
