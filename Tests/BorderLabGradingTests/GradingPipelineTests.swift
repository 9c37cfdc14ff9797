import BorderLabCore
import BorderLabExercises
import BorderLabStore
import Foundation
import Testing
import ZIPFoundation
@testable import BorderLabGrading

/// `class simulate` → `grade` → the files, on the repository's first-bonded-shipment exercise (10 points: bought 2,
/// break-even 3, listed 1, sold 3, solvent 1 hidden). The reference solution earns all 10; an empty workspace earns
/// only the hidden `solvent` point (it never spends, so its cash never goes negative).
@Suite(.serialized) struct GradingPipelineTests {
    static let library = ContentLibrary.load(roots: ContentLibrary.searchRoots(explicit: nil))
    static let exercise = "cbec-101/first-bonded-shipment"

    static func folder(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grading-\(name)-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func options(_ inputs: [String], out: String) -> GradingRun.Options {
        GradingRun.Options(inputs: inputs, out: out, contentRoots: library.roots)
    }

    @Test func aSimulatedClassGradesEndToEndFromTheMoodleDownload() throws {
        let dir = Self.folder("class")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sim = try ClassSimulator.run(library: Self.library, exercise: Self.exercise, students: 10, seed: 1, out: dir)
        #expect(Set(sim.students.map(\.bot)) == Set(ClassSimulator.Bot.allCases))
        var o = Self.options([dir + "/moodle.zip"], out: dir + "/graded")
        o.policy = try GradingPolicy.load(path: dir + "/policy.yaml")
        o.roster = try Roster.read(path: dir + "/roster.csv")
        let summary = try GradingRun(options: o).run()
        #expect(summary.results.count == 10)
        for s in sim.students {
            let r = try #require(summary.results.first { $0.student == s.id }, "no result for \(s.id)")
            switch s.bot {
            case .strong:
                #expect(r.status == .graded && r.score == 10 && r.maxScore == 10 && r.flags.isEmpty, "\(r)")
                #expect(r.timeSource == "zip entry (weaker evidence)" && r.lateDays == 0)
            case .late:
                // Handed in a day or more after the deadline: 10 × (1 − 0.1 × days).
                #expect(r.status == .graded && r.lateDays >= 1 && r.flagCategories == ["late"])
                #expect(abs((r.score ?? 0) - 10 * (1 - 0.1 * Double(r.lateDays))) < 0.01)
            case .empty:
                #expect(r.status == .graded && r.score == 1)
            case .partial:
                #expect(r.status == .graded && (r.score ?? 0) > 1 && (r.score ?? 10) < 10)
            case .copied:
                #expect(r.status == .graded && r.score == 0 && r.flagCategories.contains("variant"), "\(r)")
                #expect(r.workspaceStudent == s.copiedFrom)
            case .disguised:
                // Another student's actions typed into this student's own workspace: the log verifies, the flag says so.
                #expect(r.status == .graded && r.workspaceStudent == s.id, "\(r)")
                #expect(r.flags.contains { $0.code == "actions" && $0.reason.contains("the same actions as ") }, "\(r.flags)")
            case .tampered:
                #expect(r.status == .rejected && r.reason.contains("does not verify") && r.flagCategories == ["integrity"], "\(r.reason)")
            case .corrupt:
                #expect(r.status == .rejected && !r.reason.isEmpty)
            }
        }
        let out = dir + "/graded"
        for file in ["grades.csv", "canvas.csv", "moodle.csv", "roster-sheet.csv", "report.html", "grading.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file) missing")
        }
        let grades = try String(contentsOfFile: out + "/grades.csv", encoding: .utf8)
        #expect(grades.split(separator: "\r\n").count == 11)
        let moodle = try String(contentsOfFile: out + "/moodle.csv", encoding: .utf8)
        let strong = try #require(sim.students.first { $0.bot == .strong })
        #expect(moodle.contains("Participant \(strong.moodleParticipant),"))
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
        #expect(FileManager.default.fileExists(atPath: out + "/feedback/\(strong.id).md"))
        #expect(FileManager.default.fileExists(atPath: out + "/results/\(strong.id).json"))
        #expect(!FileManager.default.fileExists(atPath: out + "/.scratch"))

        // A rerun with nothing changed replays nothing and changes no grade; --force regrades to the same scores.
        let again = try GradingRun(options: o).run()
        #expect(again.reused == 10 - 1)  // the corrupt archive never reaches the grader
        #expect(again.changes.isEmpty)
        #expect(again.records.map(\.score) == summary.records.map(\.score))
        o.force = true
        let forced = try GradingRun(options: o).run()
        #expect(forced.reused == 0 && forced.changes.isEmpty)
    }

