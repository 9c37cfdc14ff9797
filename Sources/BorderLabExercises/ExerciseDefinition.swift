import BorderLabCore

/// What an exercise asks for. Read from `exercises/<id>/exercise.yaml` (see exercises/README.md for the format).
public struct ExerciseDefinition: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case operate, answer, analyze, memo, drill }

    public let id: String
    public let title: LocalizedText
    public let kind: Kind
    public let paperSection: String
    public let competencies: [String]
    public let minutes: Int
    /// Drills only: the time limit shown while working; later actions count as overtime.
    public let timeLimitMinutes: Int?
    public let world: WorldSpec
    public let parameters: [VariantParameter]
    /// Action templates applied by `new` before the student starts (`{{name}}` is a variant parameter).
    public let setup: [Template]
    public let tasks: [ExerciseTask]
    public let checks: [CheckDefinition]
    public let solution: Solution
    /// The folder holding `exercise.yaml` and the READMEs.
    public let folder: String
    /// SHA-256 of `exercise.yaml`'s bytes: recorded in workspaces so an edited definition is noticed.
    public let hash: String

    public func task(_ number: Int) -> ExerciseTask? { tasks.first { $0.number == number } }
    /// Every answer key some check reads, with its type, in check order.
    public var answerKeys: [(key: String, type: AnswerType)] {
        var seen: [(String, AnswerType)] = []
        for check in checks {
            if let key = check.rule.answerKey, !seen.contains(where: { $0.0 == key.key }) { seen.append((key.key, key.type)) }
        }
        return seen
    }
}

/// The world an exercise runs in.
public struct WorldSpec: Sendable {
    /// A preset id, or a scenario file's path relative to the exercise folder.
    public let scenario: String
    public let mode: String?
    public let customers: Int?
    public let startDate: SimDate?
    public let startingCash: Money?
}

/// One per-student parameter and how it is drawn.
public struct VariantParameter: Sendable {
    public enum Draw: Sendable {
        /// A whole number from `low` to `high` in steps of `step`.
        case range(low: Int, high: Int, step: Int)
        /// One of the listed values.
        case choice([String])
        /// One of the listed sets of values drawn together (a supplier and two of its SKUs); each key becomes a parameter.
        case bundle([[String: String]])
    }
    public let name: String
    public let draw: Draw
}

/// A numbered task of an exercise with its layered hints.
public struct ExerciseTask: Sendable {
    public let number: Int
    public let title: LocalizedText
    /// Layer 1 is a nudge, the last layer all but the answer.
    public let hints: [LocalizedText]
    /// Commands that help with this task (shown by `check --watch`); `{{name}}` templates allowed.
    public let commands: [String]
}

/// The reference solution: student actions, then answers (templates; `=expected` takes the checker's own value).
public struct Solution: Sendable {
    public let actions: [Template]
    public let answers: [(key: String, value: String)]
}

/// A YAML tree with `{{name}}` placeholders, filled with a variant's values.
public struct Template: @unchecked Sendable {
    /// Strings, arrays and dictionaries of strings only (from YAML), so it is safe to share.
    public let tree: Any
}
