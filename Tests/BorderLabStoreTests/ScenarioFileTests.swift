import BorderLabCore
@testable import BorderLabStore
import Foundation
import Testing

@Suite struct ScenarioFileTests {
    /// The example files shipped in scenarios/ parse and build worlds.
    @Test(arguments: ["peak-season-shocks.yaml", "tariff-shock-export.yaml"])
    func shippedScenarioFilesLoad(_ name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try ScenarioFile.load(path: root.appendingPathComponent("scenarios/\(name)").path)
        #expect(!file.events.isEmpty)
        let header = WorldHeader(seed: file.seed ?? 1, scenario: file.scenario, mode: file.mode ?? "b2c-comprehensive",
                                 startDate: file.startDate, customers: 200, events: file.events)
        var world = try World(header: header)
        try world.apply(.advance(days: 100))
        for event in file.events {
            #expect(world.events.contains { $0.kind == event.kind.rawValue }, "\(event.kind) never happened")
        }
    }

    @Test func aScenarioFileParses() throws {
        let file = try ScenarioFile.parse("""
            scenario: global-export
            mode: b2b-platform
            seed: 5
            events:
              - date: 2026-11-10
                kind: fx-shock
                currency: usd
                percent: -5
            """, path: "s.yaml")
        #expect(file.scenario == .globalExport && file.mode == "b2b-platform" && file.seed == 5)
        #expect(file.events == [ScheduledEvent(date: SimDate(iso: "2026-11-10")!, kind: .fxShock, currency: .USD, percent: -5)])
    }

