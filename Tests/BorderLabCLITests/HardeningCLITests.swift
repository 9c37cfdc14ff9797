import BorderLabCore
import BorderLabStore
import Foundation
import Testing
@testable import BorderLabCLI

/// Issue 9 end to end: each reproducer, run as the command a student or a grader types, ends with exit 1 or 2 and a
/// message, never a trap (exit 132), a hang, or a half-made folder.
@Suite struct HardeningCLITests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-hard-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: String...) -> Int32 { CLIRunner.main(arguments) }

    /// A scenario file with `count` fx-shocks of +100% on `currency`.
    func shockFile(_ count: Int, _ currency: String, date: String) throws -> String {
        var text = "scenario: cn-import\nstart_date: 2026-10-20\nevents:\n"
        for _ in 0..<count { text += "  - {date: \(date), kind: fx-shock, currency: \(currency), percent: 100}\n" }
        let path = folder + "/shocks-\(count)-\(currency)-\(date).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Reproducer: 35 × USD +100%: `new` accepted it and `advance --days 2` died; dated on the start date, `new` died.
    @Test func compoundedShocksInAScenarioFileAreRefusedByNew() throws {
        for date in ["2026-10-21", "2026-10-20"] {
            let ws = folder + "/ws-\(date)"
            #expect(run("new", ws, "--scenario", try shockFile(35, "USD", date: date), "--customers", "50") == 2)
            #expect(!FileManager.default.fileExists(atPath: ws), "nothing is left behind")
        }
        #expect(run("new", folder + "/jpy", "--scenario", try shockFile(40, "JPY", date: "2026-10-21"), "--customers", "50") == 2)
    }

    /// Reproducer: the same shocks in a log's header made `status` and `verify` die with exit 132.
    @Test func compoundedShocksInALogHeaderAreAnError() throws {
        let ws = folder + "/shop"
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "50") == 0)
        var header = try ActionLog.read(at: ws + "/actions.jsonl").header
        header.events = Array(repeating: ScheduledEvent(date: header.startDate.adding(days: 1), kind: .fxShock, currency: .USD, percent: 100), count: 35)
        try (ActionLog.headerLine(header) + "\n").write(toFile: ws + "/actions.jsonl", atomically: true, encoding: .utf8)
        #expect(run("status", "--workspace", ws) == 2)
        #expect(run("verify", "--workspace", ws) == 1)
        #expect(run("digest", "--workspace", ws) == 2)
    }

    /// Reproducers of §2 through the command: each ends quickly with exit 2.
    @Test func hostileQueriesEndQuicklyWithAnError() throws {
        let ws = folder + "/shop"
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "50") == 0)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(run("sql", "SELECT instr(printf('%.*c', 16000000, 'a'), printf('%.*c', 200000, 'a') || 'b')", "--workspace", ws) == 2)
        #expect(run("sql", "--format", "csv", "SELECT zeroblob(16000000) AS z FROM products LIMIT 80", "--workspace", ws) == 2)
        #expect(run("sql", "SELECT hex(fts3_tokenizer('simple'))", "--workspace", ws) == 2)
        #expect(clock.now - start < .seconds(10))
    }
}
