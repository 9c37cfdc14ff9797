import BorderLabCore
import BorderLabExercises
import BorderLabStore
import Crypto
import Foundation

/// `borderlab grade`: intake, one grader per submission on a bounded number of workers, then the class-wide steps
/// (duplicates, the latest per student, similarity), the output files and the history.
public struct GradingRun: Sendable {
    public struct Options: Sendable {
        public var inputs: [String]
        public var out: String
        public var exercise: String?
        public var policy = GradingPolicy()
        public var roster: Roster?
        public var contentRoots: [String]
        public var history: String?
        public var jobs = 2
        public var force = false
        public var release = false
        public init(inputs: [String], out: String, contentRoots: [String]) {
            self.inputs = inputs; self.out = out; self.contentRoots = contentRoots
        }
    }

    public struct Summary: Sendable {
        public var results: [GradedSubmission]
        public var records: [GradeRecord]
        public var graded: Int
        public var rejected: Int
        public var superseded: Int
        public var reused: Int
        /// Per student whose grade changed since the last run: the line printed.
        public var changes: [String]
        public var files: [String]
        public var similarity: SimilarityCheck.Result?
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    /// Runs the whole batch. `progress` receives one line per submission (the CLI prints them on stderr).
    public func run(progress: @Sendable (String) -> Void = { _ in }) throws -> Summary {
        let o = options
        let fm = FileManager.default
        try fm.createDirectory(atPath: o.out, withIntermediateDirectories: true)
        let scratch = o.out + "/.scratch"
        try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: scratch) }
        let library = ContentLibrary.load(roots: o.contentRoots)
        if let exercise = o.exercise {
            do { _ = try library.resolve(exercise) } catch { throw GradingUsageError("--exercise \(exercise): \(error)") }
        }
        let definitions = Self.sha(library.exercises.values.map { "\($0.id)=\($0.hash)" }.sorted().joined(separator: "\n"))
        let history = try GradingHistory(path: o.history ?? o.out + "/grading.sqlite")
        let runID = try history.beginRun(started: WallClock.now(), inputs: o.inputs, policy: o.policy.fingerprint,
                                         definitions: definitions, engine: BorderLabVersion.engine)

