import ArgumentParser
import BorderLabCore
import BorderLabExercises
import BorderLabStore
import Foundation

extension BorderLab {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", 
            abstract: "Check your exercise: pass or fail per task, points, and what to look at next.",
            discussion: "Exit 0 when every visible check passes, 1 otherwise. --json prints {score, max_score, tasks: [{task, passed, points, max_points, feedback}]}.")

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var exercise: ExerciseOptions

        @Flag(help: "Print JSON instead of text.")
        var json = false

        @Flag(help: "Re-check whenever the workspace or a memo changes (Ctrl-C stops).")
        var watch = false

        func run() throws {
            let language = try exercise.language(in: options.workspace)
            if watch { try Watch.loop(options, exercise, language) }
            let (session, _) = try ExerciseCommands.session(options, exercise)
            let report = try session.check(includeHidden: false, language: language)
            if json {
                struct Out: Encodable { let score: Double; let max_score: Double; let tasks: [CheckReport.Task] }
                print(Terminal.json(Out(score: report.score, max_score: report.maxScore, tasks: report.tasks)))
            } else {
                print(ExerciseCommands.render(report, session: session, language: language))
            }
            if !report.allPassed {
                let open = report.tasks.filter { !$0.passed }.count
                throw VerificationFailed(message: language == .zh ? "还有 \(open) 个任务未完成。" : "\(open) task\(open == 1 ? "" : "s") not done yet.")
            }
        }
    }

    /// `check --watch`: polls the workspace's files once a second and re-checks when anything changed.
    enum Watch {
        static func signature(_ root: String) -> String {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0 == "actions.jsonl" || $0.hasSuffix(".md") || $0.hasSuffix(".sql") }
            return names.sorted().map { name -> String in
                let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + name)
                return "\(name):\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0):\(attributes?[.size] ?? 0)"
            }.joined(separator: "|")
        }

        static func loop(_ options: WorkspaceOptions, _ exercise: ExerciseOptions, _ language: Language) throws -> Never {
            let root = try options.locate().root
            let plain = ProcessInfo.processInfo.environment["NO_COLOR"] != nil || isatty(1) == 0
            var last = ""
            while true {
                let now = signature(root)
                if now != last {
                    last = now
                    if !plain { print("\u{1B}[2J\u{1B}[H", terminator: "") } else { print(String(repeating: "─", count: 60)) }
                    do {
                        let (session, _) = try ExerciseCommands.session(options, exercise)
                        print(ExerciseCommands.render(try session.check(includeHidden: false, language: language), session: session, language: language))
                    } catch { print("\(error)") }
                    print(language == .zh ? "\n（监视中：修改工作区后自动重新检查；Ctrl-C 退出）" : "\n(watching: changes re-check automatically; Ctrl-C stops)")
                    fflush(nil)
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    struct Hint: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hint", 
            abstract: "Show the next hint for the first unfinished task (or TASK). Each hint is logged; the course's hint policy applies.")

        @Argument(help: "The task number (default: the first task not yet done).")
        var task: Int?

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var exercise: ExerciseOptions

        func run() throws {
            let language = try exercise.language(in: options.workspace)
            let (session, _) = try ExerciseCommands.session(options, exercise)
            guard let hint = try ExerciseWorkspace.hint(session, task: task, language: language) else {
                print(language == .zh ? "该任务没有更多提示了。" : "No more hints for this task.")
                return
            }
            print(language == .zh ? "任务 \(hint.task) 的提示 \(hint.level)/\(hint.of)：" : "Hint \(hint.level) of \(hint.of) for task \(hint.task):")
            print(Terminal.wrap(hint.text, indent: "  "))
            if session.course.hintCost > 0 {
                print(language == .zh ? "（课程规则：每层提示扣 \(ExerciseCommands.fmt(session.course.hintCost)) 分）"
                      : "(course policy: \(ExerciseCommands.fmt(session.course.hintCost)) points per hint layer)")
            }
        }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "answer", 
            abstract: "Record an answer: `answer KEY VALUE`, `answer KEY --sql \"SELECT …\"`, `--sql-file F` or `--memo FILE.md`.",
            discussion: """
            Values are typed: money AMOUNT CUR ("128.40 CNY"), numbers (negatives allowed), percentages (12.5 or 12.5%),
            SKUs, supplier ids, dates YYYY-MM-DD, choices. A later answer replaces an earlier one. The README lists the keys.
            """)

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var exercise: ExerciseOptions

        @Argument(help: "The answer's key (the README lists them).")
        var key: String

        @Argument(parsing: .captureForPassthrough, help: "The value, or --sql QUERY, --sql-file FILE, --memo FILE.md.")
        var rest: [String] = []

        func run() throws {
            var values: [String] = []
            var sql: String?, sqlFile: String?, memo: String?
            // Options before KEY are parsed as usual; after it they arrive in `rest` (a value may look like an option: -3.5).
            var workspace = options.workspace, lang = exercise.lang, content = exercise.content
            var i = 0
            func next(_ flag: String) throws -> String {
                i += 1
                guard i < rest.count else { throw ValidationError("\(flag) needs a value.") }
                return rest[i]
            }
            while i < rest.count {
                switch rest[i] {
                case "--sql": sql = try next("--sql")
                case "--sql-file": sqlFile = try next("--sql-file")
                case "--memo": memo = try next("--memo")
                case "--workspace": workspace = try next("--workspace")
                case "--lang": lang = try next("--lang")
                case "--content": content = try next("--content")
                case "--" where values.isEmpty: break
                default: values.append(rest[i])
                }
                i += 1
            }
            let sources = [sql != nil, sqlFile != nil, memo != nil, !values.isEmpty].filter { $0 }.count
            guard sources == 1 else { throw ValidationError("Give exactly one of: VALUE, --sql QUERY, --sql-file FILE, --memo FILE.md.") }
            var text = values.joined(separator: " ")
            if let sql { text = sql }
            for path in [sqlFile, memo].compactMap({ $0 }) {
                guard let data = FileManager.default.contents(atPath: path), data.count <= 100_000 else {
                    throw CLIError("Cannot read \(path) (or it is larger than 100 KB).")
                }
                text = String(decoding: data, as: UTF8.self)
            }
            let language = try ExerciseOptions.language(lang, workspace: workspace)
            let (session, _) = try ExerciseCommands.session(workspace: workspace, content: content)
            try ExerciseWorkspace.answer(session, key: key, text: text)
            print(language == .zh ? "已记录“\(key)”。运行 `borderlab check` 查看结果。" : "Recorded '\(key)'. Run `borderlab check` to see where you stand.")
        }
    }
}
