import BorderLabCore

/// One check: the unit of feedback and of points.
public struct CheckDefinition: Sendable {
    public let id: String
    public let task: Int
    public let points: Double
    public let competency: String
    /// When true, a fraction of the points is earned for a partial result (a scorecard, some memo concepts, an
    /// answer within twice the tolerance earns half).
    public let partial: Bool
    /// Run only when grading (and by `exercises test`), never by the student's `check`.
    public let hidden: Bool
    public let rule: CheckRule
    /// Feedback in business terms when the check fails; the default is written from the rule.
    public let feedback: LocalizedText?
}

/// What a check looks at. The vocabulary is documented in exercises/README.md.
public enum CheckRule: Sendable {
    /// A `status --json` key (dotted path; money as its `minor` units) against a bound, once the world reached `minDay`.
    case metric(key: String, bound: Bound, minDay: Int?)
    /// Whether the student took (or avoided) an action of `kind` whose fields match `filters`.
    case action(kind: String, filters: [String: String], taken: Bool, minCount: Int)
    /// A typed answer against a named engine computation on the student's variant.
    case answer(key: String, type: AnswerType, expected: Expected, tolerance: Tolerance)
    /// An SQL answer against a reference query, both run on the student's own world.
    case sql(key: String, reference: String, ordered: Bool, tolerance: Double)
    /// A memo using the named concepts (any of each concept's words, in English or Chinese).
    case memo(key: String, concepts: [MemoConcept], minimumWords: Int)
    /// Several metrics each scored against a target, combined by weight.
    case scorecard([ScorecardItem], passAt: Double)

    public var answerKey: (key: String, type: AnswerType)? {
        switch self {
        case .answer(let key, let type, _, _): (key, type)
        case .sql(let key, _, _, _): (key, .sql)
        case .memo(let key, _, _): (key, .memo)
        default: nil
        }
    }
}

/// A bound on a number; templates allowed (`"{{target}}"`).
public struct Bound: Sendable {
    public let atLeast: String?
    public let atMost: String?
}

/// How close an answer must be: the larger of an absolute and a relative allowance.
public struct Tolerance: Sendable {
    public let absolute: Double
    public let relative: Double
    public static let exact = Tolerance(absolute: 0, relative: 0)
}

/// Where an answer's expected value comes from.
public enum Expected: Sendable {
    /// A named engine computation (see ``Computations``) with templated arguments, on the world at the end of setup
    /// (`at: start`, the default) or as it is now (`at: now`).
    case compute(name: String, args: [String: String], atStart: Bool)
    /// A variant parameter's value or a template of them (`"{{fake_supplier}}"`), for choices.
    case value(String)
}

public struct MemoConcept: Sendable {
    public let name: String
    /// Words or phrases, any of which shows the concept (case-insensitive).
    public let words: [String]
}

public struct ScorecardItem: Sendable {
    public let key: String
    public let weight: Double
    /// Full marks at or beyond this (templated number); nothing at or below `floor`.
    public let target: String
    public let floor: String
}
