import BorderLabExercises
import Foundation

/// One integrity, copy or late finding about a submission, with what the policy does about it.
public struct GradeFlag: Sendable, Codable, Equatable {
    /// The grades.csv category: `integrity`, `variant`, `copy` or `late`.
    public var category: String
    /// The policy key (`chain`, `manifest`, `header`, `variant`, `clock`, `hints`, `identical`, `similar`, …).
    public var code: String
    public var action: GradingPolicy.Action
    public var reason: String
}

/// The grader's whole verdict on one submission: written to `results/<student>.json` and kept in the history, so a
/// rerun can reuse it without replaying.
public struct GradedSubmission: Sendable, Codable {
    public var source: String
    public var sha256: String
    /// The student the grade is for: the one the LMS and roster name, else the bundle's own.
    public var student: String
    /// The student whose variant the log was made for.
    public var workspaceStudent: String
    public var exercise: String
    public var status: GradeRecord.Status
    public var score: Double?
    public var maxScore: Double
    /// The checks' points before hints, late penalty and flags.
    public var checkScore: Double?
    public var hintsTaken = 0
    public var hintPenalty = 0.0
    public var lateDays = 0
    public var submittedAt: String?
    /// Where the submission time came from: `moodle worksheet`, `zip entry (weaker evidence)`, or `none`.
    public var timeSource = "none"
    public var flags: [GradeFlag] = []
    public var reason = ""
    public var checks: [CheckResult] = []
    public var identity: LMSIdentity?
    public var definitionHash = ""
    /// The language of the student's feedback and check texts (`en`, `zh-CN`): the roster's, the workspace's, else
    /// the policy's; nil when the submission was refused before it was known.
    public var language: String?
    /// Texts for the similarity check: SQL answers and memos by key, and the action sequence.
    public var artefacts: [Artefact] = []

    public struct Artefact: Sendable, Codable, Equatable {
        public var kind: String
        public var key: String
        public var text: String
    }

    /// The grades.csv flag categories, each once.
    public var flagCategories: [String] {
        var seen = Set<String>()
        return flags.map(\.category).filter { seen.insert($0).inserted }
    }

    /// Applies the flags' policies: any `zero` flag takes the score to 0 and says why.
    mutating func applyFlagPolicies() {
        guard status == .graded, let zero = flags.first(where: { $0.action == .zero }) else { return }
        score = 0
        if reason.isEmpty { reason = "score 0 by policy: " + zero.reason }
    }
}
