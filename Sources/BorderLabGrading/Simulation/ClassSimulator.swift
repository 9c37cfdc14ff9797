import BorderLabCore
import BorderLabExercises
import BorderLabStore
import Foundation

/// `borderlab class simulate`: a class of student bots for trying the grader before term (and for its tests and
/// benchmark). Which student is which bot follows from `seed` alone; the submission times are fixed around the
/// policy's deadline, so the same seed gives the same class.
public enum ClassSimulator {
    public enum Bot: String, Sendable, CaseIterable, Codable {
        case strong, partial, empty, late, copied, tampered, corrupt
    }

    public struct Student: Sendable {
        public let id: String
        public let name: String
        public let bot: Bot
        public let moodleParticipant: String
        public let canvasID: String
        /// Whose workspace a `copied` bot handed in.
        public let copiedFrom: String?
    }

    /// The deadline written into the class's `policy.yaml`; on-time bots hand in the day before, late ones after.
    public static let deadline = Date(timeIntervalSince1970: 1_796_169_540) // 2026-12-01T23:59:00Z

    static let names = ["王芳", "Li Wei", "张伟", "Chen Jing", "刘洋", "Anna Schmidt", "赵敏", "Omar Haddad", "孙丽", "Maria Garcia",
                        "周杰", "Kenji Sato", "吴静", "Liam Brown", "郑爽", "Sofia Rossi"]

    /// Which bot each student is: a fixed mix (about 30 % strong, 20 % partial, 10 % each of the others), shuffled by seed.
    public static func plan(students n: Int, seed: UInt64) -> [Student] {
        var rng = SplitMix(seed: seed)
        let mix: [Bot] = [.strong, .strong, .strong, .partial, .partial, .empty, .late, .copied, .tampered, .corrupt]
        var bots = (0..<n).map { mix[$0 % mix.count] }
        for i in stride(from: bots.count - 1, to: 0, by: -1) { bots.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        var out: [Student] = []
        for (i, bot) in bots.enumerated() {
            let id = String(format: "s%03d", i + 1)
            // A copier needs someone to copy from: the first strong student before it, else it works honestly.
            let source = bot == .copied ? out.first { $0.bot == .strong }?.id : nil
            out.append(Student(id: id, name: names[i % names.count] + (i >= names.count ? " \(i / names.count + 1)" : ""),
                               bot: bot == .copied && source == nil ? .strong : bot,
                               moodleParticipant: String(100_001 + i), canvasID: String(5_001 + i), copiedFrom: source))
        }
        return out
    }

    public struct Output: Sendable {
        public let students: [Student]
        public let files: [String]
    }

    /// Writes `out/bundles/<student>.zip`, `out/roster.csv`, `out/moodle.zip`, `out/canvas.zip` and `out/policy.yaml`.
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
        for (i, s) in students.enumerated() {
            progress("[\(i + 1)/\(n)] \(s.id) \(s.bot.rawValue)")
            let folder = work + "/" + s.id
            let on = deadline.addingTimeInterval(-Double(3_600 * (2 + i % 20)))
            times[s.id] = s.bot == .late ? deadline.addingTimeInterval(Double(86_400 * (1 + i % 3)) - 3_600) : on
            switch s.bot {
            case .strong, .late, .tampered, .corrupt:
                let session = try ExerciseWorkspace.solve(at: folder, course: course, exercise: exercise, student: s.id, language: .en)
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
                // Another student's workspace, with one more action of its own so its bytes differ.
                let source = try ExerciseWorkspace.solve(at: folder, course: course, exercise: exercise, student: s.copiedFrom!, language: .en)
                try source.workspace.perform(.advance(days: 1))
                let session = try ExerciseWorkspace.open(source.workspace, library: library)
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
            roster += CSVText.row([s.id, s.name, "2026\(s.id.dropFirst())", "\(s.id)@example.edu", s.canvasID, "", "", "A", s.moodleParticipant])
        }
        try Data(roster.utf8).write(to: URL(fileURLWithPath: out + "/roster.csv"), options: .atomic)
        let bundleName = { (s: Student) in "\(course.id)-\(exercise.id)-\(s.copiedFrom ?? s.id).zip" }
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
        files += [out + "/roster.csv", out + "/moodle.zip", out + "/canvas.zip", out + "/policy.yaml"]
        return Output(students: students, files: files)
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
