import ArgumentParser
import BorderLabExercises
import BorderLabGrading
import Foundation

extension BorderLab {
    /// `borderlab class simulate`: a class of student bots to try the grader on.
    struct Class: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "class",
            abstract: "Tools for a whole class (simulate one to try the grader).",
            subcommands: [Simulate.self])
    }
}

extension BorderLab.Class {
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "simulate",
            abstract: "Write a simulated class: bundles from bots (strong, partial, empty, late, copied, tampered, corrupt, disguised), roster.csv, answer-key.csv, moodle.zip, canvas.zip, policy.yaml.")

        @Argument(help: "COURSE/EXERCISE, e.g. cbec-101/first-bonded-shipment.")
        var exercise: String
        @Option(help: "How many students.")
        var students = 20
        @Option(help: "The folder to write into.")
        var out: String
        @Option(help: "Which student is which bot follows from the seed.")
        var seed: UInt64 = 1
        @Option(help: "A folder with courses/ and exercises/ searched first.")
        var content: String?

        func validate() throws {
            guard (1...5_000).contains(students) else { throw ValidationError("--students takes 1 to 5000.") }
        }

        func run() throws {
            let library = ExerciseOptions.library(content)
            let output = try ClassSimulator.run(library: library, exercise: exercise, students: students, seed: seed, out: out) { line in
                FileHandle.standardError.write(Data(("simulate: " + line + "\n").utf8))
            }
            var counts: [String: Int] = [:]
            for s in output.students { counts[s.bot.rawValue, default: 0] += 1 }
            print("simulated \(output.students.count) students: " + ClassSimulator.Bot.allCases.compactMap { b in counts[b.rawValue].map { "\($0) \(b.rawValue)" } }.joined(separator: ", "))
            print("wrote \(out)/bundles/*.zip, roster.csv, answer-key.csv, moodle.zip, canvas.zip, policy.yaml")
            print("next: borderlab grade \(out)/moodle.zip --roster \(out)/roster.csv --policy \(out)/policy.yaml --out \(out)/graded")
        }
    }
}
