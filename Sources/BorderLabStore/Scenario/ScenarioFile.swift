import BorderLabCore
import Foundation
import Yams

/// A scenario file an instructor writes: a preset to build on, optional defaults, and scheduled events.
///
/// ```yaml
/// scenario: cn-import          # the preset: cn-import or global-export
/// mode: daigou                 # optional: the shop mode students get unless they choose another
/// seed: 7                      # optional defaults for `borderlab new`
/// customers: 2000
/// start_date: 2026-10-20
/// events:
///   - date: 2026-11-05
///     kind: fx-shock           # fx-shock, port-strike, policy-change, supplier-failure, viral-review
///     currency: USD
///     percent: -8
///     note: The dollar slides after a rate decision.
/// ```
public struct ScenarioFile: Sendable, Equatable {
    public var scenario: Scenario
    public var mode: String?
    public var seed: UInt64?
    public var customers: Int?
    public var startDate: SimDate?
    public var events: [ScheduledEvent]

    /// A plain preset, as if from a file naming only `scenario:`.
    public init(preset: Scenario) {
        self.init(scenario: preset, mode: nil, seed: nil, customers: nil, startDate: nil, events: [])
    }

    init(scenario: Scenario, mode: String?, seed: UInt64?, customers: Int?, startDate: SimDate?, events: [ScheduledEvent]) {
        self.scenario = scenario; self.mode = mode; self.seed = seed; self.customers = customers
        self.startDate = startDate; self.events = events
    }

    static let topKeys = ["scenario", "mode", "seed", "customers", "start_date", "events"]
    static let eventKeys = ["date", "kind", "currency", "percent", "country", "days", "supplier", "sku", "stars", "note"]
    /// Scenario files are small; a larger one is refused before parsing.
    static let maxBytes = 1_000_000

    /// Reads and checks a scenario file. - Throws: ``ScenarioFileError`` naming the file, the field and the fix.
    public static func load(path: String) throws(ScenarioFileError) -> ScenarioFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        guard data.count <= maxBytes else { throw .invalid(path, field: "file", problem: "it is larger than 1 MB") }
        guard let text = String(data: data, encoding: .utf8) else { throw .invalid(path, field: "file", problem: "it is not UTF-8 text") }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(ScenarioFileError) -> ScenarioFile {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw .invalid(path, field: "file", problem: "it is not valid YAML (\(error))") }
        guard let mapping = root?.mapping else { throw .invalid(path, field: "file", problem: "it must be a mapping of fields (scenario:, events:, …)") }
        let fields = try strings(mapping, allowed: topKeys, path: path, context: "")
        guard let presetName = fields["scenario"]?.string else {
            throw .invalid(path, field: "scenario", problem: "it is missing; write `scenario: cn-import` or `scenario: global-export`")
        }
        guard let preset = Scenario.named(presetName) else {
            throw .invalid(path, field: "scenario", problem: "'\(presetName)' is not a preset; use \(Scenario.all.map(\.id).joined(separator: " or "))")
        }
        var file = ScenarioFile(scenario: preset, mode: fields["mode"]?.string, seed: nil, customers: nil, startDate: nil, events: [])
        if let node = fields["seed"] {
            guard let text = node.string, let seed = UInt64(text) else { throw .invalid(path, field: "seed", problem: "write a whole number ≥ 0") }
            file.seed = seed
        }
        if let node = fields["customers"] {
            guard let n = node.int, (1...200_000).contains(n) else { throw .invalid(path, field: "customers", problem: "write a whole number from 1 to 200000") }
            file.customers = n
        }
        if let node = fields["start_date"] {
            guard let text = node.string, let date = SimDate(iso: text) else { throw .invalid(path, field: "start_date", problem: "write a date YYYY-MM-DD") }
            file.startDate = date
        }
        if let node = fields["events"] {
            guard let list = node.sequence else { throw .invalid(path, field: "events", problem: "write a list of events (each item starts with `- date:`)") }
            guard list.count <= 1_000 else { throw .invalid(path, field: "events", problem: "more than 1000 events") }
            for (i, item) in list.enumerated() {
                let where_ = "events[\(i + 1)]"
                guard let m = item.mapping else { throw .invalid(path, field: where_, problem: "each event is a mapping (date:, kind:, …)") }
                let e = try strings(m, allowed: eventKeys, path: path, context: where_ + ".")
                guard let dateText = e["date"]?.string, let date = SimDate(iso: dateText) else {
                    throw .invalid(path, field: where_ + ".date", problem: "write the day it happens, YYYY-MM-DD")
                }
                guard let kindText = e["kind"]?.string, let kind = ScheduledEvent.Kind(rawValue: kindText) else {
                    throw .invalid(path, field: where_ + ".kind",
                                   problem: "use one of \(ScheduledEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                func int(_ key: String) throws(ScenarioFileError) -> Int? {
                    guard let node = e[key] else { return nil }
                    guard let n = node.int else { throw .invalid(path, field: where_ + "." + key, problem: "write a whole number") }
                    return n
                }
                var currency: Currency?
                if let text = e["currency"]?.string {
                    guard let c = Currency(rawValue: text.uppercased()) else {
                        throw .invalid(path, field: where_ + ".currency", problem: "use one of \(Currency.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    currency = c
                }
                let event = ScheduledEvent(date: date, kind: kind, currency: currency, percent: try int("percent"),
                                           country: e["country"]?.string?.uppercased(), days: try int("days"),
                                           supplier: e["supplier"]?.string, sku: e["sku"]?.string?.uppercased(),
                                           stars: try int("stars"), note: e["note"]?.string)
                if let problem = event.problem(catalogue: .standard, scenario: preset) {
                    throw .invalid(path, field: where_, problem: problem)
                }
                file.events.append(event)
            }
        }
        if let start = file.startDate { try file.checkEventDates(startDate: start, path: path) }
        return file
    }

    /// Refuses events dated before the world's first day (they would never happen) or beyond its last.
    /// `new --start-date` can move the start, so `new` checks again with the date it uses.
    public func checkEventDates(startDate: SimDate, path: String) throws(ScenarioFileError) {
        for (i, event) in events.enumerated() {
            if let problem = event.problem(startDate: startDate) {
                throw .invalid(path, field: "events[\(i + 1)].date", problem: problem)
            }
        }
    }

    /// The mapping's fields by key, refusing keys the format does not know (a typo would otherwise be ignored).
    static func strings(_ mapping: Node.Mapping, allowed: [String], path: String, context: String) throws(ScenarioFileError) -> [String: Node] {
        var out: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw .invalid(path, field: context + "?", problem: "field names must be text") }
            guard allowed.contains(name) else {
                throw .invalid(path, field: context + name, problem: "unknown field; the fields are \(allowed.joined(separator: ", "))")
            }
            out[name] = value
        }
        return out
    }
}

/// Why a scenario file cannot be used.
public enum ScenarioFileError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case invalid(String, field: String, problem: String)

    public var description: String {
        switch self {
        case .unreadable(let path):
            return "Cannot read the scenario file \(path). Check the path, or give a preset name (cn-import, global-export)."
        case .invalid(let path, let field, let problem):
            return "\(path): \(field): \(problem). Fix the file and run the command again."
        }
    }
}
