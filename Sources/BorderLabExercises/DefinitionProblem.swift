/// One thing wrong in a course or exercise file, located precisely so an author can fix it without guessing.
public struct DefinitionProblem: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based line, or nil when the problem concerns the whole file.
    public let line: Int?
    /// The field's path, e.g. `checks[2].answer.compute`.
    public let field: String
    public let problem: String

    public init(file: String, line: Int?, field: String, problem: String) {
        self.file = file; self.line = line; self.field = field; self.problem = problem
    }

    public var description: String { "\(file):\(line.map(String.init) ?? "-"): \(field): \(problem)" }
}

/// Errors of the exercise layer, each with a message for the terminal.
public enum ExerciseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Definition files with problems: all of them, at once.
    case invalid([DefinitionProblem])
    /// `COURSE/EXERCISE` names nothing; the known ids are listed.
    case unknownExercise(String, known: [String])
    case unknownCourse(String, known: [String])
    /// The folder is not an exercise workspace (a free workspace, or none).
    case notAnExerciseWorkspace(String)
    /// The workspace was made from another version of the definition, or for another variant.
    case definitionChanged(exercise: String)
    case variantMismatch(exercise: String)
    /// An answer typed in a form its type does not take.
    case badAnswer(key: String, expected: String)
    case unknownAnswerKey(String, known: [String])
    case unknownTask(Int, known: [Int])
    case io(String)

    public var description: String {
        switch self {
        case .invalid(let problems):
            let shown = problems.prefix(30).map { "  " + $0.description }.joined(separator: "\n")
            let more = problems.count > 30 ? "\n  … and \(problems.count - 30) more" : ""
            return "\(problems.count) problem\(problems.count == 1 ? "" : "s") in the exercise content:\n" + shown + more
        case .unknownExercise(let id, let known) where known.isEmpty:
            return "No exercise '\(id)': no course content was found. Point to it with --content DIR or BORDERLAB_CONTENT (a folder holding courses/ and exercises/)."
        case .unknownExercise(let id, let known):
            return "No exercise '\(id)'. Write COURSE/EXERCISE, one of:\n" + known.map { "  " + $0 }.joined(separator: "\n")
        case .unknownCourse(let id, let known):
            return "No course '\(id)'. Known courses: \(known.joined(separator: ", "))."
        case .notAnExerciseWorkspace(let path):
            return "\(path) is not an exercise workspace. Start one with `borderlab new DIR --exercise COURSE/EXERCISE --student ID` (see `borderlab exercises list`)."
        case .definitionChanged(let id):
            return "The definition of \(id) has changed since this workspace was made (its hash differs). Ask your instructor which version to use, or start a new workspace with `borderlab new DIR --exercise \(id) --student ID`."
        case .variantMismatch(let id):
            return "This workspace's variant does not belong to its student for \(id) (another student's workspace, or another term's course salt)."
        case .badAnswer(let key, let expected):
            return "The answer for '\(key)' is not in the expected format: \(expected)."
        case .unknownAnswerKey(let key, let known):
            return "This exercise has no answer '\(key)'. Its answers: \(known.joined(separator: ", "))."
        case .unknownTask(let task, let known):
            return "This exercise has no task \(task). Its tasks: \(known.map(String.init).joined(separator: ", "))."
        case .io(let message):
            return message
        }
    }
}
