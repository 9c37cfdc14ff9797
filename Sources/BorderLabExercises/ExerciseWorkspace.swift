import BorderLabCore
import BorderLabStore
import Foundation

/// An exercise workspace opened for the student loop: its definition, course, stamp, log and replayed world.
public struct ExerciseSession: Sendable {
    public let workspace: Workspace
    public let course: CourseDefinition
    public let definition: ExerciseDefinition
    public let stamp: ExerciseStamp
    public let log: ActionLog
    public let world: World

    /// The variant's values with the built-ins `seed` and `student`.
    public var values: [String: String] {
        stamp.variant.merging(["seed": String(log.header.seed), "student": stamp.student]) { a, _ in a }
    }

    /// Index in `log.actions` of the setup marker (setup actions come before it), or -1 when there is none.
    public var setupEndIndex: Int { log.actions.firstIndex { $0.action == .setupEnd } ?? -1 }

    /// When the student started (the setup marker's wall-clock time).
    public var startedAt: Date? { setupEndIndex >= 0 ? log.actions[setupEndIndex].at.flatMap(WallClock.parse) : nil }

    /// The student's logged actions: after the setup marker; for a drill, only those within the time limit count.
    public var studentActions: [LoggedAction] { Array(log.actions.dropFirst(setupEndIndex + 1)).filter { !isOvertime($0) } }

    /// Whether a drill action came after the time limit (recorded, but it does not count).
    public func isOvertime(_ logged: LoggedAction) -> Bool {
        guard let limit = definition.timeLimitMinutes, let start = startedAt,
              let at = logged.at.flatMap(WallClock.parse) else { return false }
        return at.timeIntervalSince(start) > Double(limit * 60)
    }

    /// The latest answer per key among the student's actions.
    public var answers: [String: AnswerValue] {
        var out: [String: AnswerValue] = [:]
        for logged in studentActions { if case .answer(let key, let value) = logged.action { out[key] = value } }
        return out
    }

    /// Hint levels already taken per task (from the whole log, setup excluded).
    public var hintsTaken: [Int: Int] {
        var out: [Int: Int] = [:]
        for logged in log.actions { if case .hint(let task, let level) = logged.action { out[task] = max(out[task] ?? 0, level) } }
        return out
    }

    /// The world at the end of the setup: what "start" computations look at.
    public func startWorld() throws -> World {
        var world = try World(header: log.header)
        for logged in log.actions.prefix(setupEndIndex + 1) { try world.apply(logged.action) }
        return world
    }

    /// Runs the checker on this workspace (visible checks for `check`, all for grading and the self-test).
    public func check(includeHidden: Bool, language: Language) throws -> CheckReport {
        let start = try startWorld()
        let worldNow: World
        if log.actions.contains(where: isOvertime) {
            // A drill's overtime actions do not count: the world is rebuilt without them.
            var w = start
            for logged in log.actions.dropFirst(setupEndIndex + 1) where !isOvertime(logged) { try? w.apply(logged.action) }
            worldNow = w
        } else {
            worldNow = world
        }
        let context = CheckContext(definition: definition, values: values, start: start, world: worldNow,
                                   sandboxPath: workspace.sandboxPath, studentActions: studentActions.map(\.action), answers: answers)
        return CheckReport(definition: definition, results: Checker.run(context, includeHidden: includeHidden, language: language),
                           language: language, values: values)
    }
}

/// Making, opening and resetting exercise workspaces.
public enum ExerciseWorkspace {
    /// The header of a student's world: the exercise's world with the variant's seed, stamped with the exercise.
    static func header(exercise: ExerciseDefinition, variant: Variant, stamp: ExerciseStamp?) throws -> (WorldHeader, [ScheduledEvent]) {
        let spec = exercise.world
        var preset = Scenario.named(spec.scenario)
        var file: ScenarioFile?
        if preset == nil {
            let path = spec.scenario.hasPrefix("/") ? spec.scenario : exercise.folder + "/" + spec.scenario
            // The exercise's own scenario file may use the variant's parameters (an event's SKU or date per student).
            let values = variant.values.merging(["seed": String(variant.seed), "student": stamp?.student ?? ""]) { a, _ in a }
            file = try ScenarioFile.load(path: path) { Templates.fill($0, values) }
            preset = file?.scenario
        }
        guard let preset else { throw ExerciseError.io("unknown scenario \(spec.scenario)") }
        var header = WorldHeader(seed: variant.seed, scenario: preset, mode: spec.mode ?? file?.mode ?? ShopMode.b2cComprehensive.rawValue,
                                 startDate: spec.startDate ?? file?.startDate, customers: spec.customers ?? file?.customers,
                                 events: file?.events ?? [])
        if let stamp { header.stamp(stamp, startingCash: spec.startingCash) } else { header.startingCash = spec.startingCash }
        return (header, header.events)
    }

