import BorderLabCore
import Foundation
import Testing
@testable import BorderLabExercises

@Suite struct DefinitionTests {
    static let course = """
    id: c1
    title: {en: C, zh-CN: C}
    variant_salt: s1
    competencies: [pricing]
    modules:
      - id: m1
        title: {en: M, zh-CN: M}
        exercises: [good, bad]
    """

    static let good = """
    id: good
    title: {en: Good, zh-CN: 好}
    kind: answer
    paper_section: innovation.supervision
    competencies: [pricing]
    minutes: 5
    world: {scenario: cn-import, customers: 50}
    variant:
      n: {range: [100, 900], step: 100}
    tasks:
      - number: 1
        title: {en: "Sample {{n}}", zh-CN: "抽样 {{n}}"}
    checks:
      - id: size
        task: 1
        points: 1
        competency: pricing
        answer: {key: size, type: number, compute: aql-sample-size, args: {lot: "{{n}}", aql: "2.5"}}
    solution:
      answers: {size: "=expected"}
    """

    @Test func shippedContentIsValid() {
        #expect(Fixture.library.problems.isEmpty, "\(Fixture.library.problems)")
        #expect(Fixture.library.qualifiedIDs.count >= 7)
        let kinds = Set(Fixture.library.exercises.values.map(\.kind))
        #expect(kinds.isSuperset(of: [.operate, .answer, .analyze, .memo, .drill]))
    }

    @Test func everyProblemIsListedWithFileLineAndField() throws {
        let bad = """
        id: bad
        title: {en: Bad, zh-CN: 坏}
        kind: quiz
        paper_section: chapter-9
        competencies: [juggling]
        minutes: 5
        world: {scenario: cn-import}
        tasks:
          - number: 1
            title: {en: "T", zh-CN: "T"}
        checks:
          - id: Big_Id
            task: 4
            points: 1
            competency: pricing
            answer: {key: x, type: money, compute: no-such-thing}
        solution:
          answers: {x: "1 CNY"}
        """
        let root = try Fixture.content(course: Self.course, exercises: ["good": Self.good, "bad": bad])
        let library = ContentLibrary.load(roots: [root])
        let fields = library.problems.map(\.field)
        #expect(fields.contains("kind"))
        #expect(fields.contains("paper_section"))
        #expect(fields.contains("checks[0].id"))
        #expect(fields.contains("checks[0].task"))
        #expect(fields.contains("checks[0].answer.compute"))
        #expect(library.problems.allSatisfy { $0.file.hasSuffix("bad/exercise.yaml") }, "\(library.problems)")
        let kindProblem = try #require(library.problems.first { $0.field == "kind" })
        #expect(kindProblem.line == 3)
        #expect(library.exercises["good"] != nil)
    }

    @Test func undeclaredCompetencyIsRefused() throws {
        let other = Self.good.replacingOccurrences(of: "competencies: [pricing]", with: "competencies: [pricing, juggling]")
        let root = try Fixture.content(course: Self.course.replacingOccurrences(of: "[good, bad]", with: "[good]"), exercises: ["good": other])
        let problems = ContentLibrary.load(roots: [root]).problems
        #expect(problems.contains { $0.problem.contains("'juggling' is not declared") })
    }

    @Test func unknownQualifiedIDListsTheKnownOnes() {
        #expect(throws: ExerciseError.unknownExercise("cbec-101/nope", known: Fixture.library.qualifiedIDs)) {
            try Fixture.library.resolve("cbec-101/nope")
        }
    }

    @Test func variantsAreStableAndDifferByStudentAndSalt() throws {
        let (_, exercise) = try Fixture.library.resolve("cbec-101/aql-inspection-plan")
        let a = Variant.draw(salt: "t1", exercise: exercise, student: "ada")
        #expect(a == Variant.draw(salt: "t1", exercise: exercise, student: "ada"))
        let others = ["bo", "chen", "dara", "eli", "fay"].map { Variant.draw(salt: "t1", exercise: exercise, student: $0) }
        #expect(others.contains { $0.values != a.values })
        #expect(Variant.draw(salt: "t2", exercise: exercise, student: "ada").seed != a.seed)
        // Drawn values lie on the declared grid.
        let lot = try #require(Int(a.values["lot"] ?? ""))
        #expect((150...3000).contains(lot) && lot % 10 == 0)
    }

    @Test func languageFollowsOptionThenLang() {
        #expect(Language.resolve(option: "zh-CN", environment: [:]) == .zh)
        #expect(Language.resolve(option: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.resolve(option: nil, environment: ["LANG": "C"]) == .en)
        #expect(Language.resolve(option: "fr", environment: [:]) == nil)
    }
}

/// A check's own feedback may name the student's parameters; they are filled in like the task titles.
@Suite struct FeedbackTemplateTests {
    @Test func feedbackUsesTheVariantsParameters() throws {
        let exercise = DefinitionTests.good.replacingOccurrences(of: """
            competency: pricing
            answer:
        """, with: """
            competency: pricing
            feedback: {en: "Look up the plan for a lot of {{n}}.", zh-CN: "查 {{n}} 件批量的抽样方案。"}
            answer:
        """)
        #expect(exercise.contains("feedback:"))
        let root = try Fixture.content(course: DefinitionTests.course.replacingOccurrences(of: "[good, bad]", with: "[good]"),
                                       exercises: ["good": exercise])
        let library = ContentLibrary.load(roots: [root])
        let (course, definition) = try library.resolve("c1/good")
        let session = try ExerciseWorkspace.create(at: try Fixture.folder() + "/ws", course: course, exercise: definition,
                                                   student: "s1", language: .en)
        let n = try #require(session.values["n"])
        let report = try session.check(includeHidden: false, language: .en)
        #expect(report.tasks[0].feedback.contains { $0.contains("Look up the plan for a lot of \(n).") })
        let zh = try session.check(includeHidden: false, language: .zh)
        #expect(zh.tasks[0].feedback.contains { $0.contains("查 \(n) 件批量") })
    }
}
