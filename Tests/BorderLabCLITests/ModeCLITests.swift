import Foundation
import Testing
@testable import BorderLabCLI
import BorderLabStore

/// The mode commands as a student types them: every valid pair can be created, the mode's own commands work and
/// refuse what the mode does not do, and scenario files with events create workspaces that verify.
@Suite struct ModeCLITests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-modes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: String...) -> Int32 { CLIRunner.main(arguments) }

    @Test(arguments: [("cn-import", "daigou"), ("cn-import", "b2c-comprehensive"), ("cn-import", "b2c-vertical"),
                      ("cn-import", "direct-delivery"), ("cn-import", "rebate"), ("global-export", "b2c-comprehensive"),
                      ("global-export", "b2c-vertical"), ("global-export", "b2b-platform")])
    func everyValidPairCreatesAWorkspace(_ scenario: String, _ mode: String) {
        let ws = folder + "/\(scenario)-\(mode)"
        #expect(run("new", ws, "--scenario", scenario, "--mode", mode, "--customers", "200") == 0)
        #expect(run("advance", "--days", "3", "--workspace", ws) == 0)
        #expect(run("status", "--json", "--workspace", ws) == 0)
        #expect(run("verify", "--workspace", ws) == 0)
    }

    /// Negative values are refused as values, not mistaken for unknown flags, and change nothing.
    @Test func negativeValuesAreRefusedClearly() throws {
        let ws = folder + "/neg"
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "50") == 0)
        let log = try String(contentsOfFile: ws + "/actions.jsonl", encoding: .utf8)
        #expect(run("fx", "convert", "-5 USD", "--to", "CNY", "--workspace", ws) == 2)
        #expect(run("market", "buy", "JP-COS-01", "--qty", "-5", "--channel", "air-freight", "--customs", "1210", "--workspace", ws) == 2)
        #expect(run("shop", "add", "JP-COS-01", "--price", "-5 CNY", "--workspace", ws) == 2)
        #expect(try String(contentsOfFile: ws + "/actions.jsonl", encoding: .utf8) == log)
        #expect(run("fx", "convert", "1,000 CNY", "--to", "USD", "--workspace", ws) == 0, "amounts as status prints them")
    }

    @Test func invalidPairsAreRefusedWithoutAWorkspace() {
        #expect(run("new", folder + "/a", "--scenario", "global-export", "--mode", "daigou") == 2)
        #expect(run("new", folder + "/b", "--scenario", "cn-import", "--mode", "b2b-platform") == 2)
        #expect(run("new", folder + "/c", "--scenario", "cn-import", "--mode", "dropshipping") == 2)
        #expect(!FileManager.default.fileExists(atPath: folder + "/a/actions.jsonl"))
    }

    @Test func directDeliveryFlow() {
        let ws = folder + "/dd"
        #expect(run("new", ws, "--scenario", "cn-import", "--mode", "direct-delivery", "--customers", "300") == 0)
        #expect(run("shop", "add", "JP-COS-01", "--price", "199.00 CNY", "--workspace", ws) == 2) // no agreement yet
        #expect(run("shop", "sign", "jp-kyoto-beauty", "--workspace", ws) == 0)
        #expect(run("shop", "add", "JP-COS-01", "--price", "199.00 CNY", "--workspace", ws) == 0)
        #expect(run("shop", "set", "platform.commission", "14", "--workspace", ws) == 0)
        #expect(run("shop", "set", "platform.commission", "lots", "--workspace", ws) == 2)
        #expect(run("shop", "set", "rebate.share", "30", "--workspace", ws) == 2) // not a rebate site
        #expect(run("market", "buy", "JP-COS-01", "--qty", "50", "--channel", "air-freight", "--customs", "1210", "--workspace", ws) == 2)
        #expect(run("shop", "settings", "--workspace", ws) == 0)
        #expect(run("advance", "--days", "10", "--workspace", ws) == 0)
        #expect(run("verify", "--workspace", ws) == 0)
    }

    @Test func rebateListsWithoutAPrice() {
        let ws = folder + "/rebate"
        #expect(run("new", ws, "--scenario", "cn-import", "--mode", "rebate", "--customers", "300") == 0)
        #expect(run("shop", "add", "JP-COS-01", "--workspace", ws) == 0)
        #expect(run("shop", "add", "KR-COS-01", "--price", "1.00 CNY", "--workspace", ws) == 2)
        #expect(run("shop", "set", "rebate.ad_budget", "100 CNY", "--workspace", ws) == 0)
        #expect(run("advance", "--days", "5", "--workspace", ws) == 0)
    }

    @Test func scenarioFilesCreateWorkspacesWithEvents() throws {
        let file = folder + "/strike.yaml"
        try Data("""
            scenario: cn-import
            mode: daigou
            seed: 12
            events:
              - date: 2026-10-22
                kind: port-strike
                country: ALL
                days: 3
                note: Typhoon.
            """.utf8).write(to: URL(fileURLWithPath: file))
        let ws = folder + "/from-file"
        #expect(run("new", ws, "--scenario", file, "--customers", "100") == 0)
        let log = try String(contentsOfFile: ws + "/actions.jsonl", encoding: .utf8)
        #expect(log.contains("\"events\"") && log.contains("port-strike") && log.contains("\"mode\":\"daigou\""))
        #expect(run("advance", "--days", "5", "--workspace", ws) == 0)
        #expect(run("verify", "--workspace", ws) == 0)
        // `--start-date` after the strike's date would leave an event that never happens: refused, nothing created.
        #expect(run("new", folder + "/late", "--scenario", file, "--start-date", "2026-11-01") == 2)
        #expect(!FileManager.default.fileExists(atPath: folder + "/late/actions.jsonl"))
        try Data("scenario: cn-import\nevents: 3\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(run("new", folder + "/bad", "--scenario", file) == 2)
        #expect(run("new", folder + "/missing", "--scenario", folder + "/nope.yaml") == 2)
    }

    /// What `borderlab new …` refuses with, or nil when it succeeds (the message a user reads after `error: `).
    func refusal(_ arguments: String...) -> String? {
        do {
            var command = try BorderLab.parseAsRoot(arguments)
            try command.run()
            return nil
        } catch {
            return "\(error)"
        }
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Problem 2: a file's `mode:` that its preset does not offer is refused naming the file and the field, and
    /// `new` writes nothing (not even the folder), whatever --mode says.
    @Test func aFileModeOfTheWrongPresetNamesTheFileAndTheField() throws {
        let file = try write("scenario: cn-import\nmode: b2b-platform\n", to: "wrong-mode.yaml")
        let ws = folder + "/wrong-mode"
        let message = try #require(refusal("new", ws, "--scenario", file))
        #expect(message.hasPrefix("\(file): mode: 'b2b-platform' is a mode of global-export, not of the cn-import scenario; use one of daigou"), "\(message)")
        #expect(message.hasSuffix("Fix the file and run the command again."))
        #expect(refusal("new", ws, "--scenario", file, "--mode", "daigou") == message)
        #expect(!FileManager.default.fileExists(atPath: ws))
    }

    /// Problem 5: `--start-date` after an event's date can be fixed in the file or on the command line: the error
    /// says both, and nothing is written.
    @Test func aStartDateAfterAnEventOffersBothFixes() throws {
        let file = try write("""
            scenario: cn-import
            events:
              - date: 2026-10-22
                kind: port-strike
                country: ALL
                days: 3
              - date: 2026-10-25
                kind: fx-shock
                currency: JPY
                percent: 4
            """, to: "early.yaml")
        let ws = folder + "/late-start"
        let message = try #require(refusal("new", ws, "--scenario", file, "--start-date", "2026-11-01"))
        #expect(message == """
            \(file): events[1].date: it is dated 2026-10-22, before the world starts on 2026-11-01, so it would never happen.
            \(file): events[2].date: it is dated 2026-10-25, before the world starts on 2026-11-01, so it would never happen.
            Move the events on or after 2026-11-01 in the file, or choose a --start-date on or before 2026-10-22, and run the command again.
            """)
        #expect(!FileManager.default.fileExists(atPath: ws))
        // A start date on or before the first event works.
        #expect(refusal("new", ws, "--scenario", file, "--start-date", "2026-10-22", "--customers", "100") == nil)
        #expect(FileManager.default.fileExists(atPath: ws + "/actions.jsonl"))
    }

    /// Events before the preset's own start date (the file sets none, nor does the user): the fix is in the file.
    @Test func anEventBeforeThePresetStartIsAFileFix() throws {
        let file = try write("scenario: cn-import\nevents:\n  - date: 2026-01-05\n    kind: port-strike\n    country: ALL\n", to: "old.yaml")
        let ws = folder + "/old"
        let message = try #require(refusal("new", ws, "--scenario", file))
        #expect(message.hasPrefix("\(file): events[1].date: it is dated 2026-01-05, before the world starts on "), "\(message)")
        #expect(message.contains("(the preset's start date), or set an earlier start_date in the file."))
        #expect(message.hasSuffix("Fix the file and run the command again."))
        #expect(!FileManager.default.fileExists(atPath: ws))
    }

    /// Problem 6 through `new`: a file with several mistakes is refused with all of them, and nothing is written.
    @Test func aFileWithSeveralMistakesWritesNothing() throws {
        let file = try write("""
            scenario: global-export
            mode: daigou
            events:
              - date: 2026-11-31
                kind: fx-shock
                currency: USD
                percent: 5
                days: 4
            """, to: "several.yaml")
        let ws = folder + "/several"
        let message = try #require(refusal("new", ws, "--scenario", file))
        let lines = message.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(message)")
        #expect(lines[0].hasPrefix("\(file): mode: 'daigou' is a mode of cn-import, not of the global-export scenario"))
        #expect(lines[1].hasPrefix("\(file): events[1].date: 2026-11-31 is not a calendar date: November 2026 has 30 days, not 31"))
        #expect(lines[2].hasPrefix("\(file): events[1].days: fx-shock does not use days"))
        #expect(lines[3] == "Fix the file and run the command again.")
        #expect(!FileManager.default.fileExists(atPath: ws))
        #expect(run("new", ws, "--scenario", file) == 2)
        #expect(!FileManager.default.fileExists(atPath: ws))
    }
}

/// Every command the tour suggests must work in the tour's mode: a new user copies them as they are.
@Suite struct TourSuggestionTests {
    @Test(arguments: [("cn-import", "daigou"), ("cn-import", "b2c-comprehensive"), ("cn-import", "b2c-vertical"),
                      ("cn-import", "direct-delivery"), ("cn-import", "rebate"), ("global-export", "b2c-comprehensive"),
                      ("global-export", "b2c-vertical"), ("global-export", "b2b-platform")])
    func everySuggestionRuns(_ scenario: String, _ mode: String) throws {
        let ws = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-tour-\(UUID().uuidString)").path
        #expect(CLIRunner.main(["tour", ws, "--scenario", scenario, "--mode", mode, "--days", "5"]) == 0)
        let world = try Workspace.locate(explicit: ws, from: "/").open().world
        let lines = BorderLab.Tour.suggestions(world)
        #expect(lines.count >= 8)
        for line in lines {
            var words = Self.shellWords(line)
            #expect(words.removeFirst() == "borderlab")
            #expect(CLIRunner.main(words + ["--workspace", ws]) == 0, "refused in \(mode): \(line)")
        }
    }

    /// Splits a suggested command line the way a shell would: double quotes group, backslash escapes, `#` comments.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, escaped = false, started = false
        for ch in line {
            if escaped { word.append(ch); escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted.toggle(); started = true
            case "#" where !quoted && !started: return words
            case " " where !quoted:
                if started { words.append(word); word = ""; started = false }
            default: word.append(ch); started = true
            }
        }
        if started { words.append(word) }
        return words
    }
}
