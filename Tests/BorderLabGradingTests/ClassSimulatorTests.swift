import BorderLabExercises
import Foundation
import Testing
@testable import BorderLabGrading

/// The simulated class's copiers, and whether the grader catches them.
@Suite(.serialized) struct ClassSimulatorTests {
    @Test func theGroundTruthPairsEachCopierWithItsSourceAndCopiersOfOneSourceWithEachOther() {
        let students = ClassSimulator.plan(students: 40, seed: 1)
        #expect(Set(students.map(\.bot)) == Set(ClassSimulator.Bot.allCases))
        let strong = Set(students.filter { $0.bot == .strong }.map(\.id))
        for s in students where s.bot == .copied || s.bot == .disguised { #expect(strong.contains(s.copiedFrom ?? "")) }
        let pairs = ClassSimulator.copiedPairs(students)
        var expected = 0
        for source in strong {
            let n = students.filter { $0.copiedFrom == source }.count + 1
            expected += n * (n - 1) / 2
        }
        #expect(pairs.count == expected && expected >= 8)
        // The same seed, the same class.
        #expect(ClassSimulator.plan(students: 40, seed: 1).map(\.bot) == students.map(\.bot))
    }

    /// A memo exercise: honest students write their own memos; a `disguised` bot types its source's actions into its
    /// own workspace and hands in the source's memo with sentences reordered and words swapped. The similarity check
    /// still pairs it with its source, and pairs no two students who worked alone.
    @Test func disguisedCopiesOfMemosAreCaughtWithoutFalsePairs() throws {
        let dir = GradingPipelineTests.folder("disguised")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sim = try ClassSimulator.run(library: GradingPipelineTests.library, exercise: "cbec-101/daigou-supplier-memo", students: 40, seed: 1, out: dir)
        var o = GradingPipelineTests.options([dir + "/moodle.zip"], out: dir + "/graded")
        o.roster = try Roster.read(path: dir + "/roster.csv")
        let summary = try GradingRun(options: o).run()
        let similarity = try #require(summary.similarity)
        let score = ClassSimulator.score(similarity, students: sim.students)
        #expect(score.precision == 1 && score.recall >= 0.8, "\(score)")
        for s in sim.students where s.bot == .disguised {
            let r = try #require(summary.results.first { $0.student == s.id })
            #expect(r.status == .graded && r.workspaceStudent == s.id)
            #expect(r.flags.contains { $0.code == "similar" && $0.reason.hasPrefix("similar to \(s.copiedFrom!) ") }, "\(s.id): \(r.flags)")
            // Its memo is not its source's text: edited, yet still a memo that earns points.
            let mine = r.artefacts.first { $0.kind == "memo" }?.text
            let source = summary.results.first { $0.student == s.copiedFrom }?.artefacts.first { $0.kind == "memo" }?.text
            #expect(mine != nil && mine != source)
        }
        for s in sim.students where s.bot == .strong && !sim.students.contains(where: { $0.copiedFrom == s.id }) {
            #expect(summary.results.first { $0.student == s.id }?.flags.isEmpty == true)
        }
    }
}
