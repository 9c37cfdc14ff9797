import BorderLabCore
import BorderLabStore
import Foundation

/// `borderlab exercises test`: the authoring self-test. For every exercise and several students it proves that the
/// definition validates, both READMEs render and mention every task, the untouched workspace fails, the reference
/// solution earns full marks (hidden checks included), and two runs give identical results.
public enum SelfTest {
    public static let students = ["s-ada", "s-bo", "s-chen", "s-dara", "s-eli"]

    public struct Outcome: Sendable {
        public let exercise: String
        public let student: String
        public let problems: [String]
        public var passed: Bool { problems.isEmpty }
    }

    /// Runs the self-test for the qualified ids given (all when empty), reporting each outcome as it finishes.
    public static func run(_ library: ContentLibrary, only: [String] = [], students: [String] = SelfTest.students,
                           progress: (Outcome) -> Void = { _ in }) -> [Outcome] {
        let ids = only.isEmpty ? library.qualifiedIDs : only
        var outcomes: [Outcome] = []
        let scratch = NSTemporaryDirectory() + "borderlab-selftest-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for id in ids {
            for student in students {
                let outcome = test(id, student: student, library: library, scratch: scratch)
                progress(outcome)
                outcomes.append(outcome)
            }
        }
        return outcomes
    }

    static func test(_ id: String, student: String, library: ContentLibrary, scratch: String) -> Outcome {
        var problems: [String] = []
        do {
            let (course, exercise) = try library.resolve(id)
            let file = exercise.folder + "/exercise.yaml"
            problems += library.problems.filter { $0.file == file || $0.file.hasPrefix(exercise.folder + "/") }.map(\.description)
            let (_, variant) = try ExerciseWorkspace.plan(course: course, exercise: exercise, student: student)
            let values = variant.values.merging(["seed": String(variant.seed), "student": student]) { a, _ in a }
            for language in Language.allCases {
                let text = try Instructions.render(definition: exercise, course: course, values: values, student: student, language: language)
                for task in exercise.tasks where !text.contains(Templates.fill(task.title.text(language), values)) {
                    problems.append("the \(language.rawValue) README does not mention task \(task.number)")
                }
                if text.contains("{{") { problems.append("the \(language.rawValue) README has an unfilled {{placeholder}}") }
            }
            let base = "\(scratch)/\(course.id)-\(exercise.id)-\(student)"
            let untouched = try ExerciseWorkspace.create(at: base + "-untouched", course: course, exercise: exercise, student: student, language: .en)
            let before = try untouched.check(includeHidden: false, language: .en)
            if before.allPassed { problems.append("the untouched workspace passes every visible check") }
            var reports: [CheckReport] = []
            var heads: [String] = []
            for run in 1...2 {
                let solved = try ExerciseWorkspace.solve(at: base + "-solved-\(run)", course: course, exercise: exercise, student: student, language: .en)
                reports.append(try solved.check(includeHidden: true, language: .en))
                heads.append(try solved.workspace.digest())
            }
            let full = reports[0]
            if full.score < full.maxScore - 1e-9 {
                let failing = full.checks.filter { !$0.passed }.map { "\($0.id) (\($0.status.rawValue): \($0.feedback))" }
                problems.append("the reference solution scores \(full.score)/\(full.maxScore); failing: \(failing.joined(separator: "; "))")
            }
            // An analysis over an empty result teaches nothing: each reference query must find rows in the solved world.
            let solved = try ExerciseWorkspace.open(Workspace(root: base + "-solved-1"), course: course, exercise: exercise)
            for check in exercise.checks {
                guard case .sql(_, let reference, _, _) = check.rule else { continue }
                let result = try QuerySandbox.run(Templates.fill(reference, solved.values), databaseAt: solved.workspace.sandboxPath)
                if result.rows.isEmpty { problems.append("the reference query of \(check.id) returns no rows on the solved world") }
            }
            if reports[0] != reports[1] || heads[0] != heads[1] { problems.append("two runs of the reference solution differ") }
        } catch {
            problems.append("\(error)")
        }
        return Outcome(exercise: id, student: student, problems: problems)
    }
}
