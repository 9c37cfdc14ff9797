import BorderLabCore
import BorderLabExercises
import BorderLabStore
import Foundation

/// `borderlab class simulate`: a class of student bots for trying the grader before term (and for its tests and
/// benchmark). Which student is which bot follows from `seed` alone; the submission times are fixed around the
/// policy's deadline, so the same seed gives the same class.
public enum ClassSimulator {
    public enum Bot: String, Sendable, CaseIterable, Codable {
        /// `copied` hands in another student's workspace; `disguised` applies another student's actions to its own
        /// variant and hands in their SQL and memos edited (aliases renamed, case and spacing changed, sentences
        /// reordered and reworded).
        case strong, partial, empty, late, copied, tampered, corrupt, disguised
    }

    public struct Student: Sendable {
        public let id: String
        public let name: String
        public let bot: Bot
        public let moodleParticipant: String
        public let canvasID: String
        /// Whose workspace a `copied` bot handed in, or whose work a `disguised` bot edited.
        public let copiedFrom: String?
        /// The language the student reads (`zh-CN` for the students with Chinese names), in the roster.
        public let language: String
    }

    /// The deadline written into the class's `policy.yaml`; on-time bots hand in the day before, late ones after.
    public static let deadline = Date(timeIntervalSince1970: 1_796_169_540) // 2026-12-01T23:59:00Z

    static let names = ["王芳", "Li Wei", "张伟", "Chen Jing", "刘洋", "Anna Schmidt", "赵敏", "Omar Haddad", "孙丽", "Maria Garcia",
                        "周杰", "Kenji Sato", "吴静", "Liam Brown", "郑爽", "Sofia Rossi"]

    /// Which bot each student is: a fixed mix (about 30 % strong, 10 % each of the others), shuffled by seed.
    public static func plan(students n: Int, seed: UInt64) -> [Student] {
        var rng = SplitMix(seed: seed)
        let mix: [Bot] = [.strong, .strong, .strong, .partial, .disguised, .empty, .late, .copied, .tampered, .corrupt]
        var bots = (0..<n).map { mix[$0 % mix.count] }
        for i in stride(from: bots.count - 1, to: 0, by: -1) { bots.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        let strong = bots.indices.filter { bots[$0] == .strong }
        var out: [Student] = []
        for (i, bot) in bots.enumerated() {
            let id = String(format: "s%03d", i + 1)
            // A copier needs someone to copy from, else it works honestly: any strong student of the class, drawn
            // from the seed (copiers spread over their classmates as in a real class, rather than all copying one).
            let source: String? = switch bot {
            case .copied, .disguised: strong.isEmpty ? nil : String(format: "s%03d", strong[Int(rng.next() % UInt64(strong.count))] + 1)
            default: nil
            }
            let name = names[i % names.count]
            out.append(Student(id: id, name: name + (i >= names.count ? " \(i / names.count + 1)" : ""),
                               bot: (bot == .copied || bot == .disguised) && source == nil ? .strong : bot,
                               moodleParticipant: String(100_001 + i), canvasID: String(5_001 + i), copiedFrom: source,
                               language: name.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } ? "zh-CN" : "en"))
        }
        return out
    }

    /// The pairs a similarity check should report: each copier with its source, and copiers of the same source with
    /// each other (ids sorted within a pair).
    public static func copiedPairs(_ students: [Student]) -> Set<[String]> {
        var groups: [String: [String]] = [:]
        for s in students { if let source = s.copiedFrom { groups[source, default: [source]].append(s.id) } }
        var pairs = Set<[String]>()
        for members in groups.values {
            for a in members.indices { for b in members.indices where a < b { pairs.insert([members[a], members[b]].sorted()) } }
        }
        return pairs
    }