    /// The stamp and header of `student`'s variant of an exercise.
    public static func plan(course: CourseDefinition, exercise: ExerciseDefinition, student: String) throws -> (WorldHeader, Variant) {
        let variant = Variant.draw(salt: course.variantSalt, exercise: exercise, student: student)
        let stamp = ExerciseStamp(course: course.id, exercise: exercise.id, student: student, definitionHash: exercise.hash,
                                  variant: variant.values)
        return (try header(exercise: exercise, variant: variant, stamp: stamp).0, variant)
    }

    /// `borderlab new DIR --exercise COURSE/EXERCISE --student ID`: the world, the setup (marked as such), the README.
    @discardableResult
    public static func create(at path: String, course: CourseDefinition, exercise: ExerciseDefinition, student: String,
                              language: Language) throws -> ExerciseSession {
        guard Identifier.isValidStudent(student) else {
            throw ExerciseError.io("Student id '\(student)' may use letters, digits and . _ @ - only (at most 64 characters).")
        }
        let (header, variant) = try plan(course: course, exercise: exercise, student: student)
        let values = variant.values.merging(["seed": String(variant.seed), "student": student]) { a, _ in a }
        let actions = try exercise.setup.map { try Templates.action($0, values) }
        let (workspace, _) = try Workspace.create(at: path, header: header)
        for action in actions { try workspace.perform(action) }
        try workspace.perform(.setupEnd)
        let session = try open(workspace, course: course, exercise: exercise)
        try Instructions.write(session, language: language)
        return session
    }

    /// Opens an exercise workspace, refusing one made from another definition or for another variant.
    public static func open(_ workspace: Workspace, library: ContentLibrary) throws -> ExerciseSession {
        let log = try workspace.open().log
        guard let stamp = log.header.exercise else { throw ExerciseError.notAnExerciseWorkspace(workspace.root) }
        let (course, exercise) = try library.resolve(stamp.qualifiedID)
        return try open(workspace, course: course, exercise: exercise)
    }

    static func open(_ workspace: Workspace, course: CourseDefinition, exercise: ExerciseDefinition) throws -> ExerciseSession {
        let opened = try workspace.open()
        guard let stamp = opened.log.header.exercise else { throw ExerciseError.notAnExerciseWorkspace(workspace.root) }
        guard stamp.definitionHash == exercise.hash else { throw ExerciseError.definitionChanged(exercise: stamp.qualifiedID) }
        let variant = Variant.draw(salt: course.variantSalt, exercise: exercise, student: stamp.student)
        guard variant.values == stamp.variant, variant.seed == opened.log.header.seed else {
            throw ExerciseError.variantMismatch(exercise: stamp.qualifiedID)
        }
        return ExerciseSession(workspace: workspace, course: course, definition: exercise, stamp: stamp, log: opened.log, world: opened.world)
    }

    /// `borderlab answer`: validates the value's form, then logs it (a later answer replaces an earlier one).
    public static func answer(_ session: ExerciseSession, key: String, text: String) throws {
        let keys = session.definition.answerKeys
        guard let entry = keys.first(where: { $0.key == key }) else { throw ExerciseError.unknownAnswerKey(key, known: keys.map(\.key)) }
        guard let value = AnswerFormat.normalize(text, as: entry.type) else {
            throw ExerciseError.badAnswer(key: key, expected: AnswerFormat.expected(entry.type))
        }
        // A query that does not run is refused now, with SQLite's reason, rather than logged and failed later.
        if entry.type == .sql {
            _ = try QuerySandbox.run(value, databaseAt: session.workspace.sandboxPath, limits: QueryLimits(timeLimitMilliseconds: 3000, rowCap: 1))
        }
        try session.workspace.perform(.answer(key: key, value: AnswerValue(type: entry.type, text: value)))
    }

