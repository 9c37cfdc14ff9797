import Foundation
import Testing
@testable import BorderLabExercises

/// `borderlab exercises test` on the shipped content, in CI: every exercise × 5 students validates, renders both
/// READMEs, fails untouched, earns full marks with the reference solution (hidden checks included), twice identically.
@Suite struct SelfTestTests {
    @Test func shippedExercisesPassTheSelfTest() {
        let outcomes = SelfTest.run(Fixture.library)
        #expect(outcomes.count == Fixture.library.qualifiedIDs.count * SelfTest.students.count)
        for outcome in outcomes where !outcome.passed {
            Issue.record("\(outcome.exercise) \(outcome.student): \(outcome.problems.joined(separator: "; "))")
        }
    }
}
