import ArgumentParser
import Foundation
import Testing
@testable import BorderLabCLI

/// The command line run in-process: exit codes, what it leaves on disk, and its help texts.
@Suite struct CLITests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: String...) -> Int32 { CLIRunner.main(arguments) }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func studentFlowSucceedsAndVerifies() throws {
        let ws = folder + "/shop"
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "300") == 0)
        #expect(run("market", "quote", "JP-COS-01", "--qty", "50", "--channel", "air-freight", "--customs", "1210", "--workspace", ws) == 0)
        #expect(run("market", "buy", "JP-COS-01", "--qty", "50", "--channel", "air-freight", "--customs", "1210", "--workspace", ws) == 0)
        #expect(run("shop", "add", "JP-COS-01", "--price", "129.00 CNY", "--workspace", ws) == 0)
        #expect(run("advance", "--days", "20", "--workspace", ws) == 0)
        #expect(run("status", "--json", "--workspace", ws) == 0)
        #expect(run("sql", "SELECT COUNT(*) FROM orders", "--workspace", ws) == 0)
        #expect(run("log", "--workspace", ws) == 0)
        #expect(run("verify", "--workspace", ws) == 0)
        let lines = String(decoding: try #require(bytes(ws + "/actions.jsonl")), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 4) // header + buy + add + advance
    }

    @Test func refusedActionExitsTwoAndWritesNothing() throws {
        let ws = folder + "/shop"
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "100") == 0)
        let log = bytes(ws + "/actions.jsonl"), sandbox = bytes(ws + "/sandbox.sqlite")
        #expect(run("market", "buy", "NO-SUCH-SKU", "--qty", "5", "--channel", "express", "--customs", "9610", "--workspace", ws) == 2)
        #expect(run("shop", "add", "JP-COS-01", "--price", "12.00 USD", "--workspace", ws) == 2)
        #expect(run("shop", "add", "JP-COS-01", "--price", "twelve", "--workspace", ws) == 2)
        #expect(run("market", "buy", "JP-COS-01", "--qty", "5", "--channel", "postal", "--customs", "1210", "--workspace", ws) == 2)
        #expect(run("sql", "DROP TABLE orders", "--workspace", ws) == 2)
        #expect(bytes(ws + "/actions.jsonl") == log)
        #expect(bytes(ws + "/sandbox.sqlite") == sandbox)
    }

    @Test func badUsageExitsTwo() {
        #expect(run("advance", "--days", "0", "--workspace", folder) == 2)
        #expect(run("status", "--no-such-flag") == 2)
        #expect(run("new", folder + "/x", "--scenario", "moon-base") == 2)
        #expect(run("status", "--workspace", folder) == 2) // not a workspace
    }

    @Test func newRefusesANonEmptyFolder() throws {
        try Data("notes".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        #expect(run("new", folder, "--scenario", "cn-import") == 2)
        #expect(!FileManager.default.fileExists(atPath: folder + "/actions.jsonl"))
    }

    @Test func verifyExitsOneOnATamperedLog() throws {
        let ws = folder + "/shop"
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "100") == 0)
        #expect(run("advance", "--days", "2", "--workspace", ws) == 0)
        #expect(run("advance", "--days", "3", "--workspace", ws) == 0)
        let path = ws + "/actions.jsonl"
        var text = String(decoding: try #require(bytes(path)), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"days\":2", with: "\"days\":9")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(run("verify", "--workspace", ws) == 1)
    }

    @Test func helpTextsAreComplete() {
        let advance = BorderLab.helpMessage(for: BorderLab.Advance.self)
        #expect(advance == """
            OVERVIEW: Let simulated days pass: customers shop, goods move, customs clear,
            money settles.

            Runs at least one day and stops at the end of the first day on which something
            new needs you: a ticket no standing rule answers, a parcel customs holds that
            no rule releases, a listed SKU sold out with nothing on its way, cash below
            your alert. It says what and how to handle it; run `advance` again to go on.
            Standing rules: `borderlab tickets policy`, `borderlab customs policy release`,
            `borderlab shop set alerts.cash_below "AMOUNT CUR"`. The log records the days
            actually run.
            Examples:
              borderlab advance --days 30
              borderlab advance --days 30 --no-stop

            USAGE: borderlab advance [--workspace <workspace>] [--days <days>] [--no-stop] [--json]

            OPTIONS:
              --workspace <workspace> The workspace folder (default: the current folder or
                                      the nearest parent holding borderlab.yaml).
              --days <days>           How many days to simulate at most (1–3660). (default:
                                      1)
              --no-stop               Run every day asked, whatever needs you on the way.
              --json                  Print the status after the run as JSON (the keys of
                                      `status --json`) instead of text.
              --version               Show the version.
              -h, --help              Show help information.

            """)
        let buy = BorderLab.helpMessage(for: BorderLab.Market.Buy.self)
        for channel in ["postal", "epacket", "dedicated-line", "express", "sea-freight", "air-freight"] {
            #expect(buy.contains(channel))
        }
        #expect(buy.contains("--customs"))
        #expect(run("--help") == 0)
    }
}
