import Foundation
import Testing
@testable import BorderLabExercises

/// The harness behind `borderlab bench exercises`: its statistics and what it runs.
@Suite struct LoopCommandBenchmarkTests {
    /// Nearest rank: of 1…20, p50 is the 10th value (0.5 × 20 = 10) and p95 the 19th (0.95 × 20 = 19);
    /// of 1…5, p50 is the 3rd (2.5 rounded up) and p95 the 5th (4.75 rounded up).
    @Test func nearestRankPercentiles() {
        let twenty = (1...20).map(Double.init).shuffled()
        #expect(LoopCommandBenchmark.percentile(twenty, 0.5) == 10)
        #expect(LoopCommandBenchmark.percentile(twenty, 0.95) == 19)
        #expect(LoopCommandBenchmark.percentile([5, 1, 4, 2, 3], 0.5) == 3)
        #expect(LoopCommandBenchmark.percentile([5, 1, 4, 2, 3], 0.95) == 5)
        #expect(LoopCommandBenchmark.percentile([7], 0.95) == 7)
        #expect(LoopCommandBenchmark.percentile([], 0.5) == 0)
    }

    /// With a command that always succeeds, every exercise gets `runs` timings of each of the three commands.
    @Test func timesEachCommandRunsTimesPerExercise() throws {
        var config = LoopCommandBenchmark.Configuration(executable: "/bin/true")
        config.exercises = ["cbec-101/aql-inspection-plan", "onboarding/price-check-drill"]
        config.runs = 2
        let result = try LoopCommandBenchmark.run(config, library: Fixture.library, folder: try Fixture.folder())
        #expect(result.exercises == 2)
        #expect(result.check.runs == 4 && result.status.runs == 4 && result.submit.runs == 4)
        #expect(result.perExercise.map(\.exercise) == config.exercises)
        #expect(result.check.median > 0 && result.check.p95 >= result.check.median)
    }

    /// A command that fails names the command and the exercise instead of reporting a timing.
    @Test func aFailingCommandIsReportedWithItsExercise() throws {
        var config = LoopCommandBenchmark.Configuration(executable: "/bin/false")
        config.exercises = ["cbec-101/aql-inspection-plan"]
        config.runs = 1
        do {
            _ = try LoopCommandBenchmark.run(config, library: Fixture.library, folder: try Fixture.folder())
            Issue.record("a failing status command must stop the benchmark")
        } catch let failure as LoopCommandBenchmark.Failure {
            // `check` accepts exit 1 (a failing visible check), so `status` is the first command to fail.
            #expect(failure.description.contains("`borderlab status` on cbec-101/aql-inspection-plan exited 1"))
        }
    }
}
