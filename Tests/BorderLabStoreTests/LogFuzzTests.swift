import BorderLabCore
import Foundation
import Testing
@testable import BorderLabStore

/// Issue 9 §1 and §5: random damage to a real log and random scenario files give a world or a thrown error, never
/// a trap. The generator is seeded and the run bounded in cases and time, so it fits in CI.
@Suite struct LogFuzzTests {
    /// SplitMix64, seeded: the same cases every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        /// The engine's SplitMix64 mix over a counter: seeded, and the same on every machine.
        mutating func next() -> UInt64 {
            state &+= 1
            return CounterRNG.mix(state)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
        mutating func pick<T>(_ values: [T]) -> T { values[int(0...values.count - 1)] }
    }

    /// Bytes that matter to JSON and to the numbers and names in a log.
    static let interesting: [UInt8] = Array(#"{}[]":,0123456789-+.eE \"#.utf8) + [0x00, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF, 0xFF]

    /// Digits, signs and words that the engine reads as numbers or names, for replacing a field's value.
    static let values = ["0", "-1", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e308", "3660", "3661",
                         "1000000", "1000001", "\"\"", "null", "true", "[]", "{}", "\"2019-01-01\"", "\"9999-99-99\"", "\"ALL\""]

    @Test func damagedLogsGiveAWorldOrAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = try WorkspaceTests.make(folder, "a")
        let original = try ws.logBytes
        var g = Generator(state: 0x5EED_0009)
        let clock = ContinuousClock()
        let start = clock.now
        var worlds = 0, errors = 0
        for _ in 0..<1_500 where clock.now - start < .seconds(15) {
            var bytes = [UInt8](original)
            for _ in 0..<g.int(1...3) {
                switch g.int(0...3) {
                case 0: bytes[g.int(0...bytes.count - 1)] = g.pick(LogFuzzTests.interesting)
                case 1: bytes.remove(at: g.int(0...bytes.count - 1))
                case 2: bytes.insert(g.pick(LogFuzzTests.interesting), at: g.int(0...bytes.count))
                default:
                    // Replace a number after a colon with a hostile value: the field stays well-formed JSON.
                    let colons = bytes.indices.filter { bytes[$0] == UInt8(ascii: ":") && $0 + 1 < bytes.count && (bytes[$0 + 1] == UInt8(ascii: "-") || (48...57).contains(bytes[$0 + 1])) }
                    guard let at = colons.isEmpty ? nil : g.pick(colons) else { continue }
                    var end = at + 1
                    while end < bytes.count, bytes[end] == UInt8(ascii: "-") || (48...57).contains(bytes[end]) { end += 1 }
                    bytes.replaceSubrange((at + 1)..<end, with: Array(g.pick(LogFuzzTests.values).utf8))
                }
            }
            do {
                let log = try ActionLog.parse(Data(bytes), path: ws.logPath)
                _ = try Workspace.replay(log, path: ws.logPath)
                worlds += 1
            } catch {
                errors += 1
                #expect(!error.description.isEmpty && error.description.count < 2_000)
            }
        }
        #expect(errors > 100, "most damage is refused")
        #expect(worlds + errors > 100)
    }

    @Test func randomScenarioFilesGiveAWorldOrAnError() {
        var g = Generator(state: 0x5CE7_A410)
        let kinds = ScheduledEvent.Kind.allCases.map(\.rawValue) + ["nope"]
        let fields = ["currency: USD", "currency: JPY", "currency: CNY", "percent: 100", "percent: -50", "percent: 9223372036854775807",
                      "percent: 1e9", "days: 3660", "days: 0", "days: -1", "country: ALL", "country: US", "country: CN",
                      "supplier: NOPE", "sku: JP-COS-01", "stars: 5", "stars: 9", "note: hi"]
        let clock = ContinuousClock()
        let start = clock.now
        var worlds = 0, refused = 0
        for _ in 0..<400 where clock.now - start < .seconds(15) {
            var text = "scenario: \(g.int(0...9) == 0 ? "moon" : g.pick(["cn-import", "global-export"]))\n"
            if g.int(0...3) == 0 { text += "customers: \(g.pick(["50", "50", "0", "200001", "-3", "9223372036854775807"]))\n" }
            if g.int(0...3) == 0 { text += "start_date: \(g.pick(["2026-10-20", "2026-10-20", "2019-01-01", "2018-12-31", "2026-02-30"]))\n" }
            text += "events:\n"
            // Mostly events a scenario file may hold (valid fields for their kind), many of them shocks that
            // compound, and now and then a field out of range.
            let valid = ["fx-shock": ["currency: USD", "percent: 100"], "port-strike": ["country: ALL", "days: 5"],
                         "policy-change": ["country: US", "percent: 50"], "supplier-failure": ["supplier: jp-kyoto-beauty"],
                         "viral-review": ["sku: CN-ELE-01", "stars: 5"]]
            for _ in 0..<(g.int(0...3) == 0 ? g.int(0...40) : g.int(0...6)) {
                let day = g.int(0...9) == 0 ? g.pick(["2036-01-01", "2019-01-01"]) : g.pick(["2026-10-21", "2026-11-11"])
                let kind = g.pick(kinds)
                var parts = ["date: \(day)", "kind: \(kind)"] + (valid[kind] ?? [])
                if g.int(0...4) == 0 { parts.append(g.pick(fields)) }
                text += "  - {" + parts.joined(separator: ", ") + "}\n"
            }
            do {
                let file = try ScenarioFile.parse(text, path: "fuzz.yaml")
                var header = WorldHeader(seed: 1, scenario: file.scenario, customers: min(file.customers ?? 50, 50), events: file.events)
                if let date = file.startDate { header.startDate = date }
                header.mode = ShopMode.modes(for: file.scenario)[0].rawValue
                var world = try World(header: header)
                try world.apply(.advance(days: 3))
                worlds += 1
            } catch {
                refused += 1
                #expect(!"\(error)".isEmpty)
            }
        }
        #expect(worlds > 10 && refused > 10)
    }
}