    @Test(arguments: [
        ("scenario: moon-import", "s.yaml: scenario: 'moon-import' is not a preset"),
        ("scenario: cn-import\nseeds: 4", "s.yaml: seeds: unknown field"),
        ("scenario: cn-import\nevents:\n  - date: 2026-13-01\n    kind: fx-shock\n    currency: USD\n    percent: 5",
         "s.yaml: events[1].date: 2026-13-01 is not a calendar date: there is no month 13"),
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: earthquake", "s.yaml: events[1].kind: 'earthquake' is not a kind of event; use one of fx-shock, port-strike"),
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: fx-shock\n    currency: USD\n    percent: many",
         "s.yaml: events[1].percent: write a whole number"),
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: policy-change\n    country: US\n    percent: 10",
         "s.yaml: events[1].country: policy-change needs country: one of the shoppers' countries (CN)"),
        // fx-shock: a missing percent and an out-of-range one get different fixes (the old message said "not 0" to both).
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: fx-shock\n    currency: USD",
         "s.yaml: events[1].percent: fx-shock needs percent"),
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: fx-shock\n    currency: USD\n    percent: 300",
         "s.yaml: events[1].percent: fx-shock percent 300 is out of range"),
        // A Chinese supplier and a Chinese SKU sell to global-export shops only: in a cn-import world they never matter.
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: supplier-failure\n    supplier: cn-yiwu-goods",
         "s.yaml: events[1].supplier: supplier cn-yiwu-goods is in CN and does not sell to a cn-import shop"),
        ("scenario: global-export\nevents:\n  - date: 2026-11-01\n    kind: viral-review\n    sku: KR-COS-01\n    stars: 1",
         "s.yaml: events[1].sku: KR-COS-01 is not sold in global-export"),
        // Dated the day before the file's own start date: it would never fire.
        ("scenario: cn-import\nstart_date: 2026-11-01\nevents:\n  - date: 2026-10-31\n    kind: fx-shock\n    currency: USD\n    percent: 5",
         "s.yaml: events[1].date: it is dated 2026-10-31, before the world starts on 2026-11-01"),
        ("- just\n- a list", "s.yaml: file: it must be a mapping"),
        ("scenario: [unclosed", "s.yaml: file: it is not valid YAML at line 2, column 1: while parsing a flow sequence (line 1): did not find expected ',' or ']'"),
        // The YAML reader refuses a key given twice; the message names it and does not echo the whole file back.
        ("scenario: cn-import\nseed: 3\nseed: 4", "s.yaml: file: it gives seed twice (first at line 2), so one value would be lost; keep one."),
    ])
    func badFilesNameTheFieldAndTheFix(_ text: String, _ message: String) {
        do {
            _ = try ScenarioFile.parse(text, path: "s.yaml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
            #expect(error.description.hasSuffix("Fix the file and run the command again."))
        }
    }

    /// The error a text gets, or nil when it is accepted.
    func refusal(_ text: String) -> ScenarioFileError? {
        do { _ = try ScenarioFile.parse(text, path: "s.yaml"); return nil } catch { return error }
    }

    /// Problem 1: a field the event's kind does not use is refused by name, with the fields that kind takes, instead
    /// of being accepted and ignored (an instructor who wrote `days: 3` on an fx-shock expected it to last 3 days).
    @Test func fieldsTheKindDoesNotUseAreRefused() throws {
        let text = """
            scenario: cn-import
            events:
              - date: 2026-11-01
                kind: fx-shock
                currency: USD
                percent: 5
                days: 3
                country: US
            """
        let error = try #require(refusal(text))
        #expect(error.description.hasPrefix(
            "s.yaml: events[1].days: fx-shock does not use days; fx-shock events take currency, percent (and date, kind, note, as every event does)"),
            "\(error)")
        #expect(error.description.contains("\ns.yaml: events[1].country: fx-shock does not use country;"))
        #expect(error.problems.map(\.field) == ["events[1].days", "events[1].country"])
    }

    /// Each kind takes exactly the fields its doc comment names, plus date, kind and note.
    @Test(arguments: [
        ("fx-shock", ["currency: USD", "percent: 5"], "days: 3"),
        ("port-strike", ["country: ALL", "days: 3"], "percent: 5"),
        ("policy-change", ["country: CN", "percent: 10", "days: 30"], "stars: 2"),
        ("supplier-failure", ["supplier: de-hamburg-drogerie", "days: 30"], "sku: KR-COS-01"),
        ("viral-review", ["sku: KR-COS-01", "stars: 1", "days: 21"], "supplier: de-hamburg-drogerie"),
    ])
    func eachKindTakesItsOwnFields(_ kind: String, _ fields: [String], _ foreign: String) throws {
        let event = "scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: \(kind)\n    note: Read me.\n"
            + fields.map { "    \($0)\n" }.joined()
        #expect(try ScenarioFile.parse(event, path: "s.yaml").events.count == 1)
        let key = String(foreign.prefix { $0 != ":" })
        let error = try #require(refusal(event + "    \(foreign)\n"))
        #expect(error.description.hasPrefix("s.yaml: events[1].\(key): \(kind) does not use \(key); \(kind) events take "), "\(error)")
    }

    /// Problem 2: a mode the preset does not offer is refused by the parser, naming the file and the field.
    @Test func aModeOfTheOtherPresetIsRefusedByName() throws {
        let error = try #require(refusal("scenario: cn-import\nmode: b2b-platform\n"))
        #expect(error.description.hasPrefix(
            "s.yaml: mode: 'b2b-platform' is a mode of global-export, not of the cn-import scenario; use one of daigou, b2c-comprehensive"),
            "\(error)")
        let unknown = try #require(refusal("scenario: global-export\nmode: dropshipping\n"))
        #expect(unknown.description.hasPrefix("s.yaml: mode: 'dropshipping' is not a mode; use one of b2c-comprehensive, b2c-vertical, b2b-platform"),
                "\(unknown)")
    }

    /// Problem 3: a day the calendar does not have is told apart from text that is not a date at all.
    @Test(arguments: [
        ("scenario: cn-import\nevents:\n  - date: 2026-02-30\n    kind: port-strike\n    country: ALL",
         "s.yaml: events[1].date: 2026-02-30 is not a calendar date: February 2026 has 28 days, not 30."),
        ("scenario: cn-import\nstart_date: 2027-02-29", "s.yaml: start_date: 2027-02-29 is not a calendar date: February 2027 has 28 days, not 29."),
        ("scenario: cn-import\nstart_date: 2026-04-31", "s.yaml: start_date: 2026-04-31 is not a calendar date: April 2026 has 30 days, not 31."),
        ("scenario: cn-import\nevents:\n  - date: 2026-11-5\n    kind: port-strike\n    country: ALL",
         "s.yaml: events[1].date: '2026-11-5' is not a date: write YYYY-MM-DD, e.g. 2026-11-05."),
        ("scenario: cn-import\nstart_date: next monday", "s.yaml: start_date: 'next monday' is not a date: write YYYY-MM-DD, e.g. 2026-10-20."),
        ("scenario: cn-import\nstart_date: 1999-01-04", "s.yaml: start_date: 1999-01-04 is outside the years the rule book covers"),
    ])
    func impossibleAndMalformedDatesGetDifferentFixes(_ text: String, _ message: String) throws {
        let error = try #require(refusal(text))
        #expect(error.description.hasPrefix(message), "\(error)")
        // A leap day is a calendar date.
        #expect(refusal("scenario: cn-import\nstart_date: 2028-02-29") == nil)
    }

    /// Problem 4: a problem with one field of an event names that field, not just the event.
    @Test func eventProblemsNameTheField() throws {
        let error = try #require(refusal("""
            scenario: cn-import
            events:
              - date: 2026-11-01
                kind: port-strike
                country: ALL
                days: 0
            """))
        #expect(error == .invalid("s.yaml", field: "events[1].days", problem: "port-strike lasts 1 to 3660 days, not 0"))
        #expect(error.description == "s.yaml: events[1].days: port-strike lasts 1 to 3660 days, not 0. Fix the file and run the command again.")
    }

    /// Problem 6: one run lists every problem of the file, one per line, each naming the file and the field,
    /// with one fix sentence at the end.
    @Test func everyProblemIsListedInOneRun() throws {
        let text = """
            scenario: cn-import
            mode: b2b-platform
            seeds: 4
            customers: 0
            events:
              - date: 2026-02-30
                kind: fx-shock
                currency: XYZ
                percent: 5
              - date: 2026-11-01
                kind: earthquake
              - date: 2026-11-02
                kind: viral-review
                sku: KR-COS-01
                stars: 9
                days: 21
            """
        let error = try #require(refusal(text))
        let lines = error.description.split(separator: "\n").map(String.init)
        #expect(lines == [
            "s.yaml: seeds: unknown field; the fields are scenario, mode, seed, customers, start_date, events.",
            "s.yaml: mode: 'b2b-platform' is a mode of global-export, not of the cn-import scenario; use one of daigou, b2c-comprehensive, "
                + "b2c-vertical, direct-delivery, rebate (see `borderlab new --help`), or leave mode out.",
            "s.yaml: customers: write a whole number from 1 to 200000.",
            "s.yaml: events[1].date: 2026-02-30 is not a calendar date: February 2026 has 28 days, not 30.",
            "s.yaml: events[1].currency: 'XYZ' is not a currency of the market; use one of USD, EUR, JPY, GBP, AUD.",
            "s.yaml: events[2].kind: 'earthquake' is not a kind of event; use one of fx-shock, port-strike, policy-change, supplier-failure, viral-review, positive-list-removal, cbec-limits, fraud-wave, counterfeit-batch.",
            "s.yaml: events[3].stars: viral-review needs stars between 1 and 5.",
            "Fix the file and run the command again.",
        ], "\(error)")
        guard case .several(let path, let problems, let more) = error else { Issue.record("\(error)"); return }
        #expect(path == "s.yaml" && problems.count == 7 && more == 0)
    }

    /// Problem 6, a long list: the first 20 problems are listed and the rest counted.
    @Test func aLongListIsCut() throws {
        let events = (1...25).map { "  - date: 2026-11-01\n    kind: port-strike\n    country: ALL\n    days: -\($0)\n" }.joined()
        let error = try #require(refusal("scenario: cn-import\nevents:\n" + events))
        let lines = error.description.split(separator: "\n").map(String.init)
        #expect(lines.count == 22)
        #expect(lines[0] == "s.yaml: events[1].days: port-strike lasts 1 to 3660 days, not -1.")
        #expect(lines[19].hasPrefix("s.yaml: events[20].days:"))
        #expect(lines[20] == "… and 5 more problems in s.yaml (the first 20 are listed).")
        #expect(lines[21] == "Fix the file and run the command again.")
    }
}
