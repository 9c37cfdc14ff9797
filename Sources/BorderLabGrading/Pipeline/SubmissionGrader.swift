import BorderLabCore
import BorderLabExercises
import BorderLabStore
import Foundation
import GRDB

/// Grades one submission from its own log and the variant its student is owed, never from anything it computed itself.
///
/// Order of work, cheapest refusal first: manifest and file hashes, the log's hash chain, the world it asks for
/// (customers and days bounded by the exercise before any replay), the header against the student's variant, then
/// the replay and the one shared ``Checker`` with hidden checks.
public struct SubmissionGrader: Sendable {
    public let library: ContentLibrary
    /// `--exercise`: every submission must be of this one.
    public let forced: String?
    public let policy: GradingPolicy
    public let roster: Roster?
    public let lmsTimes: [String: Date]
    /// Where each LMS time came from (`moodle worksheet`, `canvas export`), by the same key as `lmsTimes`.
    public var timeSources: [String: String] = [:]
    /// A folder under `--out` for the projections SQL checks run against (one file per submission, deleted after).
    public let scratch: String

    /// A log longer than this is not an exercise: refused before replay.
    public static let maxActions = 5_000
    /// The most simulated days any exercise world runs (the longest in the course is 180).
    public static let maxDays = 400

    public init(library: ContentLibrary, forced: String?, policy: GradingPolicy, roster: Roster?, lmsTimes: [String: Date], scratch: String) {
        self.library = library; self.forced = forced; self.policy = policy; self.roster = roster
        self.lmsTimes = lmsTimes; self.scratch = scratch
    }

    struct Refusal: Error { let reason: String; let category: String? }

    /// Grades one candidate; past `deadline` (checked between steps) it is rejected with the time limit as the reason.
    public func grade(_ candidate: Candidate) -> GradedSubmission {
        grade(candidate, deadline: GradingDeadline(seconds: policy.timeLimitSeconds))
    }

    func grade(_ candidate: Candidate, deadline: GradingDeadline) -> GradedSubmission {
        var result = GradedSubmission(source: candidate.source, sha256: candidate.sha256, student: "", workspaceStudent: "",
                                      exercise: forced ?? "", status: .rejected, score: nil, maxScore: 0, identity: candidate.identity)
        result.student = rosterStudent(candidate.identity)?.studentID ?? candidate.identity.map { "\($0.system.rawValue)-\($0.id)" } ?? ""
        do {
            try grade(candidate, into: &result, deadline: deadline)
            result.status = .graded
            result.applyFlagPolicies()
        } catch let refusal as Refusal {
            result.reason = refusal.reason
            if let category = refusal.category {
                result.flags.append(GradeFlag(category: category, code: "refused", action: .zero, reason: refusal.reason))
            }
        } catch {
            result.reason = "\(error)"
        }
        return result
    }

    func rosterStudent(_ identity: LMSIdentity?) -> RosterEntry? {
        guard let identity, let roster else { return nil }
        switch identity.system {
        case .moodle: return roster.entries.first { $0.moodleParticipant == identity.id }
        case .canvas: return roster.entries.first { $0.canvasID == identity.id }
        }
    }

    func flag(_ r: inout GradedSubmission, _ category: String, _ code: String, _ reason: String) {
        r.flags.append(GradeFlag(category: category, code: code, action: policy.action(for: code), reason: reason))
    }

    /// Stops the work once the submission's time is up.
    func check(_ deadline: GradingDeadline, _ step: @autoclosure () -> String) throws {
        if deadline.expired { throw Refusal(reason: deadline.reason(during: step()), category: nil) }
    }

    /// The language a student reads: the roster's, else the workspace's (its manifest or READMEs), else the policy's.
    func feedbackLanguage(_ c: Candidate, roster entry: RosterEntry?, manifest: Submission.Manifest?) -> Language {
        for choice in [entry?.language, manifest?.language, c.workspaceLanguage] {
            if let text = choice, let l = Language.resolve(option: text, environment: [:]) { return l }
        }
        return Language(rawValue: policy.language) ?? .en
    }

