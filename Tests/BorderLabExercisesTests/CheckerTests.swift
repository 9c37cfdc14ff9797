import BorderLabCore
import BorderLabStore
import Foundation
import Testing
import ZIPFoundation
@testable import BorderLabExercises

@Suite struct CheckerTests {
    func make(_ id: String, student: String = "s1") throws -> ExerciseSession {
        let (course, exercise) = try Fixture.library.resolve(id)
        return try ExerciseWorkspace.create(at: try Fixture.folder() + "/ws", course: course, exercise: exercise, student: student, language: .en)
    }

    func reopen(_ s: ExerciseSession) throws -> ExerciseSession { try ExerciseWorkspace.open(s.workspace, library: Fixture.library) }

    @Test func untouchedFailsAndRightAnswersPass() throws {
        var s = try make("cbec-101/landed-cost-routes")
        let before = try s.check(includeHidden: false, language: .en)
        #expect(!before.allPassed)
        #expect(before.score == 0)
        // The README carries the student's own numbers.
        let readme = try String(contentsOfFile: s.workspace.root + "/README.md", encoding: .utf8)
        #expect(readme.contains(s.stamp.variant["sku"]!))
        for key in ["landed-1210", "landed-1210-air", "cheapest-mode"] {
            try ExerciseWorkspace.answer(s, key: key, text: try ExpectedAnswer.text(for: key, in: s))
            s = try reopen(s)
        }
        let after = try s.check(includeHidden: true, language: .en)
        #expect(after.allPassed, "\(after.checks)")
        #expect(after.score == after.maxScore)
    }

    /// vertical-or-comprehensive asks for three bonded buys of at least {{quantity}} units: after one, the feedback
    /// counts what is done (1 of 3) and the partial credit is 1/3 of the check's 2 points.
    @Test func actionsShortOfTheCountSayHowManyAreDone() throws {
        var s = try make("cbec-101/vertical-or-comprehensive")
        let quantity = Int(s.values["quantity"]!)!
        try s.workspace.perform(.buy(sku: s.values["sku1"]!, quantity: quantity, channel: .seaFreight, customs: .bonded, warehouse: nil))
        s = try reopen(s)
        let report = try s.check(includeHidden: false, language: .en)
        let bought = try #require(report.checks.first { $0.id == "bought-three" })
        #expect(bought.points == 0.67)   // 2 × 1/3, rounded to hundredths as reports show points
        #expect(report.tasks[0].feedback.contains { $0.contains("You have made 1 of the 3 `buy` actions") })
        let zh = try s.check(includeHidden: false, language: .zh)
        #expect(zh.tasks[0].feedback.contains { $0.contains("需要 3 次 `buy` 操作") && $0.contains("已执行 1 次") })
    }

    @Test func wrongAnswerSaysHowFarOffWithoutTheValue() throws {
        var s = try make("cbec-101/landed-cost-routes")
        let right = try Money(parsing: try ExpectedAnswer.text(for: "landed-1210", in: s))
        let wrong = Money(minor: right.minor * 2, right.currency)
        try ExerciseWorkspace.answer(s, key: "landed-1210", text: wrong.description)
        s = try reopen(s)
        let result = try #require(try s.check(includeHidden: false, language: .en).checks.first { $0.id == "landed-1210" })
        #expect(result.status == .failed)
        #expect(result.feedback.contains("too high"))
        #expect(!result.feedback.contains(right.description))
    }

    @Test func malformedAnswerIsAFormatErrorNotLogged() throws {
        let s = try make("cbec-101/landed-cost-routes")
        let lines = try String(contentsOfFile: s.workspace.logPath, encoding: .utf8)
        #expect(throws: ExerciseError.self) { try ExerciseWorkspace.answer(s, key: "landed-1210", text: "twelve") }
        #expect(throws: ExerciseError.self) { try ExerciseWorkspace.answer(s, key: "no-such-key", text: "1") }
        #expect(try String(contentsOfFile: s.workspace.logPath, encoding: .utf8) == lines)
    }

