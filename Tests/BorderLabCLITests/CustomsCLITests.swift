import BorderLabCore
import BorderLabStore
import Foundation
import Testing
@testable import BorderLabCLI

/// `borderlab customs list` and `release`: exit codes, and a refused release leaves the log alone.
@Suite struct CustomsCLITests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-customs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: String...) -> Int32 { CLIRunner.main(arguments) }

    @Test func listAndReleaseHolds() throws {
        let ws = folder + "/shop"
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "60000", "--seed", "7") == 0)
        #expect(run("customs", "list", "--workspace", ws) == 0) // nothing held yet
        #expect(run("customs", "list", "--all", "--json", "--workspace", ws) == 0)
        #expect(run("market", "buy", "NZ-SUP-05", "--qty", "600", "--channel", "postal", "--customs", "9610", "--workspace", ws) == 0)
        #expect(run("market", "buy", "JP-COS-01", "--qty", "300", "--channel", "express", "--customs", "9610", "--workspace", ws) == 0)
        #expect(run("shop", "add", "NZ-SUP-05", "--price", "114.73 CNY", "--workspace", ws) == 0)
        #expect(run("shop", "add", "JP-COS-01", "--price", "152.46 CNY", "--workspace", ws) == 0)
        #expect(run("advance", "--days", "30", "--workspace", ws) == 0)
        #expect(run("customs", "list", "--workspace", ws) == 0)
        #expect(run("customs", "list", "--all", "--workspace", ws) == 0)
        #expect(run("customs", "list", "--json", "--workspace", ws) == 0)

        let log = FileManager.default.contents(atPath: ws + "/actions.jsonl")
        #expect(run("customs", "release", "9999", "--workspace", ws) == 2)
        let world = try Workspace(root: ws).open().world
        let holds = world.customsBook.holds
        if let inspection = holds.first(where: { $0.reason == .inspection }) {
            #expect(run("customs", "release", String(inspection.id), "--workspace", ws) == 2)
        }
        #expect(FileManager.default.contents(atPath: ws + "/actions.jsonl") == log, "refused releases are not logged")
        let mismatch = try #require(world.customsBook.held.first { $0.reason == .mismatch }, "a mismatch hold of the last 14 days is still held on day 30")
        #expect(run("customs", "release", String(mismatch.id), "--workspace", ws) == 0)
        #expect(run("customs", "release", String(mismatch.id), "--workspace", ws) == 2) // already released
        #expect(run("verify", "--workspace", ws) == 0)
        #expect(run("sql", "SELECT status, COUNT(*) FROM customs_holds GROUP BY status", "--workspace", ws) == 0)
    }

    @Test func helpShowsExamples() {
        let list = BorderLab.helpMessage(for: BorderLab.Customs.List.self)
        #expect(list.contains("borderlab customs list --all --json"))
        #expect(list.contains("--all"))
        let release = BorderLab.helpMessage(for: BorderLab.Customs.Release.self)
        #expect(release.contains("borderlab customs release 3"))
        #expect(release.contains("30.00 CNY"))
    }
}
