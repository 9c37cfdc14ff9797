/// The outcome of one check on one workspace.
public struct CheckResult: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case passed, failed
        /// The answer is missing.
        case unanswered
        /// The answer is not in the form its type takes (no penalty beyond the missing points).
        case badFormat = "bad-format"
        /// The check could not run (e.g. a computation with nothing to compute yet).
        case error
    }
    public let id: String
    public let task: Int
    public let status: Status
    public let points: Double
    public let maxPoints: Double
    public let competency: String
    public let hidden: Bool
    /// Feedback in the student's language, without the expected value.
    public let feedback: String

    public var passed: Bool { status == .passed }

    enum CodingKeys: String, CodingKey {
        case id, task, status, points, maxPoints = "max_points", competency, hidden, feedback
    }
}

/// Per-task results as `check` prints them, and the totals.
public struct CheckReport: Sendable, Equatable, Codable {
    public struct Task: Sendable, Equatable, Codable {
        public let task: Int
        public let title: String
        public let passed: Bool
        public let points: Double
        public let maxPoints: Double
        public let feedback: [String]
        enum CodingKeys: String, CodingKey { case task, title, passed, points, maxPoints = "max_points", feedback }
    }
    public let score: Double
    public let maxScore: Double
    public let tasks: [Task]
    public let checks: [CheckResult]

    /// True when every check included passed.
    public var allPassed: Bool { checks.allSatisfy(\.passed) }

    enum CodingKeys: String, CodingKey { case score, maxScore = "max_score", tasks, checks }

    public init(definition: ExerciseDefinition, results: [CheckResult], language: Language, values: [String: String] = [:]) {
        checks = results
        score = Self.round(results.reduce(0) { $0 + $1.points })
        maxScore = Self.round(results.reduce(0) { $0 + $1.maxPoints })
        tasks = definition.tasks.compactMap { task in
            let mine = results.filter { $0.task == task.number }
            guard !mine.isEmpty else { return nil }
            return Task(task: task.number, title: Templates.fill(task.title.text(language), values), passed: mine.allSatisfy(\.passed),
                        points: Self.round(mine.reduce(0) { $0 + $1.points }), maxPoints: Self.round(mine.reduce(0) { $0 + $1.maxPoints }),
                        feedback: mine.filter { !$0.passed }.map(\.feedback))
        }
    }

    /// Points to two decimals, so reports and JSON show stable figures.
    static func round(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