    @Test func theSameStudentsFromCanvasAndTheBundlesFolderGradeAlike() throws {
        let dir = Self.folder("canvas")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sim = try ClassSimulator.run(library: Self.library, exercise: Self.exercise, students: 4, seed: 3, out: dir)
        var o = Self.options([dir + "/canvas.zip"], out: dir + "/graded")
        o.roster = try Roster.read(path: dir + "/roster.csv")
        let canvas = try GradingRun(options: o).run()
        for s in sim.students where s.bot == .strong {
            #expect(canvas.results.first { $0.student == s.id }?.score == 10)
        }
        let csv = try String(contentsOfFile: dir + "/graded/canvas.csv", encoding: .utf8)
        #expect(csv.hasPrefix("Student,ID,SIS User ID,SIS Login ID,Section,"))
        // The bundles arriving twice (a second folder of the same files): each file graded once, the second arrival
        // superseded (never a copy of oneself); corrupt archives are rejected at intake both times.
        try FileManager.default.copyItem(atPath: dir + "/bundles", toPath: dir + "/again")
        let twice = try GradingRun(options: Self.options([dir + "/bundles", dir + "/again"], out: dir + "/twice")).run()
        #expect(twice.superseded == sim.students.filter { $0.bot != .corrupt }.count)
        #expect(!twice.results.contains { $0.flagCategories.contains("copy") && $0.status == .superseded })
    }

    @Test func hostileAndBrokenSubmissionsAreRejectedWithReasonsAndTheBatchFinishes() throws {
        let dir = Self.folder("hostile")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        let input = dir + "/in"
        try fm.createDirectory(atPath: input, withIntermediateDirectories: true)
        func zip(_ name: String, _ files: [(String, Data)]) throws {
            try ZipWriter.make(files.map { ($0.0, $0.1, Date()) }).write(to: URL(fileURLWithPath: input + "/" + name))
        }
        let (course, exercise) = try Self.library.resolve(Self.exercise)
        var (header, _) = try ExerciseWorkspace.plan(course: course, exercise: exercise, student: "s1")
        header.customers = 1_000_000
        try zip("huge-world.zip", [("actions.jsonl", Data((ActionLog.headerLine(header) + "\n").utf8)), ("borderlab.yaml", Data())])
        try zip("escape.zip", [("../../etc/passwd", Data("x".utf8))])
        try zip("bad-manifest.zip", [("manifest.json", Data("{ not json".utf8)), ("actions.jsonl", Data("{}\n".utf8))])
        try zip("bad-log.zip", [("actions.jsonl", Data("{\"seed\": \n".utf8))])
        try zip("long-log.zip", [("actions.jsonl", Data(String(repeating: "{}\n", count: 6_000).utf8))])
        try Data("PK\u{3}\u{4} truncated".utf8).write(to: URL(fileURLWithPath: input + "/truncated.zip"))
        try fm.createSymbolicLink(atPath: input + "/link.zip", withDestinationPath: "/etc/passwd")
        let out = dir + "/graded"
        let summary = try GradingRun(options: Self.options([input], out: out)).run()
        #expect(summary.graded == 0)
        #expect(summary.rejected == 7)
        let reasons = Dictionary(summary.results.map { (($0.source as NSString).lastPathComponent, $0.reason) }) { a, _ in a }
        #expect(reasons["huge-world.zip"]?.contains("1000000 customers") == true)
        #expect(reasons["escape.zip"]?.contains("points outside the archive") == true)
        #expect(reasons["bad-manifest.zip"]?.contains("manifest.json") == true)
        #expect(reasons["bad-log.zip"]?.contains("does not verify") == true)
        #expect(reasons["long-log.zip"]?.contains("6000 lines") == true)
        #expect(reasons["truncated.zip"]?.contains("not a zip") == true)
        #expect(reasons["link.zip"]?.contains("symbolic link") == true)
        let grades = try String(contentsOfFile: out + "/grades.csv", encoding: .utf8)
        #expect(grades.split(separator: "\r\n").count == 8)
        // Nothing was written beside the inputs.
        #expect(try fm.contentsOfDirectory(atPath: input).count == 7)
    }

