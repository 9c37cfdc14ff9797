import ArgumentParser
import BorderLabCore
import BorderLabExercises
import Foundation

extension BorderLab {
    struct Exercises: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "exercises", 
            abstract: "Courses and exercises: list, show, validate, the authoring self-test, and reference solutions.",
            subcommands: [List.self, Show.self, Validate.self, Test.self, Solve.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List every exercise as COURSE/EXERCISE.")
            @OptionGroup var exercise: ExerciseOptions
            @Flag(help: "Print JSON: {\"exercises\": [{id, course, exercise, module, kind, title, paper_section, competencies, minutes}]}.")
            var json = false

            func run() throws {
                let library = exercise.library()
                let language = try exercise.language()
                let items = Exercises.items(library)
                if json {
                    print(Exercises.json(library))
                    return
                }
                print(Terminal.table(["id", "kind", "minutes", "paper section", "title"],
                                     items.map { [$0.id, $0.kind, String($0.minutes), $0.paper_section, $0.title.text(language)] }))
                if !library.problems.isEmpty { Terminal.note("The content has problems: `borderlab exercises validate`.") }
            }
        }

        struct Item: Encodable {
            let id, course, exercise, module, kind: String
            let title: LocalizedText
            let paper_section: String
            let competencies: [String]
            let minutes: Int
        }

        /// Every exercise in course order, as `list --json` prints it.
        static func items(_ library: ContentLibrary) -> [Item] {
            var items: [Item] = []
            for course in library.courses {
                for module in course.modules {
                    for id in module.exercises {
                        guard let e = library.exercises[id] else { continue }
                        items.append(Item(id: "\(course.id)/\(id)", course: course.id, exercise: id, module: module.id, kind: e.kind.rawValue,
                                          title: e.title, paper_section: e.paperSection, competencies: e.competencies, minutes: e.minutes))
                    }
                }
            }
            return items
        }

        /// `{"exercises": [{id, course, exercise, module, kind, title: {en, zh-CN}, paper_section, competencies, minutes}]}`.
        static func json(_ library: ContentLibrary) -> String {
            struct Out: Encodable { let exercises: [Item] }
            return Terminal.json(Out(exercises: items(library)))
        }
    }
}

extension BorderLab.Exercises {
        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an exercise: its tasks and checks (hidden ones marked).")
            @Argument(help: "COURSE/EXERCISE") var id: String
            @OptionGroup var exercise: ExerciseOptions

            func run() throws {
                let language = try exercise.language()
                let (course, e) = try exercise.library().resolve(id)
                print("\(course.id)/\(e.id) · \(e.title.text(language))")
                print("kind \(e.kind.rawValue) · paper section \(e.paperSection) · about \(e.minutes) minutes" + (e.timeLimitMinutes.map { " · limit \($0) min" } ?? ""))
                print("world \(e.world.scenario) · mode \(e.world.mode ?? "default") · variant: \(e.parameters.map(\.name).joined(separator: ", "))")
                for task in e.tasks {
                    print("\nTask \(task.number): \(task.title.text(language))")
                    for check in e.checks where check.task == task.number {
                        print("  - \(check.id) (\(ExerciseCommands.fmt(check.points)) pt, \(check.competency))\(check.hidden ? " [hidden]" : "")")
                    }
                }
            }
        }

        struct Validate: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check every course and exercise file; lists all problems with file, line and field.")
            @OptionGroup var exercise: ExerciseOptions

            func run() throws {
                let library = exercise.library()
                guard library.problems.isEmpty else { throw ExerciseError.invalid(library.problems) }
                print("\(library.courses.count) course\(library.courses.count == 1 ? "" : "s") and \(library.exercises.count) exercises are valid (\(library.roots.joined(separator: ", "))).")
            }
        }

        struct Test: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "test", 
                abstract: "The authoring self-test: for every exercise × 5 students, validate, render, untouched fails, reference solution full marks, runs identical.")
            @Argument(help: "COURSE/EXERCISE ids to test (default: all).") var ids: [String] = []
            @OptionGroup var exercise: ExerciseOptions

            func run() throws {
                let library = exercise.library()
                if !library.problems.isEmpty { throw ExerciseError.invalid(library.problems) }
                for id in ids { _ = try library.resolve(id) }
                let outcomes = SelfTest.run(library, only: ids) { outcome in
                    print("\(outcome.passed ? "ok  " : "FAIL") \(outcome.exercise) \(outcome.student)")
                    for problem in outcome.problems { print("     " + problem) }
                }
                let failed = outcomes.filter { !$0.passed }.count
                print("\(outcomes.count - failed)/\(outcomes.count) passed")
                if failed > 0 { throw VerificationFailed(message: "\(failed) self-test case\(failed == 1 ? "" : "s") failed.") }
            }
        }

        struct Solve: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "solve", abstract: "Make a workspace with the reference solution applied (previews, model submissions).")
            @Argument(help: "COURSE/EXERCISE") var id: String
            @Argument(help: "The folder to create.") var directory: String
            @Option(help: "The student whose variant to solve.") var student: String
            @OptionGroup var exercise: ExerciseOptions

            func run() throws {
                let language = try exercise.language()
                let (course, e) = try exercise.library().resolve(id)
                let session = try ExerciseWorkspace.solve(at: directory, course: course, exercise: e, student: student, language: language)
                let report = try session.check(includeHidden: true, language: language)
                print("Solved \(id) for \(student) in \(session.workspace.root): \(ExerciseCommands.fmt(report.score))/\(ExerciseCommands.fmt(report.maxScore)) (hidden checks included)")
            }
        }
    }
