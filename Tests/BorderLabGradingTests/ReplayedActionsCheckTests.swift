import BorderLabExercises
import Foundation
import Testing
@testable import BorderLabGrading

/// "Another student's actions applied to this variant", on first-bonded-shipment (variant: quantity, sku, price).
@Suite struct ReplayedActionsCheckTests {
    static let exercise = GradingPipelineTests.exercise

    static func values(_ student: String) throws -> [String: String] {
        let (course, exercise) = try GradingPipelineTests.library.resolve(Self.exercise)
        return try ExerciseWorkspace.plan(course: course, exercise: exercise, student: student).1.values
    }

    static func result(_ student: String, actions: String) -> GradedSubmission {
        var r = GradedSubmission(source: student + ".zip", sha256: student, student: student, workspaceStudent: student,
                                 exercise: exercise, status: .graded, score: 10, maxScore: 10)
        r.artefacts = [.init(kind: "actions", key: "actions", text: actions)]
        return r
    }

    static func solution(_ v: [String: String]) -> String {
        "buy \(v["sku"]!) \(v["quantity"]!) sea-freight 1210\nlist \(v["sku"]!) \(v["price"]!).00 CNY\nadvance 60"
    }

    /// Two students whose variants differ in every value.
    static func twoStudents() throws -> (String, [String: String], String, [String: String]) {
        let ids = (1...60).map { "t\($0)" }
        let all = try ids.map { ($0, try values($0)) }
        for (a, va) in all {
            for (b, vb) in all where a < b && ["sku", "quantity", "price"].allSatisfy({ va[$0] != vb[$0] }) { return (a, va, b, vb) }
        }
        throw CancellationError()
    }

    @Test func theCopierIsFlaggedWithTheOtherVariantsValuesAndTheSourceIsNot() throws {
        let (a, va, b, _) = try Self.twoStudents()
        var results = [Self.result(a, actions: Self.solution(va)), Self.result(b, actions: Self.solution(va))]
        ReplayedActionsCheck.flag(&results, library: GradingPipelineTests.library, policy: GradingPolicy())
        #expect(results[0].flags.isEmpty)
        let flag = try #require(results[1].flags.first)
        #expect(flag.code == "actions" && flag.category == "copy" && flag.action == .review)
        #expect(flag.reason.hasPrefix("the same actions as \(a), with their variant's ") && flag.reason.contains(va["sku"]!))
        #expect(results[1].score == 10)
        // Under a `zero` policy for the flag the copier's score goes.
        var strict = GradingPolicy()
        strict.flags["actions"] = .zero
        var again = [Self.result(a, actions: Self.solution(va)), Self.result(b, actions: Self.solution(va))]
        ReplayedActionsCheck.flag(&again, library: GradingPipelineTests.library, policy: strict)
        #expect(again[1].score == 0 && again[0].score == 10)
    }

    @Test func actionsWithoutEitherVariantsValuesOrEachWithTheirOwnAreNotFlagged() throws {
        let (a, va, b, vb) = try Self.twoStudents()
        // The same variant-free actions (both only advanced): nothing says whose they are.
        var same = [Self.result(a, actions: "advance 30\nadvance 30"), Self.result(b, actions: "advance 30\nadvance 30")]
        ReplayedActionsCheck.flag(&same, library: GradingPipelineTests.library, policy: GradingPolicy())
        #expect(same.allSatisfy { $0.flags.isEmpty })
        // Each solved their own variant: different texts.
        var own = [Self.result(a, actions: Self.solution(va)), Self.result(b, actions: Self.solution(vb))]
        ReplayedActionsCheck.flag(&own, library: GradingPipelineTests.library, policy: GradingPolicy())
        #expect(own.allSatisfy { $0.flags.isEmpty })
    }

    @Test func tokensSplitPricesAndKeepSKUs() {
        #expect(ReplayedActionsCheck.tokens("list JP-COS-01 140.00 CNY") == ["list", "JP-COS-01", "140", "00", "CNY"])
    }
}