    /// `borderlab hint [TASK]`: the next layer for the named task, or the first unfinished one; logged as an action.
    /// - Returns: the task, the layer shown (1-based), how many layers there are, and the text; nil when no hints remain.
    public static func hint(_ session: ExerciseSession, task: Int?, language: Language) throws -> (task: Int, level: Int, of: Int, text: String)? {
        let number: Int
        if let task {
            guard session.definition.task(task) != nil else { throw ExerciseError.unknownTask(task, known: session.definition.tasks.map(\.number)) }
            number = task
        } else {
            let report = try session.check(includeHidden: false, language: language)
            number = report.tasks.first { !$0.passed }?.task ?? session.definition.tasks.last?.number ?? 1
        }
        guard let t = session.definition.task(number) else { return nil }
        let level = (session.hintsTaken[number] ?? 0) + 1
        guard level <= t.hints.count else { return nil }
        try session.workspace.perform(.hint(task: number, level: level))
        return (number, level, t.hints.count, Templates.fill(t.hints[level - 1].text(language), session.values))
    }

    /// `borderlab reset`: back to the exercise's start. The old log is kept in `.borderlab/history/`; hints taken carry over.
    public static func reset(_ session: ExerciseSession) throws {
        let ws = session.workspace
        let history = ws.root + "/.borderlab/history"
        try FileManager.default.createDirectory(atPath: history, withIntermediateDirectories: true)
        let n = ((try? FileManager.default.contentsOfDirectory(atPath: history)) ?? []).count + 1
        try FileManager.default.copyItem(atPath: ws.logPath, toPath: history + "/actions-\(n).jsonl")
        let keep = session.log.actions.prefix(session.setupEndIndex + 1).map(\.action)
            + session.log.actions.compactMap { if case .hint = $0.action { return $0.action } else { return nil } }
        let headerLine = ActionLog.headerLine(session.log.header)
        var lines = [headerLine]
        var previous = ActionLog.hash(headerLine)
        var world = try World(header: session.log.header)
        let now = WallClock.now()
        for (i, action) in keep.enumerated() {
            let day = world.day
            try world.apply(action)
            let original = i < session.setupEndIndex + 1 ? session.log.actions[i].at : now
            let line = ActionLog.line(for: action, sequence: i + 1, day: day, previousHash: previous, at: original ?? now)
            lines.append(line)
            previous = ActionLog.hash(line)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: ws.logPath), options: .atomic)
        _ = try ws.replay()
    }

    /// `exercises solve`: a workspace with the reference solution applied (previews, model submissions, the self-test).
    @discardableResult
    public static func solve(at path: String, course: CourseDefinition, exercise: ExerciseDefinition, student: String,
                             language: Language) throws -> ExerciseSession {
        let session = try create(at: path, course: course, exercise: exercise, student: student, language: language)
        try applySolution(session)
        return try open(session.workspace, course: course, exercise: exercise)
    }

    /// Applies the reference solution's actions, then its answers (`=expected` asks the checker for its own value).
    static func applySolution(_ session: ExerciseSession) throws {
        let values = session.values
        for template in session.definition.solution.actions { try session.workspace.perform(try Templates.action(template, values)) }
        let after = try open(session.workspace, course: session.course, exercise: session.definition)
        for (key, raw) in session.definition.solution.answers {
            var text = Templates.fill(raw, values)
            if text == "=expected" { text = try ExpectedAnswer.text(for: key, in: after) }
            if let path = text.hasPrefix("@") ? session.definition.folder + "/" + text.dropFirst() : nil {
                text = try String(contentsOfFile: path, encoding: .utf8)
            }
            try answer(after, key: key, text: text)
        }
    }
}

/// The checker's own value of an answer, for reference solutions (`=expected`).
enum ExpectedAnswer {
    static func text(for key: String, in session: ExerciseSession) throws -> String {
        let start = try session.startWorld()
        for check in session.definition.checks {
            guard case .answer(let k, _, let expected, _) = check.rule, k == key else { continue }
            switch expected {
            case .value(let template): return Templates.fill(template, session.values)
            case .compute(let name, let args, let atStart):
                guard let computation = Computations.named(name) else { continue }
                switch try computation.run(atStart ? start : session.world, args.mapValues { Templates.fill($0, session.values) }) {
                case .money(let m): return m.description
                case .number(let x): return String(x)
                case .text(let t): return t
                case .oneOf(let options): return options.first ?? ""
                }
            }
        }
        throw ExerciseError.unknownAnswerKey(key, known: session.definition.answerKeys.map(\.key))
    }
}