        let intake = SubmissionIntake.collect(o.inputs)
        var made = SubmissionGrader(library: library, forced: o.exercise, policy: o.policy, roster: o.roster,
                                    lmsTimes: intake.lmsTimes, scratch: scratch)
        made.timeSources = intake.timeSources
        let grader = made
        let resultFiles = try ResultFiles(out: o.out)
        // The same bytes are graded once: later copies are resolved after grading (same student or another).
        var firstBySHA: [String: Int] = [:]
        var unique: [Candidate] = []
        for c in intake.candidates where firstBySHA[c.sha256] == nil {
            firstBySHA[c.sha256] = unique.count
            unique.append(c)
        }
        let keyTail = "|\(definitions)|\(o.policy.fingerprint)|\(BorderLabVersion.engine)"
        let graded = ResultBox(count: unique.count)
        let reused = Counter()
        let total = unique.count
        let workers = max(1, min(o.jobs, total))
        let next = Counter()
        let queue = unique
        let times = intake.lmsTimes
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.increment() - 1
                guard i < total else { return }
                let c = queue[i]
                // The LMS's time for this submission is part of the key: a worksheet given later can make it late.
                let lms = c.identity.map { "\($0.system.rawValue):\($0.id)" } ?? ""
                let key = c.sha256 + "|" + lms + "|" + (times[lms].map(WallClock.format) ?? "") + keyTail
                var result: GradedSubmission
                // A verdict of "out of time" is not reused: the limit may have been raised since.
                if !o.force, let cached = try? history.cached(key: key), !cached.reason.hasPrefix(GradingDeadline.reasonPrefix) {
                    result = cached
                    reused.increment_()
                } else {
                    result = grader.gradeWithinTimeLimit(c)
                }
                do { try history.record(run: runID, key: key, result) } catch {
                    progress("warning: the history could not store \(c.source) (\(error)); a rerun will grade it again")
                }
                do { try resultFiles.write(result) } catch {
                    progress("warning: results/ could not take \(c.source) (\(error)); it is written with the others at the end")
                }
                graded.set(i, result)
                let shown = result.status == .graded ? "\(Self.fmt(result.score ?? 0))/\(Self.fmt(result.maxScore))" : "rejected: \(Clip.text(result.reason, limit: 100))"
                progress("[\(i + 1)/\(total)] \(c.source) — \(result.student.isEmpty ? "?" : result.student) \(shown)")
            }
        }
        var results = graded.values.compactMap { $0 }
        // Copies of the same bytes: the same student twice is superseded; another student's identical file is flagged.
        for c in intake.candidates {
            guard let first = firstBySHA[c.sha256], unique[first].source != c.source else { continue }
            var copy = results[first]
            copy.source = c.source
            copy.identity = c.identity
            let student = grader.rosterStudent(c.identity)?.studentID ?? c.identity.map { "\($0.system.rawValue)-\($0.id)" } ?? copy.workspaceStudent
            if student == results[first].student {
                copy.status = .superseded
                copy.reason = "the same file as \(results[first].source) (graded once)"
            } else if copy.status == .graded {
                copy.student = student
                let reason = "identical (SHA-256) to the submission of \(results[first].student) in \(results[first].source)"
                let flag = GradeFlag(category: "copy", code: "identical", action: o.policy.action(for: "identical"), reason: reason)
                copy.flags.append(flag)
                results[first].flags.append(GradeFlag(category: "copy", code: "identical", action: flag.action,
                                                      reason: "identical (SHA-256) to the submission of \(student) in \(c.source)"))
                copy.applyFlagPolicies()
                results[first].applyFlagPolicies()
            }
            results.append(copy)
        }
        for r in intake.rejections {
            var g = GradedSubmission(source: r.source, sha256: "", student: r.identity.map { grader.rosterStudent($0)?.studentID ?? "\($0.system.rawValue)-\($0.id)" } ?? "",
                                     workspaceStudent: "", exercise: o.exercise ?? "", status: .rejected, score: nil, maxScore: 0, identity: r.identity)
            g.reason = r.reason
            results.append(g)
        }
        Self.supersede(&results)
        ReplayedActionsCheck.flag(&results, library: library, policy: o.policy)
        let similarity = Self.similarity(&results, library: library, policy: o.policy)
        var changes: [String] = []
        var records: [GradeRecord] = []
        for r in results {
            var record = Self.record(r, roster: o.roster)
            if r.status == .graded, let score = r.score {
                let (latest, released) = try history.previous(student: r.student, exercise: r.exercise, before: runID)
                if let latest, abs(latest - score) > 0.005 {
                    changes.append("\(r.student): \(Self.fmt(latest)) → \(Self.fmt(score)) (\(Self.changeReason(r, force: o.force)))")
                }
                if let released, abs(released - score) > 0.005, !o.release {
                    record.score = released
                    record.reason = "released grade \(Self.fmt(released)) kept; regraded \(Self.fmt(score)) (publish with --release)"
                    changes.append("\(r.student): released grade \(Self.fmt(released)) kept in the LMS files; the new grade \(Self.fmt(score)) needs --release")
                }
            }
            records.append(record)
        }
        if o.release {
            try history.release(run: runID, students: results.filter { $0.status == .graded }.map { ($0.student, $0.exercise, $0.sha256) })
        }
        let exercise = results.first { $0.status == .graded }?.exercise ?? ""
        let earlier = (try? history.earlierShares(exercise: exercise, before: runID)) ?? []
        let files = try GradingOutputs.write(results: results, records: records, similarity: similarity, library: library,
                                             earlier: earlier, options: o, resultFiles: resultFiles)
        return Summary(results: results, records: records,
                       graded: results.filter { $0.status == .graded }.count, rejected: results.filter { $0.status == .rejected }.count,
                       superseded: results.filter { $0.status == .superseded }.count, reused: reused.value, changes: changes,
                       files: files, similarity: similarity)
    }

    static func changeReason(_ r: GradedSubmission, force: Bool) -> String {
        force ? "regraded with --force" : "the definition, policy or engine changed since the last run"
    }

    /// For each student and exercise the latest graded submission counts (by the LMS or zip time, then input order).
    static func supersede(_ results: inout [GradedSubmission]) {
        var best: [String: Int] = [:]
        for (i, r) in results.enumerated() where r.status == .graded && !r.student.isEmpty {
            let key = r.student + "|" + r.exercise
            if let j = best[key] {
                let newer = (r.submittedAt ?? "") >= (results[j].submittedAt ?? "")
                let loser = newer ? j : i
                results[loser].status = .superseded
                results[loser].reason = "a later submission of \(r.student) counts"
                if newer { best[key] = i }
            } else {
                best[key] = i
            }
        }
    }

    /// Winnowing over SQL answers, memos and action sequences of the counted submissions, the reference solution
    /// excluded; pairs of different students above the threshold are flagged `copy`.
    static func similarity(_ results: inout [GradedSubmission], library: ContentLibrary, policy: GradingPolicy) -> SimilarityCheck.Result? {
        let counted = results.indices.filter { results[$0].status == .graded && !results[$0].artefacts.isEmpty }
        guard counted.count >= 2 else { return nil }
        let submissions = counted.map { i in
            SimilarityCheck.Submission(id: results[i].student + "·" + String(results[i].sha256.prefix(6)), student: results[i].student,
                                       parts: results[i].artefacts.compactMap { a in ArtefactKind(rawValue: a.kind).map { .init(kind: $0, key: a.key, text: a.text) } })
        }
        var excluded: [SimilarityCheck.Part] = []
        for exercise in Set(counted.map { results[$0].exercise }) {
            guard let (course, definition) = try? library.resolve(exercise),
                  let (header, variant) = try? ExerciseWorkspace.plan(course: course, exercise: definition, student: "reference") else { continue }
            let values = variant.values.merging(["seed": String(header.seed), "student": "reference"]) { a, _ in a }
            let actions = definition.solution.actions.compactMap { try? Templates.action($0, values) }.map(\.summary)
            if !actions.isEmpty { excluded.append(.init(kind: .actions, key: "actions", text: actions.joined(separator: "\n"))) }
            for (key, text) in definition.solution.answers {
                excluded.append(.init(kind: .sql, key: key, text: text))
                excluded.append(.init(kind: .memo, key: key, text: text))
            }
        }
        var settings = SimilarityCheck.Settings()
        settings.schemaNames = PlantedCorpus.schemaNames
        let result = SimilarityCheck(settings: settings).run(submissions, excluded: excluded)
        // Never a trap on a class: should two ids coincide, the first is kept.
        let index = Dictionary(zip(submissions.map(\.id), counted), uniquingKeysWith: { a, _ in a })
        for pair in result.pairs {
            guard let a = index[pair.first], let b = index[pair.second], results[a].student != results[b].student else { continue }
            for (me, other) in [(a, b), (b, a)] {
                results[me].flags.append(GradeFlag(category: "copy", code: "similar", action: policy.action(for: "similar"),
                                                   reason: "similar to \(results[other].student) (\(Int((pair.score * 100).rounded())) %)"))
                results[me].applyFlagPolicies()
            }
        }
        return result
    }

    static func record(_ r: GradedSubmission, roster: Roster?) -> GradeRecord {
        var entry = roster?.entries.first { $0.studentID == r.student } ?? RosterEntry(studentID: r.student)
        if let id = r.identity {
            if id.system == .moodle, entry.moodleParticipant.isEmpty { entry.moodleParticipant = id.id }
            if id.system == .canvas, entry.canvasID.isEmpty { entry.canvasID = id.id }
            if entry.name.isEmpty, id.name != "Participant" { entry.name = id.name }
        }
        var reason = r.reason
        if reason.isEmpty { reason = r.flags.map { "\($0.code) (\($0.action.rawValue)): \($0.reason)" }.joined(separator: "; ") }
        return GradeRecord(student: entry, exercise: r.exercise, source: r.source, status: r.status, score: r.status == .rejected ? nil : r.score,
                           maxScore: r.maxScore, lateDays: r.lateDays, flags: r.flagCategories, reason: reason,
                           feedback: Feedback.summary(r), submittedAt: r.submittedAt)
    }

    static func sha(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined() }

    static func fmt(_ x: Double) -> String { CSVText.number(x) }
}

/// A thread-safe counter for the workers' shared queue position.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
    func increment_() { _ = increment() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}

/// The workers' results, one slot per submission.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [GradedSubmission?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: GradedSubmission) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [GradedSubmission?] { lock.lock(); defer { lock.unlock() }; return slots }
}