    /// Precision and recall of a similarity check's pairs (submission ids `student·sha`) against the copies planted in
    /// a simulated class; a pair involving a submission the check did not see (a corrupt or tampered copier) counts as
    /// missed.
    public static func score(_ result: SimilarityCheck.Result, students: [Student]) -> (precision: Double, recall: Double, truePositives: Int, falsePositives: Int, missed: Int) {
        let truth = copiedPairs(students)
        func student(_ id: String) -> String { String(id.split(separator: "·").first ?? Substring(id)) }
        let found = Set(result.pairs.map { [student($0.first), student($0.second)].sorted() })
        let tp = found.intersection(truth).count
        return (found.isEmpty ? 1 : Double(tp) / Double(found.count), truth.isEmpty ? 1 : Double(tp) / Double(truth.count),
                tp, found.count - tp, truth.count - tp)
    }

    public struct Output: Sendable {
        public let students: [Student]
        public let files: [String]
    }

    /// Writes `out/bundles/<student>.zip`, `out/roster.csv`, `out/answer-key.csv` (each student's bot and whom it
    /// copied), `out/moodle.zip`, `out/canvas.zip` and `out/policy.yaml`.
    public static func run(library: ContentLibrary, exercise qualified: String, students n: Int, seed: UInt64, out: String,
                           progress: (String) -> Void = { _ in }) throws -> Output {
        let (course, exercise) = try library.resolve(qualified)
        let fm = FileManager.default
        let work = out + "/.workspaces"
        try? fm.removeItem(atPath: work)
        try fm.createDirectory(atPath: out + "/bundles", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: work) }
        let students = plan(students: n, seed: seed)
        var bundles: [String: Data] = [:]
        var times: [String: Date] = [:]
        /// Each honest student's own work, for the `disguised` bots: the actions after the setup, the answers, and
        /// the sentences of each memo.
        var handedIn: [String: (actions: [Action], answers: [String: AnswerValue], memos: [String: [String]])] = [:]
        // Copiers last, so the work they copy exists; the order of the files written does not change.
        let order = students.indices.sorted { (students[$0].copiedFrom != nil ? 1 : 0, $0) < (students[$1].copiedFrom != nil ? 1 : 0, $1) }
        for i in order {
            let s = students[i]
            progress("[\(i + 1)/\(n)] \(s.id) \(s.bot.rawValue)")
            let folder = work + "/" + s.id
            let on = deadline.addingTimeInterval(-Double(3_600 * (2 + i % 20)))
            times[s.id] = s.bot == .late ? deadline.addingTimeInterval(Double(86_400 * (1 + i % 3)) - 3_600) : on
            switch s.bot {
            case .strong, .late, .tampered, .corrupt:
                var session = try ExerciseWorkspace.solve(at: folder, course: course, exercise: exercise, student: s.id, language: .en)
                // Memos in the student's own words (the reference memo is excluded from the similarity check anyway).
                var g = PlantedCorpus.Generator(state: seed &* 0x9E37_79B9 &+ UInt64(i) &* 0x85EB_CA6B)
                var memos: [String: [String]] = [:]
                for check in exercise.checks {
                    guard case .memo(let key, let concepts, let minimum) = check.rule else { continue }
                    let sentences = honestMemo(concepts: concepts, minimumWords: minimum, &g)
                    try ExerciseWorkspace.answer(session, key: key, text: sentences.joined(separator: " "))
                    memos[key] = sentences
                }
                if !memos.isEmpty { session = try ExerciseWorkspace.open(session.workspace, library: library) }
                handedIn[s.id] = ownWork(session, memos: memos)
                var files = try bundleFiles(session, folder: work + "/out-" + s.id)
                if s.bot == .tampered { files = tamper(files) }
                var data = try ZipWriter.make(files.sorted { $0.key < $1.key }.map { ($0.key, $0.value, times[s.id]!) })
                if s.bot == .corrupt { data = data.prefix(data.count / 2) }
                bundles[s.id] = data
            case .partial, .empty:
                let created = try ExerciseWorkspace.create(at: folder, course: course, exercise: exercise, student: s.id, language: .en)
                if s.bot == .partial, let first = exercise.solution.actions.first {
                    try created.workspace.perform(try Templates.action(first, created.values))
                }
                let session = try ExerciseWorkspace.open(created.workspace, library: library)
                bundles[s.id] = try ZipWriter.make(try bundleFiles(session, folder: work + "/out-" + s.id).sorted { $0.key < $1.key }.map { ($0.key, $0.value, times[s.id]!) })
            case .copied:
                // Another student's workspace (their own memos too), with one more action so its bytes differ.
                let source = try ExerciseWorkspace.solve(at: folder, course: course, exercise: exercise, student: s.copiedFrom!, language: .en)
                for (key, value) in (handedIn[s.copiedFrom!]?.answers ?? [:]).sorted(by: { $0.key < $1.key }) where value.type == .memo {
                    try ExerciseWorkspace.answer(source, key: key, text: value.text)
                }
                try source.workspace.perform(.advance(days: 1))
                let session = try ExerciseWorkspace.open(source.workspace, library: library)
                bundles[s.id] = try ZipWriter.make(try bundleFiles(session, folder: work + "/out-" + s.id).sorted { $0.key < $1.key }.map { ($0.key, $0.value, times[s.id]!) })
            case .disguised:
                let created = try ExerciseWorkspace.create(at: folder, course: course, exercise: exercise, student: s.id, language: .en)
                let source = handedIn[s.copiedFrom!]!
                // The other student's commands, typed into this student's own workspace: those the engine refuses
                // for this variant are simply lost, as they would be at the terminal.
                for action in source.actions { try? created.workspace.perform(action) }
                var g = PlantedCorpus.Generator(state: seed &* 0xC2B2_AE35 &+ UInt64(i) &* 0x27D4_EB2F)
                var session = try ExerciseWorkspace.open(created.workspace, library: library)
                for (key, value) in source.answers.sorted(by: { $0.key < $1.key }) {
                    let edited: String = switch value.type {
                    case .sql: PlantedCorpus.disguiseSQL(value.text, &g)
                    case .memo: PlantedCorpus.disguiseMemo(source.memos[key] ?? [value.text], &g, chinese: false)
                    default: value.text
                    }
                    do { try ExerciseWorkspace.answer(session, key: key, text: edited) } catch {
                        try ExerciseWorkspace.answer(session, key: key, text: value.text)
                    }
                }
                session = try ExerciseWorkspace.open(created.workspace, library: library)
                bundles[s.id] = try ZipWriter.make(try bundleFiles(session, folder: work + "/out-" + s.id).sorted { $0.key < $1.key }.map { ($0.key, $0.value, times[s.id]!) })
            }
        }
        var files: [String] = []
        for s in students {
            let path = out + "/bundles/\(s.id).zip"
            try bundles[s.id]!.write(to: URL(fileURLWithPath: path), options: .atomic)
            files.append(path)
        }
        var roster = CSVText.row(Roster.columns)
        for s in students {
            roster += CSVText.row([s.id, s.name, "2026\(s.id.dropFirst())", "\(s.id)@example.edu", s.canvasID, "", "", "A", s.moodleParticipant, s.language])
        }
        try Data(roster.utf8).write(to: URL(fileURLWithPath: out + "/roster.csv"), options: .atomic)
        // What each bot did, to hold the grader's findings against.
        var key = CSVText.row(["student_id", "bot", "copied_from", "language"])
        for s in students { key += CSVText.row([s.id, s.bot.rawValue, s.copiedFrom ?? "", s.language]) }
        try Data(key.utf8).write(to: URL(fileURLWithPath: out + "/answer-key.csv"), options: .atomic)
        let bundleName = { (s: Student) in "\(course.id)-\(exercise.id)-\(s.bot == .copied ? s.copiedFrom ?? s.id : s.id).zip" }
        let moodle = try ZipWriter.make(students.map { s in
            ("\(s.name)_\(s.moodleParticipant)_assignsubmission_file_/\(bundleName(s))", bundles[s.id]!, times[s.id]!)
        })
        try moodle.write(to: URL(fileURLWithPath: out + "/moodle.zip"), options: .atomic)
        let canvas = try ZipWriter.make(students.enumerated().map { i, s in
            let sortable = s.name.lowercased().filter { $0.isLetter || $0.isNumber }
            return ("\(sortable)\(s.bot == .late ? "_late" : "")_\(s.canvasID)_\(900_001 + i)_\(bundleName(s))", bundles[s.id]!, times[s.id]!)
        })
        try canvas.write(to: URL(fileURLWithPath: out + "/canvas.zip"), options: .atomic)
        let policy = """
            # The simulated class's late policy: the deadline the bots were written around.
            assignment: "\(exercise.id)"
            canvas_assignment_id: "4242"
            deadline: "\(WallClock.format(deadline))"
            grace_minutes: 10
            penalty_per_day: 0.1
            penalty_cap: 0.5

            """
        try Data(policy.utf8).write(to: URL(fileURLWithPath: out + "/policy.yaml"), options: .atomic)
        files += [out + "/roster.csv", out + "/answer-key.csv", out + "/moodle.zip", out + "/canvas.zip", out + "/policy.yaml"]
        return Output(students: students, files: files)
    }

    /// A memo in one student's own words: points on the bonded-versus-direct-mail question drawn from the many ways
    /// students phrase them, and one sentence naming a word of each concept the exercise's check looks for.
    static func honestMemo(concepts: [MemoConcept], minimumWords: Int, _ g: inout PlantedCorpus.Generator) -> [String] {
        var sentences = PlantedCorpus.memo(&g, chinese: false)
        let words = concepts.compactMap { $0.words.first { $0.unicodeScalars.allSatisfy(\.isASCII) } }
        if !words.isEmpty {
            sentences.insert(g.pick(["In short, this memo weighs ", "Overall I looked at ", "The points that matter: "]) + words.joined(separator: ", ") + ".",
                             at: g.int(sentences.count))
        }
        func count() -> Int { sentences.joined(separator: " ").split(whereSeparator: \.isWhitespace).count }
        while count() < minimumWords + 10 {
            sentences.insert(PlantedCorpus.expand(g.pick(g.pick(PlantedCorpus.memoIdeas)), &g), at: g.int(sentences.count))
        }
        return sentences
    }

    /// What a `disguised` bot copies from an honest student: the actions after the setup (answers and hints left out)
    /// and the last answer per key.
    static func ownWork(_ session: ExerciseSession, memos: [String: [String]]) -> (actions: [Action], answers: [String: AnswerValue], memos: [String: [String]]) {
        var actions: [Action] = []
        var answers: [String: AnswerValue] = [:]
        for logged in session.log.actions.dropFirst(session.setupEndIndex + 1) {
            switch logged.action {
            case .answer(let key, let value): answers[key] = value
            case .hint: break
            default: actions.append(logged.action)
            }
        }
        return (actions, answers, memos)
    }

    /// The bundle's files as `borderlab submit` writes them.
    static func bundleFiles(_ session: ExerciseSession, folder: String) throws -> [String: Data] {
        let report = try session.check(includeHidden: false, language: .en)
        let (path, _) = try Submission.write(session, to: folder, report: report)
        return try Submission.read(path)
    }

    /// A log edited by hand without re-chaining: the last line's quantity or days changed, the chain left as it was.
    static func tamper(_ files: [String: Data]) -> [String: Data] {
        var out = files
        guard let log = files["actions.jsonl"] else { return out }
        var lines = String(decoding: log, as: UTF8.self).split(separator: "\n").map(String.init)
        if lines.count >= 3 {
            let i = lines.count - 2
            lines[i] = lines[i].replacingOccurrences(of: "\"seq\":", with: "\"note\":\"edited\",\"seq\":")
        }
        out["actions.jsonl"] = Data((lines.joined(separator: "\n") + "\n").utf8)
        return out
    }
}

/// A tiny seeded generator (SplitMix64), so a class is the same for the same seed on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
