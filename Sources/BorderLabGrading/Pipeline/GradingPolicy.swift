import Crypto
import Foundation
import Yams

/// What an instructor decides for one assignment: the late policy, what each integrity flag costs, the LMS ids.
/// Read from `grading/policy.yaml` (or `--policy FILE`); without one, nothing is late and flags go to review.
public struct GradingPolicy: Sendable, Equatable {
    /// What happens to a submission carrying a flag: its score becomes 0, it is listed for the instructor to review
    /// (score kept), or it is only noted in the report.
    public enum Action: String, Sendable, Codable { case zero, review, note }

    public var assignmentTitle = "BorderLab exercise"
    public var canvasAssignmentID = ""
    public var moodleAssignmentID = ""
    public var deadline: Date?
    public var graceMinutes = 0.0
    /// Share of the score taken per late day (0.1 = 10 % a day), up to `penaltyCap`.
    public var penaltyPerDay = 0.1
    public var penaltyCap = 0.5
    /// What lateness costs: `perDay` takes `penaltyPerDay` a started day up to `penaltyCap`; `zero` gives 0 points to
    /// anything past the deadline and grace.
    public var latePolicy = LatePolicy.perDay
    /// Wall-clock seconds one submission may take (intake done, replay and checks); a slower one is rejected with the
    /// reason and the batch goes on.
    public var timeLimitSeconds = GradingPolicy.defaultTimeLimitSeconds
    /// New deadlines for single students (student id → ISO 8601 time).
    public var extensions: [String: Date] = [:]
    /// Action per flag reason (`chain`, `manifest`, `header`, `variant`, `clock`, `hints`, `identical`, `similar`,
    /// `actions`, `definition`, `weak-time`).
    public var flags: [String: Action] = GradingPolicy.defaultFlags
    /// The language of feedback files (`en` or `zh-CN`).
    public var language = "en"
    /// SHA-256 of the policy text: a rerun regrades when it changes.
    public var fingerprint = "default"

    /// The late policies `late_policy:` names.
    public enum LatePolicy: String, Sendable, CaseIterable {
        case perDay = "per-day", zero
    }

    /// Generous for the longest exercise world (6,000 customers, 180 days replays in a few seconds on 2 cores).
    public static let defaultTimeLimitSeconds = 60.0

    public static let defaultFlags: [String: Action] = [
        "chain": .zero, "manifest": .zero, "header": .zero, "variant": .zero, "clock": .review, "hints": .review,
        "identical": .review, "similar": .review, "actions": .review, "definition": .note, "weak-time": .note,
    ]

    public init() {}

    public func action(for flag: String) -> Action { flags[flag] ?? .review }

    /// The deadline that applies to one student (an extension replaces the deadline).
    public func deadline(for student: String) -> Date? { extensions[student] ?? deadline }

    /// Whole days late, counting any started day after the deadline plus grace; 0 when on time or no deadline.
    /// Worked example: deadline 1 Dec 23:59, grace 10 min, submitted 3 Dec 00:30 → 24 h 21 min after grace → 2 days.
    public func lateDays(student: String, submitted: Date?) -> Int {
        guard let submitted, let due = deadline(for: student) else { return 0 }
        let over = submitted.timeIntervalSince(due) - graceMinutes * 60
        return over <= 0 ? 0 : Int((over / 86_400).rounded(.up))
    }

    /// The score after the late penalty: `score × (1 − min(cap, perDay × days))`.
    /// Under the `zero` late policy any late day makes it 0.
    public func penalised(_ score: Double, lateDays: Int) -> Double {
        guard lateDays > 0 else { return score }
        if latePolicy == .zero { return 0 }
        return score * (1 - min(penaltyCap, penaltyPerDay * Double(lateDays)))
    }

    /// Parses the policy's YAML; unknown keys are refused so a typo does not silently grade with defaults.
    public static func parse(_ text: String, file: String) throws -> GradingPolicy {
        let loaded: Any?
        do { loaded = try Yams.load(yaml: text) } catch { throw GradingUsageError("\(file): not valid YAML (\(error)).") }
        var policy = GradingPolicy()
        policy.fingerprint = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        guard let map = loaded as? [String: Any] else {
            if loaded == nil { return policy }
            throw GradingUsageError("\(file): expected a mapping of settings (deadline:, grace_minutes:, …).")
        }
        func date(_ value: Any, _ key: String) throws -> Date {
            if let d = value as? Date { return d }
            guard let d = ISO8601DateFormatter().date(from: "\(value)") else {
                throw GradingUsageError("\(file): \(key) must be an ISO 8601 time such as 2026-12-01T23:59:00Z.")
            }
            return d
        }
        func number(_ value: Any, _ key: String) throws -> Double {
            guard let d = Double("\(value)") else { throw GradingUsageError("\(file): \(key) must be a number.") }
            return d
        }
        for (key, value) in map {
            switch key {
            case "assignment": policy.assignmentTitle = "\(value)"
            case "canvas_assignment_id": policy.canvasAssignmentID = "\(value)"
            case "moodle_assignment_id": policy.moodleAssignmentID = "\(value)"
            case "deadline": policy.deadline = try date(value, key)
            case "grace_minutes": policy.graceMinutes = try number(value, key)
            case "penalty_per_day": policy.penaltyPerDay = try number(value, key)
            case "penalty_cap": policy.penaltyCap = try number(value, key)
            case "language": policy.language = "\(value)"
            case "late_policy":
                guard let p = LatePolicy(rawValue: "\(value)") else {
                    throw GradingUsageError("\(file): late_policy must be per-day or zero.")
                }
                policy.latePolicy = p
            case "time_limit_seconds":
                let seconds = try number(value, key)
                guard seconds > 0, seconds <= 86_400 else { throw GradingUsageError("\(file): time_limit_seconds must be more than 0 and at most 86400.") }
                policy.timeLimitSeconds = seconds
            case "extensions":
                guard let m = value as? [String: Any] else { throw GradingUsageError("\(file): extensions maps student ids to times.") }
                for (student, time) in m { policy.extensions[student] = try date(time, "extensions.\(student)") }
            case "flags":
                guard let m = value as? [String: Any] else { throw GradingUsageError("\(file): flags maps a reason to zero, review or note.") }
                for (flag, action) in m {
                    guard let a = Action(rawValue: "\(action)") else { throw GradingUsageError("\(file): flags.\(flag) must be zero, review or note.") }
                    policy.flags[flag] = a
                }
            default:
                throw GradingUsageError("\(file): unknown setting '\(key)'.")
            }
        }
        return policy
    }

    public static func load(path: String) throws -> GradingPolicy {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1_000_000 else {
            throw GradingUsageError("\(path): cannot be read. Check the path given to --policy.")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }
}

/// A problem with how the grader was called (exit code 2), as opposed to a bad submission (which is listed).
public struct GradingUsageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
