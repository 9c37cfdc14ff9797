import BorderLabCore
import BorderLabStore
import Foundation

/// Everything a check may look at: the definition, the student's variant, the world at the end of setup and now,
/// the projection to run SQL on, and what the student did. Built by ``ExerciseWorkspace`` from a replayed log, so
/// the grader (which replays a bundle) and `check` (which replays the workspace) see the same thing.
public struct CheckContext: Sendable {
    public let definition: ExerciseDefinition
    /// Parameter values plus `seed` and `student`.
    public let values: [String: String]
    public let start: World
    public let world: World
    /// The SQLite projection of `world` (read through the query sandbox only).
    public let sandboxPath: String
    /// The student's own actions (after the setup, and within a drill's time limit), in order.
    public let studentActions: [Action]
    /// The latest answer per key.
    public let answers: [String: AnswerValue]

    public init(definition: ExerciseDefinition, values: [String: String], start: World, world: World, sandboxPath: String,
                studentActions: [Action], answers: [String: AnswerValue]) {
        self.definition = definition; self.values = values; self.start = start; self.world = world
        self.sandboxPath = sandboxPath; self.studentActions = studentActions; self.answers = answers
    }
}

/// The one checker: `check` (visible checks) and grading (all checks) call it alike.
public enum Checker {
    public static func run(_ context: CheckContext, includeHidden: Bool, language: Language) -> [CheckResult] {
        context.definition.checks.filter { includeHidden || !$0.hidden }.map { check in
            let (status, fraction, note) = evaluate(check.rule, context, language)
            let earned = status == .passed ? check.points : (check.partial ? check.points * max(0, min(1, fraction)) : 0)
            let feedback = status == .passed ? L.passed(language)
                : [check.feedback.map { Templates.fill($0.text(language), context.values) }, note].compactMap { $0 }.joined(separator: " ")
            return CheckResult(id: check.id, task: check.task, status: status, points: CheckReport.round(earned),
                               maxPoints: check.points, competency: check.competency, hidden: check.hidden, feedback: feedback)
        }
    }

    typealias Outcome = (CheckResult.Status, Double, String)

    static func evaluate(_ rule: CheckRule, _ c: CheckContext, _ lang: Language) -> Outcome {
        switch rule {
        case .metric(let key, let bound, let minDay):
            return metric(key, bound, minDay, c, lang)
        case .action(let kind, let filters, let taken, let minCount):
            let filled = filters.mapValues { Templates.fill($0, c.values) }
            let count = c.studentActions.filter { matches($0, kind: kind, filters: filled) }.count
            if taken {
                return count >= minCount ? (.passed, 1, "") : (.failed, Double(count) / Double(minCount),
                                                       count == 0 ? L.actionMissing(kind, filled, lang) : L.actionTooFew(kind, filled, count, minCount, lang))
            }
            return count == 0 ? (.passed, 1, "") : (.failed, 0, L.actionForbidden(kind, lang))
        case .answer(let key, let type, let expected, let tolerance):
            return answer(key, type, expected, tolerance, c, lang)
        case .sql(let key, let reference, let ordered, let tolerance):
            return sql(key, Templates.fill(reference, c.values), ordered, tolerance, c, lang)
        case .memo(let key, let concepts, let minimumWords):
            guard let memo = c.answers[key] else { return (.unanswered, 0, L.unanswered(key, .memo, lang)) }
            let text = memo.text.lowercased()
            let missing = concepts.filter { concept in !concept.words.contains { text.contains($0.lowercased()) } }
            let words = MemoText.wordCount(memo.text)
            let fraction = Double(concepts.count - missing.count) / Double(max(1, concepts.count))
            if missing.isEmpty && words >= minimumWords { return (.passed, 1, "") }
            return (.failed, fraction * (words >= minimumWords ? 1 : 0.5), L.memoMissing(missing.map(\.name), words: words, minimum: minimumWords, lang))
        case .scorecard(let items, let passAt):
            let values = MetricKeys.values(c.world)
            var total = 0.0, weights = 0.0
            var weakest: (String, Double)?
            for item in items {
                let value = values[item.key] ?? 0
                let target = Double(Templates.fill(item.target, c.values)) ?? 0
                let floor = Double(Templates.fill(item.floor, c.values)) ?? 0
                let span = target - floor
                let score = span == 0 ? (value >= target ? 1 : 0) : max(0, min(1, (value - floor) / span))
                total += score * item.weight; weights += item.weight
                if weakest == nil || score < weakest!.1 { weakest = (item.key, score) }
            }
            let fraction = weights == 0 ? 0 : total / weights
            return fraction >= passAt - 1e-9 ? (.passed, 1, "") : (.failed, fraction, L.scorecard(fraction, passAt, weakest?.0 ?? "", lang))
        }
    }

