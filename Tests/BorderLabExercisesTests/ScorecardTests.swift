import BorderLabCore
import BorderLabStore
import Foundation
import Testing
@testable import BorderLabExercises

/// The scorecard rule: metrics scored between floor and target, weighted, with partial credit.
@Suite struct ScorecardTests {
    static let course = """
    id: c1
    title: {en: C, zh-CN: C}
    variant_salt: s1
    competencies: [operations]
    modules:
      - id: m1
        title: {en: M, zh-CN: M}
        exercises: [card]
    """

    static let exercise = """
    id: card
    title: {en: Card, zh-CN: 卡}
    kind: operate
    paper_section: innovation.teaching
    competencies: [operations]
    minutes: 5
    world: {scenario: cn-import, customers: 20}
    variant:
      days: {range: [10, 10]}
    tasks:
      - number: 1
        title: {en: "Run {{days}} days", zh-CN: "运营 {{days}} 天"}
    checks:
      - id: card
        task: 1
        points: 4
        competency: operations
        partial: true
        scorecard:
          pass_at: 0.75
          items:
            - {key: day, weight: 3, target: "{{days}}", floor: 0}
            - {key: listings_active, weight: 1, target: 1, floor: 0}
    solution:
      actions:
        - {kind: advance, days: 10}
    """

    @Test func weightsAndPartialCredit() throws {
        let root = try Fixture.content(course: Self.course, exercises: ["card": Self.exercise])
        let library = ContentLibrary.load(roots: [root])
        #expect(library.problems.isEmpty, "\(library.problems)")
        let (course, exercise) = try library.resolve("c1/card")
        var s = try ExerciseWorkspace.create(at: try Fixture.folder() + "/ws", course: course, exercise: exercise, student: "s", language: .en)
        var result = try #require(try s.check(includeHidden: true, language: .en).checks.first)
        #expect(result.status == .failed && result.points == 0)
        try s.workspace.perform(.advance(days: 5))
        s = try ExerciseWorkspace.open(s.workspace, library: library)
        result = try #require(try s.check(includeHidden: true, language: .en).checks.first)
        #expect(result.status == .failed)
        #expect(result.points == 1.5) // (3 × 0.5 + 1 × 0) / 4 of 4 points
        #expect(result.feedback.contains("listings_active"))
        try s.workspace.perform(.advance(days: 5))
        s = try ExerciseWorkspace.open(s.workspace, library: library)
        result = try #require(try s.check(includeHidden: true, language: .en).checks.first)
        #expect(result.status == .passed && result.points == 4) // 0.75 reaches pass_at
    }
}
