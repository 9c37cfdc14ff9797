import BorderLabCore
import BorderLabExercises
import Foundation
import Testing
@testable import BorderLabGrading

/// What one submission's grade depends on beyond its log: the time limit, the late policy, where its submission time
/// came from and the language its feedback is written in. Classes come from `class simulate` on first-bonded-shipment
/// (10 points; the reference solution earns all 10).
@Suite(.serialized) struct SubmissionGraderTests {
    static let exercise = GradingPipelineTests.exercise

    static func simulate(_ name: String, students: Int, seed: UInt64) throws -> (String, ClassSimulator.Output) {
        let dir = GradingPipelineTests.folder(name)
        return (dir, try ClassSimulator.run(library: GradingPipelineTests.library, exercise: exercise, students: students, seed: seed, out: dir))
    }

    @Test func aSubmissionPastTheTimeLimitIsRejectedWithTheReasonAndTheBatchGoesOn() throws {
        let (dir, sim) = try Self.simulate("time", students: 6, seed: 2)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var o = GradingPipelineTests.options([dir + "/moodle.zip"], out: dir + "/graded")
        o.roster = try Roster.read(path: dir + "/roster.csv")
        // A limit no replay can meet: every submission that reaches the grader runs out of time at its first step.
        o.policy.timeLimitSeconds = 0.000_001
        let summary = try GradingRun(options: o).run()
        let reachable = sim.students.filter { $0.bot != .corrupt }
        #expect(summary.results.count == sim.students.count)
        for s in reachable {
            let r = try #require(summary.results.first { $0.student == s.id })
            guard s.bot != .tampered else {
                // Its log is refused while it is read, before the first check of the time.
                #expect(r.status == .rejected && r.reason.contains("does not verify"))
                continue
            }
            // Stopped at the first check, right after the log was read: nothing was replayed.
            #expect(r.status == .rejected && r.reason.hasPrefix("grading took longer than the time limit of "), "\(r.reason)")
            #expect(r.reason.contains(" s (reading the log)") && r.reason.contains("Raise time_limit_seconds"), "\(r.reason)")
        }
        let grades = try String(contentsOfFile: dir + "/graded/grades.csv", encoding: .utf8)
        #expect(grades.split(separator: "\r\n").count == sim.students.count + 1)
        // The verdict "out of time" is not reused: with the default limit the same history grades them all.
        o.policy.timeLimitSeconds = GradingPolicy.defaultTimeLimitSeconds
        let again = try GradingRun(options: o).run()
        #expect(again.reused == 0)
        for s in reachable where s.bot == .strong { #expect(again.results.first { $0.student == s.id }?.score == 10) }
    }

    /// A step that never returns (here: work blocked until the test lets it go) cannot hold up the batch: the run
    /// stops waiting a little after the limit, rejects the submission and tells the abandoned grader to stop.
    @Test func theRunStopsWaitingForAGraderThatNeverReturns() throws {
        var policy = GradingPolicy()
        policy.timeLimitSeconds = 0.2
        let grader = SubmissionGrader(library: GradingPipelineTests.library, forced: nil, policy: policy, roster: nil, lmsTimes: [:], scratch: "/nonexistent")
        let candidate = Candidate(source: "stuck.zip", files: [:], identity: LMSIdentity(system: .canvas, id: "5001", name: "x"), entryTime: nil, sha256: "00")
        let release = DispatchSemaphore(value: 0)
        let sawAbandon = DispatchSemaphore(value: 0)
        let started = Date()
        let r = grader.gradeWithinTimeLimit(candidate) { deadline in
            release.wait()
            if deadline.expired { sawAbandon.signal() }
            return GradedSubmission(source: "stuck.zip", sha256: "00", student: "", workspaceStudent: "", exercise: "", status: .graded, score: 10, maxScore: 10)
        }
        let waited = Date().timeIntervalSince(started)
        #expect(r.status == .rejected && r.score == nil && r.student == "canvas-5001")
        #expect(r.reason.hasPrefix("grading took longer than the time limit of 0.2 s (a step that did not return)"), "\(r.reason)")
        #expect(waited >= 0.2 && waited < 5, "waited \(waited) s")
        release.signal()
        #expect(sawAbandon.wait(timeout: .now() + 5) == .success)
    }

    @Test func theDeadlineStopsTheGraderBetweenStepsAndWhenTheRunStopsWaiting() {
        let deadline = GradingDeadline(seconds: 3_600)
        #expect(!deadline.expired)
        deadline.abandon()
        #expect(deadline.expired)
        #expect(GradingDeadline(seconds: 0).expired)
        #expect(deadline.reason(during: "replaying line 7 of 9").contains("3600 s (replaying line 7 of 9)"))
    }

    @Test func theZeroLatePolicyGivesNothingPastTheDeadlineAndGrace() throws {
        let (dir, sim) = try Self.simulate("zero", students: 10, seed: 1)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var o = GradingPipelineTests.options([dir + "/moodle.zip"], out: dir + "/graded")
        o.roster = try Roster.read(path: dir + "/roster.csv")
        o.policy = try GradingPolicy.parse(try String(contentsOfFile: dir + "/policy.yaml", encoding: .utf8) + "late_policy: zero\n", file: "policy.yaml")
        let summary = try GradingRun(options: o).run()
        let late = try #require(sim.students.first { $0.bot == .late })
        let r = try #require(summary.results.first { $0.student == late.id })
        #expect(r.status == .graded && r.lateDays >= 1 && r.score == 0 && r.checkScore == 10)
        #expect(r.flags.contains { $0.category == "late" && $0.action == .zero && $0.reason.contains("the late policy gives 0") })
        for s in sim.students where s.bot == .strong { #expect(summary.results.first { $0.student == s.id }?.score == 10) }
    }

    @Test(arguments: ["json", "csv"])
    func canvasExportTimesDecideLatenessAndAreRecordedAsTheSource(format: String) throws {
        let (dir, sim) = try Self.simulate("canvas-times-\(format)", students: 10, seed: 1)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let strong = try #require(sim.students.first { $0.bot == .strong })
        // Canvas named the late bot's file `_late`, but the export says it came in before the deadline.
        let late = try #require(sim.students.first { $0.bot == .late })
        // 3 Dec 23:00 is 47 h after the 1 Dec 23:59 deadline, 46 h 50 min after grace: 2 started days → 10 × 0.8.
        let export = dir + "/submissions.\(format)"
        let text = format == "json"
            ? "[{\"id\": 1, \"user_id\": \(strong.canvasID), \"submitted_at\": \"2026-12-03T23:00:00Z\", \"late\": true}, {\"user_id\": 99, \"submitted_at\": null}, {\"user_id\": \"\(late.canvasID)\", \"submitted_at\": \"2026-12-01T20:00:00-02:00\"}]"
            : "Student,ID,submitted_at\nx,\(strong.canvasID),2026-12-03T23:00:00.000Z\ny,\(late.canvasID),2026-12-01T20:00:00-02:00\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: export))
        var o = GradingPipelineTests.options([dir + "/canvas.zip", export], out: dir + "/graded")
        o.roster = try Roster.read(path: dir + "/roster.csv")
        o.policy = try GradingPolicy.load(path: dir + "/policy.yaml")
        let summary = try GradingRun(options: o).run()
        let r = try #require(summary.results.first { $0.student == strong.id })
        #expect(r.timeSource == "canvas export" && r.lateDays == 2 && r.score == 8, "\(r.timeSource) \(r.lateDays)")
        #expect(r.submittedAt == "2026-12-03T23:00:00Z")
        // 20:00 at UTC−2 is 22:00 UTC, before 23:59: on time, and the `_late` mark is no longer a note.
        let l = try #require(summary.results.first { $0.student == late.id })
        #expect(l.timeSource == "canvas export" && l.lateDays == 0 && l.score == 10 && l.flags.isEmpty, "\(l.flags)")
        // The others keep the zip entries' times, noted as weaker evidence.
        for s in sim.students where s.bot == .strong && s.id != strong.id {
            #expect(summary.results.first { $0.student == s.id }?.timeSource == "zip entry (weaker evidence)")
        }
    }

    @Test func aFileNamedOnTheCommandLineThatGivesNoTimesIsRejected() throws {
        let dir = GradingPipelineTests.folder("not-times")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: dir + "/notes.csv"))
        try Data("{\"user_id\": 1}".utf8).write(to: URL(fileURLWithPath: dir + "/one.json"))
        let intake = SubmissionIntake.collect([dir + "/notes.csv", dir + "/one.json"])
        #expect(intake.rejections.count == 2 && intake.rejections.allSatisfy { $0.reason.contains("Canvas submissions export") })
        // Inside a class folder such files are skipped (a roster beside the bundles is not an error).
        #expect(SubmissionIntake.collect([dir]).rejections.isEmpty)
    }