    static func metric(_ key: String, _ bound: Bound, _ minDay: Int?, _ c: CheckContext, _ lang: Language) -> Outcome {
        if let minDay, c.world.day < minDay { return (.failed, 0, L.notThereYet(minDay, c.world.day, lang)) }
        let value = MetricKeys.values(c.world)[key] ?? 0
        if let text = bound.atLeast, let low = Double(Templates.fill(text, c.values)), value < low {
            return (.failed, low == 0 ? 0 : max(0, value / low), L.metricLow(key, value, low, lang))
        }
        if let text = bound.atMost, let high = Double(Templates.fill(text, c.values)), value > high {
            return (.failed, value == 0 ? 0 : max(0, high / value), L.metricHigh(key, value, high, lang))
        }
        return (.passed, 1, "")
    }

    /// Whether an action is of `kind` and each filter field, as the log writes it, equals the filter's text.
    static func matches(_ action: Action, kind: String, filters: [String: String]) -> Bool {
        guard action.kind == kind else { return false }
        guard !filters.isEmpty else { return true }
        guard let data = try? JSONEncoder().encode(action), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return filters.allSatisfy { key, value in
            guard let field = object[key] else { return false }
            // `>=N` and `<=N` compare numbers (a quantity of at least N); anything else is compared as text.
            for (prefix, holds) in [(">=", { (a: Double, b: Double) in a >= b }), ("<=", { (a: Double, b: Double) in a <= b })] {
                if value.hasPrefix(prefix) {
                    guard let bound = Double(value.dropFirst(2)), let number = Double("\(field)") else { return false }
                    return holds(number, bound)
                }
            }
            // Numbers compare as numbers ("2.50" is AQL "2.5"); other values as text, case-insensitively.
            if let a = Double("\(field)"), let b = Double(value) { return a == b }
            return "\(field)".caseInsensitiveCompare(value) == .orderedSame
        }
    }

    static func answer(_ key: String, _ type: AnswerType, _ expected: Expected, _ tolerance: Tolerance,
                       _ c: CheckContext, _ lang: Language) -> Outcome {
        guard let given = c.answers[key] else { return (.unanswered, 0, L.unanswered(key, type, lang)) }
        guard AnswerFormat.normalize(given.text, as: type) != nil, given.type == type else {
            return (.badFormat, 0, L.badFormat(key, type, lang))
        }
        let value: ComputedValue
        switch expected {
        case .value(let template): value = .text(Templates.fill(template, c.values))
        case .compute(let name, let args, let atStart):
            guard let computation = Computations.named(name) else { return (.error, 0, "unknown computation \(name)") }
            do { value = try computation.run(atStart ? c.start : c.world, args.mapValues { Templates.fill($0, c.values) }) } catch {
                return (.error, 0, L.cannotCompute("\(error)", lang))
            }
        }
        switch value {
        case .text(let want):
            let ok = given.text.trimmingCharacters(in: .whitespacesAndNewlines).caseInsensitiveCompare(want) == .orderedSame
            return ok ? (.passed, 1, "") : (.failed, 0, L.wrongChoice(key, lang))
        case .oneOf(let options):
            let text = given.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let ok = options.contains { text.caseInsensitiveCompare($0) == .orderedSame }
            return ok ? (.passed, 1, "") : (.failed, 0, L.wrongChoice(key, lang))
        case .money(let want):
            guard let got = try? Money(parsing: given.text.trimmingCharacters(in: .whitespaces)) else { return (.badFormat, 0, L.badFormat(key, type, lang)) }
            guard got.currency == want.currency else { return (.badFormat, 0, L.wrongCurrency(key, want.currency.rawValue, lang)) }
            let scale = Double(want.currency.minorPerMajor)
            return compare(Double(got.minor) / scale, Double(want.minor) / scale, tolerance, key, lang)
        case .number(let want):
            guard AnswerFormat.normalize(given.text, as: type) != nil, let got = AnswerFormat.number(given.text, type) else {
                return (.badFormat, 0, L.badFormat(key, type, lang))
            }
            return compare(got, want, tolerance, key, lang)
        }
    }

