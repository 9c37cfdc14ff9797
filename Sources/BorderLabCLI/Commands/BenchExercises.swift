import ArgumentParser
import BorderLabExercises
import Foundation

extension BorderLab.Bench {
    /// `borderlab bench exercises`: the student loop's speed, whole commands (logic in ``LoopCommandBenchmark``).
    struct ExercisesBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exercises",
            abstract: "Time `check`, `status` and `submit` as a student runs them, on every shipped exercise solved by its reference solution.",
            discussion: """
            Each command is a whole process of this binary, start included, on a finished workspace of each exercise.
            Targets: check ≤ 300 ms at the median and ≤ 500 ms at p95 over all exercises, status ≤ 50 ms, submit ≤ 200 ms.
            Build with -c release for real figures.
            """)

        @Flag(help: "Print one JSON object instead of text.")
        var json = false
        @Option(help: "Timed runs of each command per exercise.")
        var runs = 5
        @Option(name: .customLong("exercise"), help: "COURSE/EXERCISE to measure (repeatable; default: every exercise).")
        var exercises: [String] = []
        @Option(help: "A folder with courses/ and exercises/ searched first.")
        var content: String?

        func validate() throws {
            guard (1...50).contains(runs) else { throw ValidationError("--runs 1–50.") }
        }

        func run() throws {
            #if DEBUG
            Terminal.note("this is a debug build; benchmark figures need `swift run -c release borderlab bench exercises`.")
            #endif
            var config = LoopCommandBenchmark.Configuration(executable: Self.executablePath())
            config.runs = runs; config.exercises = exercises; config.content = content
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-bench-exercises-\(getpid())").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let result = try LoopCommandBenchmark.run(config, library: ExerciseOptions.library(content), folder: folder) { line in
                FileHandle.standardError.write(Data("bench: \(line)\n".utf8))
            }
            if json { print(Terminal.json(result)); return }
            func ms(_ v: Double) -> String { Terminal.decimal(v, places: 1) + " ms" }
            func verdict(_ ok: Bool) -> String { ok ? "within target" : "OVER TARGET" }
            print("exercises   \(result.exercises), \(result.runsPerCommand) runs of each command")
            print("check       median \(ms(result.check.median)), p95 \(ms(result.check.p95))   (target ≤ 300 / ≤ 500 ms: \(verdict(result.checkWithinTarget)))")
            print("status      median \(ms(result.status.median)), p95 \(ms(result.status.p95))   (target ≤ 50 ms: \(verdict(result.statusWithinTarget)))")
            print("start       median \(ms(result.processStart.median)), p95 \(ms(result.processStart.p95))   (`borderlab --version`: the process start each figure includes)")
            print("submit      median \(ms(result.submit.median)), p95 \(ms(result.submit.p95))   (target ≤ 200 ms: \(verdict(result.submitWithinTarget)))")
        }

        /// This very binary, so the child processes are the build being measured.
        static func executablePath() -> String {
            if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
            return Bundle.main.executablePath ?? CommandLine.arguments[0]
        }
    }
}
