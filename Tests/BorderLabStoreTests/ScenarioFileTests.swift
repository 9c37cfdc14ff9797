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