    @Test func aRegradeSaysWhatChangedReleasedGradesStayAndWorksheetTimesWin() throws {
        let dir = Self.folder("regrade")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sim = try ClassSimulator.run(library: Self.library, exercise: Self.exercise, students: 10, seed: 1, out: dir)
        let late = try #require(sim.students.first { $0.bot == .late })
        let strong = try #require(sim.students.first { $0.bot == .strong })
        var o = Self.options([dir + "/moodle.zip"], out: dir + "/graded")
        o.roster = try Roster.read(path: dir + "/roster.csv")
        // Run 1, released, without a deadline: the late student's 10 is published.
        o.release = true
        _ = try GradingRun(options: o).run()
        // Run 2 adds the deadline: the policy changed, so everything is regraded; the late student drops, the change
        // is printed with its reason, and the released 10 stays in the LMS files until a release.
        o.release = false
        o.policy = try GradingPolicy.load(path: dir + "/policy.yaml")
        let second = try GradingRun(options: o).run()
        #expect(second.reused == 0)
        let lateScore = try #require(second.results.first { $0.student == late.id }?.score)
        #expect(lateScore < 10)
        #expect(second.changes.contains { $0.hasPrefix("\(late.id): 10 → \(CSVText.number(lateScore)) (the definition, policy or engine changed") })
        #expect(second.changes.contains { $0.hasPrefix("\(late.id): released grade 10 kept") })
        #expect(second.records.first { $0.student.studentID == late.id && $0.status == .graded }?.score == 10)
        #expect(!second.changes.contains { $0.hasPrefix(strong.id + ":") })
        // Run 3 releases the new grade: nothing is replayed, and the LMS files now carry it.
        o.release = true
        let third = try GradingRun(options: o).run()
        #expect(third.reused == 9)
        #expect(third.records.first { $0.student.studentID == late.id && $0.status == .graded }?.score == lateScore)
        // The report compares the class's shares per competency with the earlier runs in the history.
        let html = try String(contentsOfFile: dir + "/graded/report.html", encoding: .utf8)
        #expect(html.contains("Trend against earlier runs") && html.contains("run 1 (") && html.contains("run 2 ("))
        // A Moodle worksheet given as input outranks the zip's entry times: 3 Dec 11 PM is 47 h after the deadline,
        // 46 h 50 min after the 10 minutes' grace → 2 started days → 10 × (1 − 0.2) = 8.
        let worksheet = dir + "/worksheet.csv"
        try Data((LMSExport.moodleHeader.joined(separator: ",") + "\nParticipant \(strong.moodleParticipant),x,x@example.edu,Submitted,,10,Yes,\"Thursday, 3 December 2026, 11:00 PM\",,\n").utf8)
            .write(to: URL(fileURLWithPath: worksheet))
        o.inputs = [dir + "/moodle.zip", worksheet]
        o.release = false
        let fourth = try GradingRun(options: o).run()
        let r = try #require(fourth.results.first { $0.student == strong.id })
        #expect(r.timeSource == "moodle worksheet" && r.lateDays == 2 && r.score == 8)
    }

    /// SQL answers are run against the projection the grader rebuilt from the log, through the query sandbox: a
    /// reference answer earns the points; one that loops over millions of rows, writes or attaches earns none and
    /// says why, and the batch goes on.
    @Test func hostileSQLAnswersFailTheirChecksWithinTheSandboxLimits() throws {
        let dir = Self.folder("sql")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (course, exercise) = try Self.library.resolve("cbec-101/sales-by-country")
        let good = try ExerciseWorkspace.solve(at: dir + "/good", course: course, exercise: exercise, student: "q1", language: .en)
        _ = try Submission.write(good, to: dir + "/in", report: try good.check(includeHidden: false, language: .en))
        for (student, loop, write) in [("q2", "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x, x, x FROM r", "DELETE FROM orders"),
                                       ("q3", "SELECT * FROM orders a, orders b", "ATTACH DATABASE '\(dir)/evil.db' AS evil")] {
            let made = try ExerciseWorkspace.solve(at: dir + "/" + student, course: course, exercise: exercise, student: student, language: .en)
            // Logged directly, as a hand-made log would: `borderlab answer` itself refuses queries that do not run.
            try made.workspace.perform(.answer(key: "by-country", value: AnswerValue(type: .sql, text: loop)))
            try made.workspace.perform(.answer(key: "units-in-country", value: AnswerValue(type: .sql, text: write)))
            let session = try ExerciseWorkspace.open(made.workspace, library: Self.library)
            _ = try Submission.write(session, to: dir + "/in", report: try session.check(includeHidden: false, language: .en))
        }
        let summary = try GradingRun(options: Self.options([dir + "/in"], out: dir + "/graded")).run()
        #expect(summary.results.first { $0.student == "q1" }?.score == 8)
        for student in ["q2", "q3"] {
            let r = try #require(summary.results.first { $0.student == student })
            #expect(r.status == .graded && r.score == 0, "\(r.checks)")
            #expect(r.checks.allSatisfy { !$0.passed && !$0.feedback.isEmpty })
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/evil.db"))
    }
}
