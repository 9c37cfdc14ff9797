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
    static let eventKeys = ["date", "kind", "currency", "percent", "country", "days", "supplier", "sku", "stars", "category",
                            "per_transaction", "annual", "note"]
    /// Scenario files are small; a larger one is refused before parsing.
    static let maxBytes = 1_000_000

    /// Reads and checks a scenario file. - Throws: ``ScenarioFileError`` naming the file, the field and the fix.
    /// - Parameter filling: rewrites the text before parsing (an exercise fills in its variant's `{{parameters}}`).
    public static func load(path: String, filling: (String) -> String = { $0 }) throws(ScenarioFileError) -> ScenarioFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        guard data.count <= maxBytes else { throw .invalid(path, field: "file", problem: "it is larger than 1 MB") }
        guard let text = String(data: data, encoding: .utf8) else { throw .invalid(path, field: "file", problem: "it is not UTF-8 text") }
        return try parse(filling(text), path: path)
    }

    /// At most this many problems are listed in one error; the rest are counted.
    static let maxListed = 20

    /// Reads a scenario file's text, collecting every problem it can find so that one run shows them all.
    /// - Throws: ``ScenarioFileError/invalid(_:field:problem:)`` for one problem, ``ScenarioFileError/several(_:_:more:)`` for more.
    public static func parse(_ text: String, path: String) throws(ScenarioFileError) -> ScenarioFile {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw .invalid(path, field: "file", problem: yamlProblem(error)) }
        guard let mapping = root?.mapping else { throw .invalid(path, field: "file", problem: "it must be a mapping of fields (scenario:, events:, …)") }
        var found: [ScenarioFileError.Problem] = []
        func note(_ field: String, _ problem: String) { found.append(.init(field: field, problem: problem)) }

        let fields = Self.fields(mapping, allowed: topKeys, context: "", into: &found).named
        var preset: Scenario?
        if let node = fields["scenario"] {
            if let name = node.string, let named = Scenario.named(name) {
                preset = named
            } else {
                note("scenario", "'\(Clip.value(node.string ?? "…"))' is not a preset; use \(Scenario.all.map(\.id).joined(separator: " or "))")
            }
        } else {
            note("scenario", "it is missing; write `scenario: cn-import` or `scenario: global-export`")
        }
        var file = ScenarioFile(scenario: preset ?? .cnImport, mode: nil, seed: nil, customers: nil, startDate: nil, events: [])
        if let node = fields["mode"] {
            if let problem = modeProblem(node.string, preset: preset) { note("mode", problem) } else { file.mode = node.string }
        }
        if let node = fields["seed"] {
            if let text = node.string, let seed = UInt64(text) { file.seed = seed } else { note("seed", "write a whole number ≥ 0") }
        }
        if let node = fields["customers"] {
            if let n = node.int, (1...200_000).contains(n) { file.customers = n } else { note("customers", "write a whole number from 1 to 200000") }
        }
        if let node = fields["start_date"] {
            switch readDate(node, example: "2026-10-20") {
            case .failure(let problem): note("start_date", problem.message)
            case .success(let date):
                if date < World.earliestStart || date > World.latestStart {
                    note("start_date", "\(date.iso) is outside the years the rule book covers: write a date from \(World.earliestStart.iso) to \(World.latestStart.iso)")
                } else {
                    file.startDate = date
                }
            }
        }
        if let node = fields["events"] {
            if let list = node.sequence, list.count <= EventLimits.maxEvents {
                for (i, item) in list.enumerated() {
                    if let event = readEvent(item, at: "events[\(i + 1)]", preset: preset, startDate: file.startDate, into: &found) {
                        file.events.append(event)
                    }
                }
            } else if let list = node.sequence {
                note("events", "\(list.count) events is more than \(EventLimits.maxEvents); split the term into several scenario files")
            } else {
                note("events", "write a list of events (each item starts with `- date:`)")
            }
        }
        if found.isEmpty, let problem = EventLimits.problem(file.events) { note(problem.field, problem.message) }
        guard found.isEmpty else { throw ScenarioFileError(path: path, problems: found) }
        return file
    }

    /// Reads one event, noting what is wrong with each of its fields; returns it only when nothing is.
    static func readEvent(_ item: Node, at place: String, preset: Scenario?, startDate: SimDate?,
                          into found: inout [ScenarioFileError.Problem]) -> ScheduledEvent? {
        let before = found.count
        func note(_ field: String, _ problem: String) { found.append(.init(field: place + "." + field, problem: problem)) }
        guard let mapping = item.mapping else {
            found.append(.init(field: place, problem: "each event is a mapping (date:, kind:, …)"))
            return nil
        }
        let (keys, e) = fields(mapping, allowed: eventKeys, context: place + ".", into: &found)
        var reported = Set<String>()  // fields already refused: the kind's checks need not repeat them
        func refuse(_ field: String, _ problem: String) { note(field, problem); reported.insert(field) }

        var date: SimDate?
        if let node = e["date"] {
            switch readDate(node, example: "2026-11-05") {
            case .success(let d): date = d
            case .failure(let problem): refuse("date", problem.message)
            }
        } else {
            refuse("date", "it is missing; write the day it happens, YYYY-MM-DD")
        }
        let kinds = ScheduledEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        var kind: ScheduledEvent.Kind?
        if let node = e["kind"] {
            if let text = node.string, let k = ScheduledEvent.Kind(rawValue: text) { kind = k } else {
                refuse("kind", "'\(Clip.value(node.string ?? "…"))' is not a kind of event; use one of \(kinds)")
            }
        } else {
            refuse("kind", "it is missing; use one of \(kinds)")
        }
        if let kind {
            let takes = kind.fields
            for key in keys where eventKeys.contains(key) && !ScheduledEvent.commonFields.contains(key) && !takes.contains(key) {
                refuse(key, "\(kind.rawValue) does not use \(key); \(kind.rawValue) events take \(takes.joined(separator: ", ")) "
                       + "(and \(ScheduledEvent.commonFields.joined(separator: ", ")), as every event does). Remove \(key), or choose the kind that uses it")
            }
        }
        func text(_ key: String) -> String? {
            guard let node = e[key], !reported.contains(key) else { return nil }
            guard let value = node.string else { refuse(key, "write it as text on the same line (quote it if it contains `: `)"); return nil }
            return value
        }
        func int(_ key: String) -> Int? {
            guard let node = e[key], !reported.contains(key) else { return nil }
            guard let n = node.int else { refuse(key, "write a whole number"); return nil }
            return n
        }
        var currency: Currency?
        if let code = text("currency") {
            if let c = Currency(rawValue: code.uppercased()) { currency = c } else {
                let others = Currency.allCases.filter { $0 != .CNY }.map(\.rawValue).joined(separator: ", ")
                refuse("currency", "'\(Clip.value(code))' is not a currency of the market; use one of \(others)")
            }
        }
        let percent = int("percent"), days = int("days"), stars = int("stars")
        let category = text("category")?.lowercased(), perTransaction = int("per_transaction"), annual = int("annual")
        let country = text("country")?.uppercased(), supplier = text("supplier"), sku = text("sku")?.uppercased(), noteText = text("note")
        guard let kind else { return nil }
        let event = ScheduledEvent(date: date ?? World.earliestStart, kind: kind, currency: currency, percent: percent, country: country,
                                   days: days, supplier: supplier, sku: sku, stars: stars, note: noteText,
                                   category: category, perTransaction: perTransaction, annual: annual)
        for problem in event.problems(catalogue: .standard, scenario: preset) where !reported.contains(problem.field) {
            refuse(problem.field, problem.message)
        }
        if let startDate, date != nil, let problem = event.problem(startDate: startDate), !reported.contains(problem.field) {
            refuse(problem.field, problem.message + startFix(startDate, event: event, fromFile: true))
        }
        return found.count == before && date != nil ? event : nil
    }

    /// What to do about an event outside the world's span, for the file's author.
    static func startFix(_ startDate: SimDate, event: ScheduledEvent, fromFile: Bool) -> String {
        guard event.date >= startDate else {
            return fromFile ? "; move it on or after the start date (\(startDate.iso))"
                            : "; move it on or after \(startDate.iso) (the preset's start date), or set an earlier start_date in the file"
        }
        return "; move it on or before \(startDate.adding(days: World.maxDays - 1).iso)"
    }

    /// The problem with a `mode:` value, or nil when the preset offers that mode.
    static func modeProblem(_ name: String?, preset: Scenario?) -> String? {
        let allowed = preset.map(ShopMode.modes(for:)) ?? ShopMode.allCases
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        guard let name else { return "write one mode, e.g. `mode: \(allowed[0].rawValue)`" }
        guard let mode = ShopMode(rawValue: name) else { return "'\(Clip.value(name))' is not a mode; use one of \(list) (see `borderlab new --help`)" }
        guard let preset, !allowed.contains(mode) else { return nil }
        let owners = Scenario.all.filter { ShopMode.modes(for: $0).contains(mode) }.map(\.id).joined(separator: " or ")
        return "'\(Clip.value(name))' is a mode of \(owners), not of the \(preset.id) scenario; use one of \(list) (see `borderlab new --help`), or leave mode out"
    }

    /// A `YYYY-MM-DD` field: text that is not in that form and a day the calendar does not have get different fixes.
    static func readDate(_ node: Node, example: String) -> Result<SimDate, DateProblem> {
        guard let text = node.string else { return .failure(DateProblem(message: "write a date YYYY-MM-DD, e.g. \(example)")) }
        if let date = SimDate(iso: text) { return .success(date) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return .failure(DateProblem(message: "'\(Clip.value(text))' is not a date: write YYYY-MM-DD, e.g. \(example)"))
        }
        guard (1...12).contains(month) else {
            return .failure(DateProblem(message: "\(text) is not a calendar date: there is no month \(month) (write YYYY-MM-DD, months 01 to 12)"))
        }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let last = SimDate.daysIn(month: month, year: year)
        return .failure(DateProblem(message: "\(text) is not a calendar date: \(names[month - 1]) \(year) has \(last) days, not \(day)"))
    }

    struct DateProblem: Error { let message: String }

    /// Refuses events dated before the world's first day (they would never happen) or beyond its last.
    /// `new --start-date` can move the start, so `new` checks again with the date it uses and names the option:
    /// then either the file or the option can change, and the error says both.
    public func checkEventDates(startDate: SimDate, path: String, option: String? = nil) throws(ScenarioFileError) {
        var found: [ScenarioFileError.Problem] = []
        for (i, event) in events.enumerated() {
            guard let problem = event.problem(startDate: startDate) else { continue }
            let fix = option == nil ? Self.startFix(startDate, event: event, fromFile: self.startDate != nil) : ""
            found.append(.init(field: "events[\(i + 1)].\(problem.field)", problem: problem.message + fix))
        }
        guard !found.isEmpty else { return }
        guard let option else { throw ScenarioFileError(path: path, problems: found) }
        throw .startDateOption(path, Array(found.prefix(Self.maxListed)), more: max(0, found.count - Self.maxListed),
                               fix: startDateFix(startDate, option: option))
    }

    /// The two ways out when an option's start date leaves events outside the world: move them, or choose another date.
    func startDateFix(_ startDate: SimDate, option: String) -> String {
        let dates = events.map(\.date)
        guard let first = dates.min(), let last = dates.max() else { return "Fix the file and run the command again." }
        let earliest = max(World.earliestStart, last.adding(days: 1 - World.maxDays)), latest = min(World.latestStart, first)
        let span = startDate.iso + " to " + startDate.adding(days: World.maxDays - 1).iso
        let outside = events.compactMap { $0.problem(startDate: startDate) == nil ? nil : $0.date }
        let move = outside.allSatisfy { $0 < startDate } ? "on or after \(startDate.iso)"
                 : outside.allSatisfy { $0 >= startDate } ? "on or before \(startDate.adding(days: World.maxDays - 1).iso)"
                 : "between \(span)"
        let them = outside.count == 1 ? "the event" : "the events"
        guard earliest <= latest else {
            return "Move \(them) \(move) in the file: no \(option) fits every event. Then run the command again."
        }
        let choose = earliest == World.earliestStart ? "on or before \(latest.iso)"
                   : latest == World.latestStart ? "on or after \(earliest.iso)"
                   : "from \(earliest.iso) to \(latest.iso)"
        return "Move \(them) \(move) in the file, or choose a \(option) \(choose), and run the command again."
    }

    /// What the YAML reader found wrong, with its line and column but without echoing the file back.
    static func yamlProblem(_ error: any Error) -> String {
        func at(_ mark: Mark, _ context: YamlError.Context?, _ problem: String) -> String {
            let detail = [context.map { "\($0.text) (line \($0.mark.line))" }, problem].compactMap { $0 }.joined(separator: ": ")
            return "it is not valid YAML at line \(mark.line), column \(mark.column): \(detail); check the indentation, colons and brackets there"
        }
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _)?, .parser(let context, let problem, let mark, _)?,
             .composer(let context, let problem, let mark, _)?:
            return at(mark, context, problem)
        case .duplicatedKeysInMapping(let duplicates, let context)?:
            let keys = duplicates.sorted().joined(separator: ", ")
            return "it gives \(keys) twice (first at line \(context.mark.line)), so one value would be lost; keep one"
        default:
            return "it is not valid YAML (\(error))"
        }
    }

    /// The mapping's fields by key, in file order, noting keys the format does not know (a typo would otherwise be
    /// ignored). Keys given twice are refused by the YAML reader already.
    static func fields(_ mapping: Node.Mapping, allowed: [String], context: String,
                       into found: inout [ScenarioFileError.Problem]) -> (keys: [String], named: [String: Node]) {
        var keys: [String] = [], named: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                found.append(.init(field: context + "?", problem: "field names must be text")); continue
            }
            guard allowed.contains(name) else {
                found.append(.init(field: context + Clip.value(name), problem: "unknown field; the fields are \(allowed.joined(separator: ", "))")); continue
            }
            keys.append(name)
            named[name] = value
        }
        return (keys, named)
    }
}

