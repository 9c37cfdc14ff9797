import ArgumentParser
import BorderLabExercises
import BorderLabGrading
import Foundation

extension BorderLab.Bench {
    /// `borderlab bench grade`: the grader's throughput on a simulated class (logic in ``GradingBenchmark``).
    struct GradeBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grade",
            abstract: "Grade N simulated submissions end to end and run the similarity check over them; medians of several runs.",
            discussion: "Targets: ≥ 100 submissions/s with --jobs 2, similarity over 1,000 ≤ 1.5 s, peak ≤ 500 MB. Build with -c release.")

        @Flag(help: "Print one JSON object instead of text.")
        var json = false
        @Option(help: "COURSE/EXERCISE to simulate.")
        var exercise = "cbec-101/inspect-incoming-batch"
        @Option(help: "How many submissions.")
        var submissions = 1_000
        @Option(help: "Submissions graded at once.")
        var jobs = 2
        @Option(help: "Runs (the median is reported).")
        var runs = 3
        @Option(help: "A folder with courses/ and exercises/ searched first.")
        var content: String?

        func validate() throws {
            guard (1...20_000).contains(submissions), (1...64).contains(jobs), (1...20).contains(runs) else {
                throw ValidationError("--submissions 1–20000, --jobs 1–64, --runs 1–20.")
            }
        }

        func run() throws {
            #if DEBUG
            Terminal.note("this is a debug build; benchmark figures need `swift run -c release borderlab bench grade`.")
            #endif
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-bench-grade-\(getpid())").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let result = try GradingBenchmark.run(library: ExerciseOptions.library(content), exercise: exercise, submissions: submissions,
                                                  jobs: jobs, runs: runs, folder: folder) { line in
                FileHandle.standardError.write(Data("bench: \(line)\n".utf8))
            }
            if json { print(Terminal.json(result)); return }
            print("exercise      \(result.exercise) (\(result.customers) customers)")
            print("grading       \(Terminal.decimal(result.submissionsPerSecond)) submissions/s, \(Terminal.decimal(result.gradeSeconds, places: 2)) s for \(result.submissions) with --jobs \(result.jobs)   (target ≥ 100/s)")
            print("similarity    \(Terminal.decimal(result.similaritySeconds, places: 3)) s over the class, \(Terminal.decimal(result.plantedSimilaritySeconds, places: 3)) s over a planted corpus of \(result.submissions)   (target ≤ 1.5 s)")
            print("peak memory   \(Terminal.decimal(result.peakRSSMegabytes)) MB   (target ≤ 500 MB)")
        }
    }
}