    func grade(_ c: Candidate, into r: inout GradedSubmission, deadline: GradingDeadline) throws {
        guard let logData = c.files["actions.jsonl"] else { throw Refusal(reason: "no actions.jsonl: not a BorderLab submission", category: nil) }
        // 1. The manifest, when there is one: valid JSON, and the hashes of the files it lists.
        var manifest: Submission.Manifest?
        if let data = c.files["manifest.json"] {
            do { manifest = try JSONDecoder().decode(Submission.Manifest.self, from: data) } catch {
                throw Refusal(reason: "manifest.json is not a BorderLab manifest (\(ActionLogErrorText.describe(error)))", category: nil)
            }
            for (name, hash) in manifest!.files.sorted(by: { $0.key < $1.key }) where SubmissionIntake.sha256(c.files[name] ?? Data()) != hash {
                flag(&r, "integrity", "manifest", "\(name) differs from the hash its manifest recorded (edited after submitting)")
            }
        }
        r.language = feedbackLanguage(c, roster: rosterStudent(c.identity) ?? roster?.entries.first { $0.studentID == r.student },
                                      manifest: manifest).rawValue
        // 2. Bounded before parsing: a log of absurd length is refused by counting lines.
        let lines = logData.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        guard lines <= Self.maxActions + 1 else {
            throw Refusal(reason: "actions.jsonl has \(lines) lines; an exercise log has at most \(Self.maxActions). Not replayed.", category: "integrity")
        }
        let log: ActionLog
        do { log = try ActionLog.parse(logData, path: "actions.jsonl") } catch {
            throw Refusal(reason: "the action log does not verify: \(error.description)", category: "integrity")
        }
        guard let stamp = log.header.exercise else { throw Refusal(reason: "the log is not of an exercise workspace (no exercise stamp)", category: nil) }
        r.workspaceStudent = stamp.student
        if r.student.isEmpty { r.student = stamp.student }
        r.exercise = stamp.qualifiedID
        r.definitionHash = stamp.definitionHash
        // The first check of the time, once the log is read and the student known (for results/<student>.json).
        try check(deadline, "reading the log")
        if let forced, forced != stamp.qualifiedID {
            throw Refusal(reason: "a submission for \(stamp.qualifiedID), not \(forced)", category: nil)
        }
        let course: CourseDefinition, exercise: ExerciseDefinition
        do { (course, exercise) = try library.resolve(stamp.qualifiedID) } catch {
            throw Refusal(reason: "exercise \(stamp.qualifiedID) is not in the content folders (\(error))", category: nil)
        }
        r.maxScore = exercise.checks.reduce(0) { $0 + $1.points }
        // 3. The student the LMS names must be the one whose variant this is.
        if let lms = rosterStudent(c.identity), lms.studentID != stamp.student {
            flag(&r, "variant", "variant", "handed in by \(lms.studentID) but made for \(stamp.student): another student's workspace")
        }
        // 4. The world it asks for: bounded by the exercise before any replay.
        let (expected, variant) = try ExerciseWorkspace.plan(course: course, exercise: exercise, student: stamp.student)
        guard log.header.customers <= expected.customers else {
            throw Refusal(reason: "its header asks for \(log.header.customers) customers; the exercise's world has \(expected.customers). Not replayed.", category: "integrity")
        }
        let days = log.actions.reduce(0) { if case .advance(let d) = $1.action { return $0 + max(0, d) } else { return $0 } }
        guard days <= Self.maxDays else {
            throw Refusal(reason: "it advances \(days) days; no exercise runs more than \(Self.maxDays). Not replayed.", category: "integrity")
        }
        if stamp.definitionHash != exercise.hash {
            flag(&r, "integrity", "definition", "made from definition \(stamp.definitionHash.prefix(12)), graded against \(exercise.hash.prefix(12)) (the exercise changed since)")
        }
        var comparable = expected
        comparable.exercise?.definitionHash = stamp.definitionHash
        if comparable != log.header {
            throw Refusal(reason: "its header is not the variant of student \(stamp.student) (\(Self.headerDifference(comparable, log.header)))", category: "integrity")
        }
        // 5. The setup must be the exercise's own.
        let values = variant.values.merging(["seed": String(log.header.seed), "student": stamp.student]) { a, _ in a }
        let setupEnd = log.actions.firstIndex { $0.action == .setupEnd } ?? -1
        let setup = (try? exercise.setup.map { try Templates.action($0, values) }) ?? []
        if Array(log.actions.prefix(max(0, setupEnd)).map(\.action)) != setup {
            flag(&r, "integrity", "header", "its setup actions are not the exercise's setup for this variant")
        }
        timeAndHintEvidence(log, manifest, &r)
        // 6. Replay: the day check as `Workspace.replay`, a drill's overtime actions recorded but not counted.
        let startedAt = setupEnd >= 0 ? log.actions[setupEnd].at.flatMap(WallClock.parse) : nil
        func overtime(_ a: LoggedAction) -> Bool {
            guard let limit = exercise.timeLimitMinutes, let s = startedAt, let at = a.at.flatMap(WallClock.parse) else { return false }
            return at.timeIntervalSince(s) > Double(limit * 60)
        }
        var world = try World(header: log.header)
        var start = world
        var counted: [LoggedAction] = []
        var skipped = false
        for (i, logged) in log.actions.enumerated() {
            try check(deadline, "replaying line \(logged.sequence + 1) of \(log.actions.count)")
            if i > setupEnd && overtime(logged) { skipped = true; continue }
            guard skipped || logged.day == world.day else {
                throw Refusal(reason: "line \(logged.sequence + 1) says day \(logged.day) but the world was at day \(world.day)", category: "integrity")
            }
            do { try world.apply(logged.action) } catch {
                throw Refusal(reason: "line \(logged.sequence + 1) is an action the engine refuses (\(error.description))", category: "integrity")
            }
            if i == setupEnd { start = world }
            if i > setupEnd { counted.append(logged) }
        }
        // 7. The checks, hidden ones included, on this replayed world.
        var answers: [String: AnswerValue] = [:]
        for a in counted { if case .answer(let key, let value) = a.action { answers[key] = value } }
        let needsSQL = exercise.checks.contains { if case .sql = $0.rule { true } else { false } }
        let sandbox = needsSQL ? try writeProjection(world, log: log, name: c.sha256) : ""
        defer { if needsSQL { try? FileManager.default.removeItem(atPath: sandbox) } }
        let context = CheckContext(definition: exercise, values: values, start: start, world: world, sandboxPath: sandbox,
                                   studentActions: counted.map(\.action), answers: answers)
        let language = Language(rawValue: r.language ?? "") ?? .en
        try check(deadline, "before the checks")
        r.checks = Checker.run(context, includeHidden: true, language: language)
        try check(deadline, "running the checks")
        let checkScore = (r.checks.reduce(0) { $0 + $1.points } * 100).rounded() / 100
        r.checkScore = checkScore
        var levels: [Int: Int] = [:]
        for a in log.actions { if case .hint(let task, let level) = a.action { levels[task] = max(levels[task] ?? 0, level) } }
        r.hintsTaken = levels.values.reduce(0, +)
        r.hintPenalty = Double(r.hintsTaken) * course.hintCost
        let afterHints = max(0, checkScore - r.hintPenalty)
        // 8. Lateness from the LMS's time, else the zip entry's (weaker); never the bundle's own `submitted_at`.
        var time: Date?
        if let id = c.identity, let t = lmsTimes["\(id.system.rawValue):\(id.id)"] {
            time = t
            r.timeSource = timeSources["\(id.system.rawValue):\(id.id)"] ?? "\(id.system.rawValue) worksheet"
        }
        else if let t = c.entryTime { time = t; r.timeSource = "zip entry (weaker evidence)" }
        r.submittedAt = time.map(WallClock.format)
        r.lateDays = policy.lateDays(student: r.student, submitted: time)
        // Canvas's `_late` mark against an on-time zip entry: worth a note; against an LMS time, that time decides.
        if r.lateDays == 0, c.identity?.markedLate == true, policy.deadline != nil, r.timeSource.hasPrefix("zip") || time == nil {
            flag(&r, "late", "weak-time", "Canvas marks the file late; no worksheet or Canvas export time was given to count the days")
        }
        if r.lateDays > 0 {
            switch policy.latePolicy {
            case .perDay:
                r.flags.append(GradeFlag(category: "late", code: "late", action: .note,
                                         reason: "\(r.lateDays) day(s) late by the \(r.timeSource); penalty \(Int((min(policy.penaltyCap, policy.penaltyPerDay * Double(r.lateDays)) * 100).rounded())) %"))
            case .zero:
                r.flags.append(GradeFlag(category: "late", code: "late", action: .zero,
                                         reason: "\(r.lateDays) day(s) late by the \(r.timeSource); the late policy gives 0 after the deadline"))
            }
        }
        r.score = (policy.penalised(afterHints, lateDays: r.lateDays) * 100).rounded() / 100
        r.artefacts = Self.artefacts(exercise: exercise, answers: answers, actions: counted.map(\.action))
    }

