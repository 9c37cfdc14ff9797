import BorderLabCore
import BorderLabExercises
import BorderLabStore
import Foundation

/// `borderlab bench grade`: grading a class of simulated submissions end to end (intake, replay, checks, outputs,
/// history), and the similarity check over the same class, each the median of several runs.
public enum GradingBenchmark {
    public struct Result: Sendable, Codable {
        public let exercise: String
        public let customers: Int
        public let submissions: Int
        public let jobs: Int
        public let runs: Int
        public let gradeSeconds: Double
        public let submissionsPerSecond: Double
        public let similaritySeconds: Double
        /// The similarity check over a planted corpus of the same size (SQL, memos and actions with planted copies):
        /// the simulated class's strong bots share the reference solution, which is excluded, so it is the harder case.
        public let plantedSimilaritySeconds: Double
        public let peakRSSMegabytes: Double
        enum CodingKeys: String, CodingKey {
            case exercise, customers, submissions, jobs, runs, gradeSeconds = "grade_s_median"
            case submissionsPerSecond = "submissions_per_s", similaritySeconds = "similarity_s_median"
            case plantedSimilaritySeconds = "planted_similarity_s_median", peakRSSMegabytes = "peak_rss_mb"
        }
    }

    public static func run(library: ContentLibrary, exercise qualified: String, submissions n: Int, jobs: Int, runs: Int,
                           folder: String, progress: @Sendable (String) -> Void) throws -> Result {
        let (course, exercise) = try library.resolve(qualified)
        let bundles = folder + "/bundles"
        try FileManager.default.createDirectory(atPath: bundles, withIntermediateDirectories: true)
        progress("writing \(n) submissions of \(qualified)")
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { worker in
            for i in stride(from: worker, to: n, by: max(1, jobs)) {
                let student = String(format: "b%05d", i + 1)
                do {
                    let data = try strongBundle(course: course, exercise: exercise, student: student)
                    try data.write(to: URL(fileURLWithPath: bundles + "/\(student).zip"))
                } catch { failures.increment_() }
            }
        }
        guard failures.value == 0 else { throw GradingUsageError("\(failures.value) simulated submissions could not be written") }
        var gradeTimes: [Double] = [], similarityTimes: [Double] = []
        for r in 0..<runs {
            var options = GradingRun.Options(inputs: [bundles], out: folder + "/out-\(r)", contentRoots: library.roots)
            options.jobs = jobs
            options.force = true
            let start = Date()
            let summary = try GradingRun(options: options).run()
            gradeTimes.append(Date().timeIntervalSince(start))
            guard summary.graded == n else { throw GradingUsageError("only \(summary.graded) of \(n) graded: \(summary.results.first { $0.status != .graded }?.reason ?? "")") }
            var results = summary.results
            let s = Date()
            _ = GradingRun.similarity(&results, library: library, policy: GradingPolicy())
            similarityTimes.append(Date().timeIntervalSince(s))
            progress("run \(r + 1): grading \(String(format: "%.2f", gradeTimes.last!)) s, similarity \(String(format: "%.3f", similarityTimes.last!)) s")
            try? FileManager.default.removeItem(atPath: options.out)
        }
        let corpus = PlantedCorpus(students: n, seed: 7)
        var settings = SimilarityCheck.Settings()
        settings.schemaNames = PlantedCorpus.schemaNames
        var plantedTimes: [Double] = []
        for _ in 0..<runs {
            let s = Date()
            _ = SimilarityCheck(settings: settings).run(corpus.submissions, excluded: corpus.reference)
            plantedTimes.append(Date().timeIntervalSince(s))
        }
        progress("planted corpus of \(n): similarity \(String(format: "%.3f", median(plantedTimes))) s (median)")
        let grade = median(gradeTimes)
        return Result(exercise: qualified, customers: exercise.world.customers ?? 0, submissions: n, jobs: jobs, runs: runs,
                      gradeSeconds: grade, submissionsPerSecond: Double(n) / grade, similaritySeconds: median(similarityTimes),
                      plantedSimilaritySeconds: median(plantedTimes),
                      peakRSSMegabytes: SimulationBenchmark.peakRSSMegabytes())
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// A strong student's bundle built in memory (setup, marker, the reference actions and its literal answers),
    /// chained like `borderlab submit` writes it, without a workspace on disk.
    static func strongBundle(course: CourseDefinition, exercise: ExerciseDefinition, student: String) throws -> Data {
        let (header, variant) = try ExerciseWorkspace.plan(course: course, exercise: exercise, student: student)
        let values = variant.values.merging(["seed": String(header.seed), "student": student]) { a, _ in a }
        var actions = try exercise.setup.map { try Templates.action($0, values) } + [.setupEnd]
        actions += try exercise.solution.actions.map { try Templates.action($0, values) }
        for (key, raw) in exercise.solution.answers where !raw.hasPrefix("=") && !raw.hasPrefix("@") {
            guard let type = exercise.answerKeys.first(where: { $0.key == key })?.type else { continue }
            actions.append(.answer(key: key, value: AnswerValue(type: type, text: Templates.fill(raw, values))))
        }
        var world = try World(header: header)
        let headerLine = ActionLog.headerLine(header)
        var lines = [headerLine]
        var previous = ActionLog.hash(headerLine)
        let at = "2026-12-01T10:00:00Z"
        for (i, action) in actions.enumerated() {
            let day = world.day
            try world.apply(action)
            let line = ActionLog.line(for: action, sequence: i + 1, day: day, previousHash: previous, at: at)
            lines.append(line)
            previous = ActionLog.hash(line)
        }
        let log = Data((lines.joined(separator: "\n") + "\n").utf8)
        let yaml = Data("# simulated\n".utf8)
        let manifest: [String: Any] = [
            "course": course.id, "exercise": exercise.id, "student": student, "engine_version": BorderLabVersion.engine,
            "definition_hash": exercise.hash, "submitted_at": at,
            "files": ["actions.jsonl": SubmissionIntake.sha256(log), "borderlab.yaml": SubmissionIntake.sha256(yaml)],
            "actions": actions.enumerated().map { i, a in ["seq": i + 1, "kind": a.kind, "at": at, "setup": i < exercise.setup.count + 1, "overtime": false] as [String: Any] },
            "visible_score": 0, "visible_max_score": 0,
        ]
        let manifestData = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        let time = Date(timeIntervalSince1970: 1_796_120_000)
        return try ZipWriter.make([("manifest.json", manifestData, time), ("actions.jsonl", log, time), ("borderlab.yaml", yaml, time)])
    }
}
