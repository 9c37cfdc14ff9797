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
        ("scenario: cn-import\nevents:\n  - date: 2026-13-01\n    kind: fx-shock", "s.yaml: events[1].date: write the day it happens"),
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: earthquake", "s.yaml: events[1].kind: use one of"),
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: fx-shock\n    currency: USD\n    percent: many",
         "s.yaml: events[1].percent: write a whole number"),
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: policy-change\n    country: US\n    percent: 10",
         "s.yaml: events[1]: policy-change needs country: one of the shoppers' countries (CN)"),
        // fx-shock: a missing percent and an out-of-range one get different fixes (the old message said "not 0" to both).
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: fx-shock\n    currency: USD",
         "s.yaml: events[1]: fx-shock needs percent"),
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: fx-shock\n    currency: USD\n    percent: 300",
         "s.yaml: events[1]: fx-shock percent 300 is out of range"),
        // A Chinese supplier and a Chinese SKU sell to global-export shops only: in a cn-import world they never matter.
        ("scenario: cn-import\nevents:\n  - date: 2026-11-01\n    kind: supplier-failure\n    supplier: cn-yiwu-goods",
         "s.yaml: events[1]: supplier cn-yiwu-goods is in CN and does not sell to a cn-import shop"),
        ("scenario: global-export\nevents:\n  - date: 2026-11-01\n    kind: viral-review\n    sku: KR-COS-01\n    stars: 1",
         "s.yaml: events[1]: KR-COS-01 is not sold in global-export"),
        // Dated the day before the file's own start date: it would never fire.
        ("scenario: cn-import\nstart_date: 2026-11-01\nevents:\n  - date: 2026-10-31\n    kind: fx-shock\n    currency: USD\n    percent: 5",
         "s.yaml: events[1].date: it is dated 2026-10-31, before the world starts on 2026-11-01"),
        ("- just\n- a list", "s.yaml: file: it must be a mapping"),
        ("scenario: [unclosed", "s.yaml: file: it is not valid YAML"),
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
}