    /// Evidence a hand-edited log leaves: recorded times running backwards, hint layers missing below one taken,
    /// hints the manifest listed that the log no longer has.
    func timeAndHintEvidence(_ log: ActionLog, _ manifest: Submission.Manifest?, _ r: inout GradedSubmission) {
        var last: Date?
        for a in log.actions {
            guard let at = a.at.flatMap(WallClock.parse) else { continue }
            if let last, at < last.addingTimeInterval(-1) {
                flag(&r, "integrity", "clock", "recorded times run backwards at line \(a.sequence + 1) (\(a.at!))")
                break
            }
            last = at
        }
        var levels: [Int: Set<Int>] = [:]
        for a in log.actions { if case .hint(let task, let level) = a.action { levels[task, default: []].insert(level) } }
        for (task, seen) in levels.sorted(by: { $0.key < $1.key }) where seen != Set(1...(seen.max() ?? 1)) {
            flag(&r, "integrity", "hints", "task \(task): hint layer \(seen.max()!) was taken but an earlier layer is missing from the log")
        }
        if let manifest {
            let logged = Set(log.actions.filter { $0.action.kind == "hint" }.map(\.sequence))
            let listed = manifest.actions.filter { $0.kind == "hint" }.map(\.seq)
            if listed.contains(where: { !logged.contains($0) }) || manifest.actions.count > log.actions.count {
                flag(&r, "integrity", "hints", "the manifest lists \(listed.count) hint(s) and \(manifest.actions.count) actions; the log has fewer (hints vanished)")
            }
        }
    }

