import Foundation
import Testing
@testable import BorderLabCLI

/// `tickets`, `market inspect` and `market verify` run in-process: exit codes, and refusals that leave the log alone.
@Suite struct ServiceCLITests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-svc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: String...) -> Int32 { CLIRunner.main(arguments) }

    @Test func serviceCommandsWorkAndRefuseBadInput() throws {
        let ws = folder + "/shop"
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "400") == 0)
        #expect(run("market", "buy", "JP-COS-01", "--qty", "100", "--channel", "air-freight", "--customs", "1210", "--workspace", ws) == 0)
        #expect(run("shop", "add", "JP-COS-01", "--price", "129.00 CNY", "--workspace", ws) == 0)
        #expect(run("market", "inspect", "PO-1", "--aql", "2.5", "--workspace", ws) == 0)
        #expect(run("market", "verify", "jp-kyoto-beauty", "--workspace", ws) == 0)
        #expect(run("advance", "--days", "60", "--workspace", ws) == 0)
        #expect(run("tickets", "list", "--workspace", ws) == 0)
        #expect(run("tickets", "list", "--all", "--json", "--workspace", ws) == 0)
        let log = FileManager.default.contents(atPath: ws + "/actions.jsonl")
        #expect(run("market", "inspect", "PO-1", "--aql", "2.5", "--workspace", ws) == 2, "already inspected")
        #expect(run("market", "inspect", "1", "--aql", "3.0", "--workspace", ws) == 2, "not an AQL of the table")
        #expect(run("market", "inspect", "PO-x", "--aql", "2.5", "--workspace", ws) == 2)
        #expect(run("market", "verify", "jp-kyoto-beauty", "--workspace", ws) == 2, "already verified")
        #expect(run("market", "verify", "nobody", "--workspace", ws) == 2)
        #expect(run("tickets", "show", "9999", "--workspace", ws) == 2)
        #expect(run("tickets", "reply", "9999", "--action", "refund", "--workspace", ws) == 2)
        #expect(run("tickets", "reply", "1", "--action", "shrug", "--workspace", ws) == 2)
        #expect(FileManager.default.contents(atPath: ws + "/actions.jsonl") == log, "refusals write nothing")
        #expect(run("sql", "SELECT outcome, sample_size, accept, reject FROM inspections", "--workspace", ws) == 0)
        #expect(run("verify", "--workspace", ws) == 0)
    }
}