    @Test func setupIsMarkedAndEveryActionIsTimed() throws {
        let s = try make("cbec-101/sales-by-country")
        #expect(s.setupEndIndex == 6) // two buys, two listings, paid marketing, the advance
        #expect(s.studentActions.isEmpty)
        #expect(s.log.actions.allSatisfy { $0.at != nil })
        #expect(s.log.header.formatVersion == 2)
        #expect(s.log.header.exercise?.student == "s1")
    }

    @Test func sqlAnswersCompareResultsNotText() throws {
        var s = try make("cbec-101/sales-by-country")
        try ExerciseWorkspace.answer(s, key: "by-country", text: "SELECT SUM(goods_minor) AS g, COUNT(*) AS n, country FROM orders GROUP BY 3")
        s = try reopen(s)
        var r = try #require(try s.check(includeHidden: false, language: .en).checks.first { $0.id == "by-country" })
        #expect(r.status == .failed) // columns in another order are another result
        try ExerciseWorkspace.answer(s, key: "by-country", text: "SELECT country, COUNT(*), SUM(goods_minor) FROM orders GROUP BY country ORDER BY 1 DESC")
        s = try reopen(s)
        r = try #require(try s.check(includeHidden: false, language: .en).checks.first { $0.id == "by-country" })
        #expect(r.status == .passed)
        #expect(throws: (any Error).self) { try ExerciseWorkspace.answer(s, key: "by-country", text: "DELETE FROM orders") }
    }

    @Test func memoConceptsCountInChinese() throws {
        var s = try make("cbec-101/daigou-supplier-memo")
        let memo = String(repeating: "我们核验了供应商的资质证书，假货会带来召回和罚款，核验费用远低于信任的损失。", count: 3)
        try ExerciseWorkspace.answer(s, key: "memo", text: memo)
        s = try reopen(s)
        let r = try #require(try s.check(includeHidden: false, language: .zh).checks.first { $0.id == "memo" })
        #expect(r.status == .passed, "\(r.feedback)")
    }

    @Test func hintsAreLoggedAndSurviveReset() throws {
        var s = try make("cbec-101/aql-inspection-plan")
        let hint = try #require(try ExerciseWorkspace.hint(s, task: 1, language: .en))
        #expect(hint.level == 1)
        s = try reopen(s)
        try ExerciseWorkspace.answer(s, key: "sample-size", text: "13")
        s = try reopen(s)
        try ExerciseWorkspace.reset(s)
        s = try reopen(s)
        #expect(s.answers.isEmpty)
        #expect(s.hintsTaken[1] == 1)
        #expect(FileManager.default.fileExists(atPath: s.workspace.root + "/.borderlab/history/actions-1.jsonl"))
        #expect(try ExerciseWorkspace.hint(s, task: 1, language: .en)?.level == 2)
    }

    @Test func editedDefinitionIsNamed() throws {
        let s = try make("cbec-101/aql-inspection-plan")
        let (course, exercise) = try Fixture.library.resolve("cbec-101/aql-inspection-plan")
        let edited = ExerciseDefinition(id: exercise.id, title: exercise.title, kind: exercise.kind, paperSection: exercise.paperSection,
                                        competencies: exercise.competencies, minutes: exercise.minutes, timeLimitMinutes: nil,
                                        world: exercise.world, parameters: exercise.parameters, setup: exercise.setup, tasks: exercise.tasks,
                                        checks: exercise.checks, solution: exercise.solution, folder: exercise.folder, hash: "0")
        #expect(throws: ExerciseError.definitionChanged(exercise: "cbec-101/aql-inspection-plan")) {
            try ExerciseWorkspace.open(s.workspace, course: course, exercise: edited)
        }
    }

    @Test func anotherTermsSaltIsNamedAsAnotherVariant() throws {
        let s = try make("cbec-101/aql-inspection-plan")
        let (course, exercise) = try Fixture.library.resolve("cbec-101/aql-inspection-plan")
        let nextTerm = CourseDefinition(id: course.id, title: course.title, modules: course.modules, competencies: course.competencies,
                                        hintCost: course.hintCost, variantSalt: course.variantSalt + "-next", file: course.file)
        #expect(throws: ExerciseError.variantMismatch(exercise: "cbec-101/aql-inspection-plan")) {
            try ExerciseWorkspace.open(s.workspace, course: nextTerm, exercise: exercise)
        }
    }

    @Test func submissionHoldsLogHeaderAndManifestOnly() throws {
        let s = try make("cbec-101/aql-inspection-plan")
        let out = try Fixture.folder()
        let (path, manifest) = try Submission.write(s, to: out, report: try s.check(includeHidden: false, language: .en))
        #expect(path.hasSuffix("/cbec-101-aql-inspection-plan-s1.zip"))
        let files = try Submission.read(path)
        #expect(Set(files.keys) == ["manifest.json", "actions.jsonl", "borderlab.yaml"])
        #expect(manifest.files["actions.jsonl"] == Submission.sha256(files["actions.jsonl"]!))
        #expect(manifest.definitionHash == s.definition.hash)
        #expect(manifest.actions.first?.setup == true)
    }
}