    static func headerDifference(_ want: WorldHeader, _ got: WorldHeader) -> String {
        var out: [String] = []
        if want.seed != got.seed { out.append("seed") }
        if want.customers != got.customers { out.append("customers \(got.customers) for \(want.customers)") }
        if want.scenario != got.scenario { out.append("scenario") }
        if want.mode != got.mode { out.append("mode") }
        if want.startDate != got.startDate { out.append("start date") }
        if want.startingCash != got.startingCash { out.append("starting cash") }
        if want.exercise != got.exercise { out.append("variant or stamp") }
        if want.events != got.events { out.append("events") }
        return out.isEmpty ? "format" : out.joined(separator: ", ")
    }

    /// The SQLite projection of the replayed world, written under the scratch folder for SQL checks.
    func writeProjection(_ world: World, log: ActionLog, name: String) throws -> String {
        let path = scratch + "/" + name + ".sqlite"
        try? FileManager.default.removeItem(atPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            _ = try ProjectionWriter.write(world, meta: .init(header: log.header, logHead: log.headHash, actions: log.actions.count), into: db)
        }
        try queue.close()
        return path
    }

    static func artefacts(exercise: ExerciseDefinition, answers: [String: AnswerValue], actions: [Action]) -> [GradedSubmission.Artefact] {
        var out: [GradedSubmission.Artefact] = []
        for (key, value) in answers.sorted(by: { $0.key < $1.key }) where value.type == .sql || value.type == .memo {
            out.append(.init(kind: value.type == .sql ? ArtefactKind.sql.rawValue : ArtefactKind.memo.rawValue, key: key, text: value.text))
        }
        let steps = actions.filter { if case .answer = $0 { false } else if case .hint = $0 { false } else { true } }.map(\.summary)
        if !steps.isEmpty { out.append(.init(kind: ArtefactKind.actions.rawValue, key: "actions", text: steps.joined(separator: "\n"))) }
        return out
    }
}

/// Short readable reasons for JSON decoding errors (the manifest), like the log's own.
enum ActionLogErrorText {
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "the field '\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "the field '\(c.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        default: "it is not valid JSON"
        }
    }
}
