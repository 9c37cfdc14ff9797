import ArgumentParser
import BorderLabExercises
import BorderLabGrading
import Foundation

extension BorderLab {
    /// `borderlab grade`: a whole class in one command. All the work is in ``GradingRun``; this parses and prints.
    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grade", 
            abstract: "Grade a class: bundles, workspaces, folders of them, Moodle or Canvas downloads; writes grade files and a report.",
            discussion: """
            Every submission is replayed from its own log and variant and checked with hidden checks. Writes into --out:
            grades.csv, canvas.csv, moodle.csv, roster-sheet.csv, feedback/, results/, report.html and the history
            (grading.sqlite unless --history). Each submission has a time limit (--time-limit, or time_limit_seconds in
            the policy; 60 s by default): a slower one is rejected with the reason and the batch goes on. Exit 0 when the batch completed (rejected submissions are listed with
            reasons), 2 on bad usage.
            """)

        @Argument(help: "Submission bundles, workspaces, folders of them, LMS downloads (.zip) or a Moodle grading worksheet (.csv).")
        var inputs: [String]
        @Option(help: "The folder to write grade files into.")
        var out: String
        @Option(help: "COURSE/EXERCISE every submission must be (default: each manifest's).")
        var exercise: String?
        @Option(help: "The grading policy (deadline, grace, penalties, extensions, LMS ids), e.g. grading/policy.yaml.")
        var policy: String?
        @Option(help: "The class list: BorderLab's CSV, Moodle's grading worksheet or Canvas's gradebook export.")
        var roster: String?
        @Option(help: "A folder with courses/ and exercises/ searched first.")
        var content: String?
        @Option(help: "The history database (default: OUT/grading.sqlite).")
        var history: String?
        @Option(help: "Submissions graded at once (default 2).")
        var jobs = 2
        @Option(help: "Seconds one submission may take before it is rejected with the reason (default: the policy's time_limit_seconds, else 60).")
        var timeLimit: Double?
        @Flag(help: "Regrade every submission, even those unchanged since the last run.")
        var force = false
        @Flag(help: "Mark this run's grades as released to students.")
        var release = false

        func validate() throws {
            guard (1...64).contains(jobs) else { throw ValidationError("--jobs takes 1 to 64.") }
            if let timeLimit, !(timeLimit > 0 && timeLimit <= 86_400) { throw ValidationError("--time-limit takes more than 0 and at most 86400 seconds.") }
        }

        func run() throws {
            var options = GradingRun.Options(inputs: inputs, out: out, contentRoots: ContentLibrary.searchRoots(explicit: content))
            options.exercise = exercise
            options.history = history
            options.jobs = jobs
            options.force = force
            options.release = release
            do {
                if let policy { options.policy = try GradingPolicy.load(path: policy) }
                if let timeLimit { options.policy.timeLimitSeconds = timeLimit }
                if let roster { options.roster = try Roster.read(path: roster) } else {
                    Terminal.note("no --roster: the LMS files match students by the names in the downloads only.")
                }
            } catch { throw ValidationError("\(error)") }
            let summary: GradingRun.Summary
            do {
                summary = try GradingRun(options: options).run { line in FileHandle.standardError.write(Data(("grade: " + line + "\n").utf8)) }
            } catch let error as GradingUsageError { throw ValidationError(error.description) }
            for change in summary.changes { print("changed  " + change) }
            for r in summary.results where r.status == .rejected { print("rejected \(r.source): \(r.reason)") }
            print("graded \(summary.graded), rejected \(summary.rejected), superseded \(summary.superseded)"
                  + (summary.reused > 0 ? " (\(summary.reused) unchanged since the last run, not replayed)" : ""))
            print("wrote \(summary.files.count) files into \(out): grades.csv, canvas.csv, moodle.csv, roster-sheet.csv, report.html, feedback/, results/")
        }
    }
}