    @Test func feedbackIsInEachStudentsLanguageFromTheRosterTheWorkspaceOrTheCourse() throws {
        let (dir, sim) = try Self.simulate("language", students: 10, seed: 1)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var o = GradingPipelineTests.options([dir + "/moodle.zip"], out: dir + "/graded")
        o.roster = try Roster.read(path: dir + "/roster.csv")
        let summary = try GradingRun(options: o).run()
        let graded = sim.students.filter { s in summary.results.contains { $0.student == s.id && $0.status == .graded } }
        let zh = try #require(graded.first { $0.language == "zh-CN" })
        let en = try #require(graded.first { $0.language == "en" })
        let zhText = try String(contentsOfFile: dir + "/graded/feedback/\(zh.id).md", encoding: .utf8)
        let enText = try String(contentsOfFile: dir + "/graded/feedback/\(en.id).md", encoding: .utf8)
        #expect(zhText.hasPrefix("# 评分反馈") && enText.hasPrefix("# Feedback"))
        #expect(summary.results.first { $0.student == zh.id }?.language == "zh-CN")

        // Without a roster: a bundle made in a Chinese workspace says so in its manifest; others get the course's.
        let (course, exercise) = try GradingPipelineTests.library.resolve(Self.exercise)
        let made = try ExerciseWorkspace.create(at: dir + "/ws-zh", course: course, exercise: exercise, student: "z1", language: .zh)
        let (path, manifest) = try Submission.write(made, to: dir + "/in", report: try made.check(includeHidden: false, language: .zh))
        #expect(manifest.language == "zh-CN")
        let plain = try ExerciseWorkspace.create(at: dir + "/ws-en", course: course, exercise: exercise, student: "e1", language: .en)
        _ = try Submission.write(plain, to: dir + "/in", report: try plain.check(includeHidden: false, language: .en))
        var bare = GradingPipelineTests.options([dir + "/in"], out: dir + "/bare")
        bare.policy.language = "zh-CN"
        let second = try GradingRun(options: bare).run()
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(second.results.first { $0.student == "z1" }?.language == "zh-CN")
        #expect(second.results.first { $0.student == "e1" }?.language == "en")
        // A workspace folder handed in as is: its READMEs say the language; check feedback follows it.
        let folder = GradingPipelineTests.options([dir + "/ws-zh"], out: dir + "/folder")
        let third = try GradingRun(options: folder).run()
        let r = try #require(third.results.first)
        #expect(r.language == "zh-CN" && r.checks.contains { !$0.passed && $0.feedback.unicodeScalars.contains { $0.value >= 0x4E00 } })
    }
}