    /// Within tolerance passes; within twice the tolerance earns half (for partial credit); otherwise says how far off.
    static func compare(_ got: Double, _ want: Double, _ t: Tolerance, _ key: String, _ lang: Language) -> Outcome {
        let allowed = max(t.absolute, t.relative * abs(want), 1e-9)
        let off = abs(got - want)
        if off <= allowed { return (.passed, 1, "") }
        let percentOff = want == 0 ? nil : (got - want) / abs(want) * 100
        return (.failed, off <= 2 * allowed ? 0.5 : 0, L.wrongNumber(key, percentOff, lang))
    }

    static func sql(_ key: String, _ reference: String, _ ordered: Bool, _ tolerance: Double, _ c: CheckContext, _ lang: Language) -> Outcome {
        guard let given = c.answers[key] else { return (.unanswered, 0, L.unanswered(key, .sql, lang)) }
        let limits = QueryLimits(timeLimitMilliseconds: 3000, rowCap: 5000)
        let mine: QueryResult
        do { mine = try QuerySandbox.run(given.text, databaseAt: c.sandboxPath, limits: limits) } catch {
            return (.badFormat, 0, L.sqlError("\(error)", lang))
        }
        guard let want = try? QuerySandbox.run(reference, databaseAt: c.sandboxPath, limits: limits) else {
            return (.error, 0, "the reference query of this check failed; tell your instructor")
        }
        if mine.columns.count != want.columns.count { return (.failed, 0, L.sqlColumns(mine.columns.count, want.columns.count, lang)) }
        if mine.rows.count != want.rows.count { return (.failed, 0, L.sqlRows(mine.rows.count, want.rows.count, lang)) }
        return SQLCompare.equal(mine.rows, want.rows, ordered: ordered, tolerance: tolerance)
            ? (.passed, 1, "") : (.failed, 0, L.sqlValues(lang))
    }
}

/// Compares query results cell by cell: numbers within a tolerance, text exactly, rows in any order unless asked.
enum SQLCompare {
    static func equal(_ a: [[QueryCell]], _ b: [[QueryCell]], ordered: Bool, tolerance: Double) -> Bool {
        if ordered { return zip(a, b).allSatisfy { rowEqual($0, $1, tolerance) } }
        var unused = Array(a.indices)
        for row in b {
            guard let i = unused.firstIndex(where: { rowEqual(a[$0], row, tolerance) }) else { return false }
            unused.remove(at: i)
        }
        return true
    }

    static func rowEqual(_ a: [QueryCell], _ b: [QueryCell], _ tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { cellEqual($0, $1, tolerance) }
    }

    static func number(_ c: QueryCell) -> Double? {
        switch c {
        case .integer(let i): Double(i)
        case .real(let r): r
        default: nil
        }
    }

    static func cellEqual(_ a: QueryCell, _ b: QueryCell, _ tolerance: Double) -> Bool {
        if let x = number(a), let y = number(b) { return abs(x - y) <= max(tolerance, 1e-9) }
        return a == b
    }
}

/// Words in a memo: Latin words by spaces, each CJK character as one word (Chinese has no spaces).
enum MemoText {
    static func wordCount(_ text: String) -> Int {
        var count = 0, inWord = false
        for scalar in text.unicodeScalars {
            if (0x4E00...0x9FFF).contains(scalar.value) { count += 1; inWord = false }
            else if CharacterSet.alphanumerics.contains(scalar) { if !inWord { count += 1; inWord = true } }
            else { inWord = false }
        }
        return count
    }
}
