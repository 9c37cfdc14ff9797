import Foundation
import Testing
@testable import BorderLabCLI

/// `borderlab risk` and `borderlab fx`: they append the right actions, refuse bad input without writing, and print.
@Suite struct RiskCLITests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-risk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: String...) -> Int32 { CLIRunner.main(arguments) }

    func logLines(_ ws: String) -> [Substring] {
        String(decoding: FileManager.default.contents(atPath: ws + "/actions.jsonl") ?? Data(), as: UTF8.self).split(separator: "\n")
    }

    @Test func riskAndFXCommandsAppendActions() throws {
        let ws = folder + "/shop"
        #expect(run("new", ws, "--scenario", "global-export", "--customers", "300") == 0)
        #expect(run("risk", "set", "--verify-above", "150.00 USD", "--verify-score-above", "70", "--workspace", ws) == 0)
        #expect(run("risk", "set", "--verify-score-above", "off", "--workspace", ws) == 0)
        #expect(run("fx", "auto-convert", "off", "--workspace", ws) == 0)
        #expect(run("fx", "convert", "1000.00 CNY", "--to", "USD", "--workspace", ws) == 0)
        #expect(run("market", "buy", "CN-ELE-01", "--qty", "100", "--channel", "postal", "--customs", "9610", "--workspace", ws) == 0)
        #expect(run("shop", "add", "CN-ELE-01", "--price", "19.99 USD", "--workspace", ws) == 0)
        #expect(run("advance", "--days", "40", "--workspace", ws) == 0)
        #expect(run("risk", "show", "--workspace", ws) == 0)
        #expect(run("risk", "show", "--json", "--workspace", ws) == 0)
        #expect(run("fx", "rates", "--workspace", ws) == 0)
        #expect(run("fx", "rates", "--json", "--workspace", ws) == 0)
        #expect(run("sql", "SELECT * FROM dispute_monitor", "--workspace", ws) == 0)
        #expect(run("verify", "--workspace", ws) == 0)
        let lines = logLines(ws)
        // header, two sets, one set, auto-convert, convert, buy, add, advance
        #expect(lines.count == 9)
        #expect(lines[1].contains("\"risk.verify_above\"") && lines[2].contains("\"risk.verify_score_above\""))
        #expect(lines[5].contains("fx-convert"))
    }

    @Test func refusalsExitTwoAndWriteNothing() throws {
        let ws = folder + "/shop"
        #expect(run("new", ws, "--scenario", "global-export", "--customers", "100") == 0)
        let before = logLines(ws)
        // A bad second value refuses both settings.
        #expect(run("risk", "set", "--verify-above", "150.00 USD", "--verify-score-above", "200", "--workspace", ws) == 2)
        #expect(run("risk", "set", "--verify-above", "150.00 CNY", "--workspace", ws) == 2)
        #expect(run("risk", "set", "--workspace", ws) == 2)
        #expect(run("fx", "convert", "5.00 USD", "--to", "CNY", "--workspace", ws) == 2)
        #expect(run("fx", "convert", "5.00 CNY", "--to", "CNY", "--workspace", ws) == 2)
        #expect(run("fx", "convert", "5.00 CNY", "--to", "XYZ", "--workspace", ws) == 2)
        #expect(run("fx", "convert", "-5.00 CNY", "--to", "USD", "--workspace", ws) == 2)
        #expect(run("fx", "auto-convert", "maybe", "--workspace", ws) == 2)
        #expect(logLines(ws) == before)
    }
}