/// Why a scenario file cannot be used.
public enum ScenarioFileError: Error, CustomStringConvertible, Equatable {
    /// One field of a scenario file and what is wrong with it.
    public struct Problem: Sendable, Equatable {
        public var field: String
        public var problem: String
        public init(field: String, problem: String) { self.field = field; self.problem = problem }
    }

    case unreadable(String)
    case invalid(String, field: String, problem: String)
    /// Several problems found in one reading of the file, in order; `more` counts those not listed.
    case several(String, [Problem], more: Int)
    /// Events outside the world that a start date given on the command line makes: `fix` offers both ways out.
    case startDateOption(String, [Problem], more: Int, fix: String)

    /// One problem as ``invalid(_:field:problem:)``, several as ``several(_:_:more:)`` (the first ``ScenarioFile/maxListed``).
    init(path: String, problems: [Problem]) {
        if problems.count == 1 {
            self = .invalid(path, field: problems[0].field, problem: problems[0].problem)
        } else {
            self = .several(path, Array(problems.prefix(ScenarioFile.maxListed)), more: max(0, problems.count - ScenarioFile.maxListed))
        }
    }

    /// Every problem the error names.
    public var problems: [Problem] {
        switch self {
        case .unreadable: []
        case .invalid(_, let field, let problem): [Problem(field: field, problem: problem)]
        case .several(_, let list, _), .startDateOption(_, let list, _, _): list
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path):
            return "Cannot read the scenario file \(path). Check the path, or give a preset name (cn-import, global-export)."
        case .invalid(let path, let field, let problem):
            return "\(path): \(field): \(problem). Fix the file and run the command again."
        case .several(let path, let list, let more):
            return Self.lines(path, list, more: more, fix: "Fix the file and run the command again.")
        case .startDateOption(let path, let list, let more, let fix):
            return Self.lines(path, list, more: more, fix: fix)
        }
    }

    static func lines(_ path: String, _ list: [Problem], more: Int, fix: String) -> String {
        var lines = list.map { "\(path): \($0.field): \($0.problem)." }
        if more > 0 { lines.append("… and \(more) more problem\(more == 1 ? "" : "s") in \(path) (the first \(list.count) are listed).") }
        lines.append(fix)
        return lines.joined(separator: "\n")
    }
}
