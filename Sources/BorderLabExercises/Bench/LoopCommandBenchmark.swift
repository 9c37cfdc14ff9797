import Foundation

/// `borderlab bench exercises`: how long the student's loop commands take, measured as a student meets them — the
/// whole command, process start included — on a workspace of every shipped exercise solved by its reference solution.
///
/// The targets are the issue's: `check` on a finished exercise ≤ 300 ms at the median and ≤ 500 ms at p95 over all
/// exercises, `status` ≤ 50 ms, `submit` ≤ 200 ms. The workspaces are made in-process (not timed); only the three
/// commands are timed, each run in a child process of the same binary.
public enum LoopCommandBenchmark {
    public struct Configuration: Sendable {
        /// The `borderlab` executable to time (normally the running one).
        public var executable: String
        /// Qualified ids to measure; empty means every exercise of every course.
        public var exercises: [String] = []
        /// Timed runs of each command per exercise.
        public var runs = 5
        public var student = "bench-student"
        /// `--content` passed to the child processes, so they read the same definitions.
        public var content: String?

        public init(executable: String) { self.executable = executable }
    }

    /// Medians and 95th percentiles in milliseconds, over every timed run of every exercise.
    public struct Figures: Sendable, Codable, Equatable {
        public let median: Double
        public let p95: Double
        public let runs: Int
    }

    public struct ExerciseFigures: Sendable, Codable {
        public let exercise: String
        public let checkMedian: Double
        public let statusMedian: Double
        public let submitMedian: Double
        enum CodingKeys: String, CodingKey {
            case exercise, checkMedian = "check_ms_median", statusMedian = "status_ms_median", submitMedian = "submit_ms_median"
        }
    }

    public struct Result: Sendable, Codable {
        public let exercises: Int
        public let runsPerCommand: Int
        public let check: Figures
        public let status: Figures
        public let submit: Figures
        /// `borderlab --version`: the process start every command pays, for reading the others on a loaded machine.
        public let processStart: Figures
        public let perExercise: [ExerciseFigures]
        /// Whether each figure meets its target (check median and p95, status median, submit median).
        public let checkWithinTarget: Bool
        public let statusWithinTarget: Bool
        public let submitWithinTarget: Bool
        enum CodingKeys: String, CodingKey {
            case exercises, runsPerCommand = "runs_per_command", check = "check_ms", status = "status_ms", submit = "submit_ms", processStart = "process_start_ms"
            case perExercise = "per_exercise", checkWithinTarget = "check_within_target"
            case statusWithinTarget = "status_within_target", submitWithinTarget = "submit_within_target"
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case commandFailed(command: String, exercise: String, status: Int32, output: String)
        case noExercises

        public var description: String {
            switch self {
            case .commandFailed(let command, let exercise, let status, let output):
                "`borderlab \(command)` on \(exercise) exited \(status): \(output.prefix(400))"
            case .noExercises: "no exercises to measure: the content folder lists none"
            }
        }
    }

    public static let checkMedianTarget = 300.0, checkP95Target = 500.0, statusTarget = 50.0, submitTarget = 200.0

    /// Solves each exercise into `folder`, then times `check`, `status` and `submit` there.
    /// `progress` gets one line per exercise (for the terminal's standard error).
    public static func run(_ config: Configuration, library: ContentLibrary, folder: String,
                           progress: (String) -> Void = { _ in }) throws -> Result {
        let ids = config.exercises.isEmpty ? library.qualifiedIDs : config.exercises
        guard !ids.isEmpty else { throw Failure.noExercises }
        var checks: [Double] = [], statuses: [Double] = [], submits: [Double] = [], starts: [Double] = []
        var perExercise: [ExerciseFigures] = []
        for (index, id) in ids.enumerated() {
            let (course, exercise) = try library.resolve(id)
            let directory = (folder as NSString).appendingPathComponent("ws-\(index)")
            _ = try ExerciseWorkspace.solve(at: directory, course: course, exercise: exercise, student: config.student, language: .en)
            let content = config.content.map { ["--content", $0] } ?? []
            var c: [Double] = [], s: [Double] = [], u: [Double] = []
            for run in 0..<config.runs {
                // `check` exits 1 when a visible check fails; a solved exercise should pass, but the timing counts either way.
                c.append(try time(config.executable, ["check", "--workspace", directory] + content, id: id, accept: [0, 1]))
                s.append(try time(config.executable, ["status", "--workspace", directory], id: id, accept: [0]))
                starts.append(try time(config.executable, ["--version"], id: id, accept: [0]))
                let out = (folder as NSString).appendingPathComponent("out-\(index)-\(run)")
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                u.append(try time(config.executable, ["submit", "--workspace", directory, "--out", out] + content, id: id, accept: [0]))
            }
            checks += c; statuses += s; submits += u
            let figures = ExerciseFigures(exercise: id, checkMedian: percentile(c, 0.5), statusMedian: percentile(s, 0.5),
                                          submitMedian: percentile(u, 0.5))
            perExercise.append(figures)
            progress("\(id): check \(format(figures.checkMedian)) ms, status \(format(figures.statusMedian)) ms, submit \(format(figures.submitMedian)) ms (medians of \(config.runs))")
        }
        let check = Figures(median: percentile(checks, 0.5), p95: percentile(checks, 0.95), runs: checks.count)
        let status = Figures(median: percentile(statuses, 0.5), p95: percentile(statuses, 0.95), runs: statuses.count)
        let submit = Figures(median: percentile(submits, 0.5), p95: percentile(submits, 0.95), runs: submits.count)
        let start = Figures(median: percentile(starts, 0.5), p95: percentile(starts, 0.95), runs: starts.count)
        return Result(exercises: ids.count, runsPerCommand: config.runs, check: check, status: status, submit: submit, processStart: start,
                      perExercise: perExercise,
                      checkWithinTarget: check.median <= checkMedianTarget && check.p95 <= checkP95Target,
                      statusWithinTarget: status.median <= statusTarget, submitWithinTarget: submit.median <= submitTarget)
    }

    /// The nearest-rank percentile (`q` in 0…1) of `values`: the smallest value with at least `q` of them at or below
    /// it, so p95 of 20 runs is the 19th fastest. 0 for no values.
    public static func percentile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    static func format(_ ms: Double) -> String { String(format: "%.1f", ms) }

    /// Runs one command to its end and returns its wall-clock milliseconds; output is read and dropped.
    static func time(_ executable: String, _ arguments: [String], id: String, accept: Set<Int32>) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["LANG"] = "C"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        guard accept.contains(process.terminationStatus) else {
            throw Failure.commandFailed(command: arguments.first ?? "", exercise: id, status: process.terminationStatus,
                                        output: String(decoding: text, as: UTF8.self))
        }
        return elapsed
    }
}