/// Whatever a student types reaches the checker as a format error or a wrong answer, never a crash.
@Suite struct BadInputTests {
    @Test(arguments: ["nan", "inf", "-inf", "1e308", "", " ", "12.5%%", "１２", "9999999999999999999999", "0x10"])
    func oddNumbersAreFormatErrors(_ text: String) {
        #expect(AnswerFormat.normalize(text, as: .number) == nil || Double(text) != nil)
        #expect(AnswerFormat.normalize(text, as: .number).map { Double($0)!.isFinite } ?? true)
    }

    @Test func farOffNumbersStillGetFeedback() {
        let outcome = Checker.compare(1e300, 1e-300, Tolerance(absolute: 0.01, relative: 0), "k", .en)
        #expect(outcome.0 == .failed)
        #expect(outcome.2.contains("too high"))
    }

    @Test func oddAnswersInTheLogAreFormatErrors() throws {
        let (course, exercise) = try Fixture.library.resolve("cbec-101/aql-inspection-plan")
        let s = try ExerciseWorkspace.create(at: try Fixture.folder() + "/ws", course: course, exercise: exercise, student: "s1", language: .en)
        // Written straight to the log, as a hand-edited or older tool might: check must still answer sensibly.
        try s.workspace.perform(.answer(key: "sample-size", value: AnswerValue(type: .number, text: "nan")))
        try s.workspace.perform(.answer(key: "decision", value: AnswerValue(type: .money, text: "1 CNY")))
        let report = try ExerciseWorkspace.open(s.workspace, library: Fixture.library).check(includeHidden: true, language: .zh)
        #expect(report.checks.first { $0.id == "sample-size" }?.status == .badFormat)
        #expect(report.checks.first { $0.id == "decision" }?.status == .badFormat)
    }
}

/// A drill's clock: actions after the time limit stay in the log but do not count.
@Suite struct DrillTimingTests {
    @Test func actionsAfterTheLimitAreOvertime() throws {
        let (course, exercise) = try Fixture.library.resolve("onboarding/singles-day-rush")
        let s = try ExerciseWorkspace.create(at: try Fixture.folder() + "/ws", course: course, exercise: exercise, student: "s1", language: .en)
        let answer = try ExpectedAnswer.text(for: "break-even", in: s)
        // Append a correct answer stamped 25 minutes after the start, chained like any other line.
        let start = try #require(s.startedAt)
        let late = WallClock.format(start.addingTimeInterval(25 * 60))
        let line = ActionLog.line(for: .answer(key: "break-even", value: AnswerValue(type: .money, text: answer)),
                                  sequence: s.log.actions.count + 1, day: s.world.day, previousHash: s.log.headHash, at: late)
        let handle = try #require(FileHandle(forWritingAtPath: s.workspace.logPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        try handle.close()
        let reopened = try ExerciseWorkspace.open(s.workspace, library: Fixture.library)
        #expect(reopened.log.actions.last.map(reopened.isOvertime) == true)
        #expect(reopened.answers["break-even"] == nil)
        let result = try reopened.check(includeHidden: false, language: .en).checks.first { $0.id == "break-even" }
        #expect(result?.status == .unanswered)
    }
}
