import ArgumentParser
import BorderLabCore
import BorderLabExercises
import BorderLabStore
import Foundation

/// Options shared by the student-loop commands: where the exercise content lives and the language to speak.
struct ExerciseOptions: ParsableArguments {
    @Option(name: .long, help: "A folder with courses/ and exercises/ searched first (then $BORDERLAB_CONTENT, beside the binary, the repository).")
    var content: String?

    @Option(name: .long, help: "The language of the loop: en or zh-CN (default: from LANG).")
    var lang: String?

    func language() throws -> Language { try Self.language(lang) }

    /// The language for a command on a workspace: `--lang`, else the one chosen at `new`, else `LANG`.
    func language(in workspace: String?) throws -> Language { try Self.language(lang, workspace: workspace) }

    static func language(_ lang: String?, workspace: String?) throws -> Language {
        if lang == nil, let root = try? Workspace.locate(explicit: workspace, from: FileManager.default.currentDirectoryPath).root,
           let saved = LoopPreferences.read(root: root).language {
            return try language(saved)
        }
        return try language(lang)
    }

    func library() -> ContentLibrary { Self.library(content) }

    static func language(_ lang: String?) throws -> Language {
        guard let language = Language.resolve(option: lang, environment: ProcessInfo.processInfo.environment) else {
            throw ValidationError("--lang takes en or zh-CN.")
        }
        return language
    }

    static func library(_ content: String?) -> ContentLibrary { ContentLibrary.load(roots: ContentLibrary.searchRoots(explicit: content)) }
}

/// The glue between the loop's commands and ``ExerciseWorkspace``; kept here so each command stays a few lines.
enum ExerciseCommands {
    /// The exercise workspace around the current folder (or `--workspace`), opened and checked against its definition.
    static func session(_ workspace: WorkspaceOptions, _ options: ExerciseOptions) throws -> (ExerciseSession, ContentLibrary) {
        try session(workspace: workspace.workspace, content: options.content)
    }

    static func session(workspace: String?, content: String?) throws -> (ExerciseSession, ContentLibrary) {
        let ws: Workspace
        do { ws = try Workspace.locate(explicit: workspace, from: FileManager.default.currentDirectoryPath) } catch WorkspaceError.notFound {
            throw ExerciseError.notAnExerciseWorkspace(FileManager.default.currentDirectoryPath)
        }
        var content = content
        if content == nil, let saved = LoopPreferences.read(root: ws.root).content, FileManager.default.fileExists(atPath: saved) {
            content = saved
        }
        let library = ExerciseOptions.library(content)
        return (try ExerciseWorkspace.open(ws, library: library), library)
    }

    /// Creates an exercise workspace and remembers the content folder and language chosen (`remembered` carries a
    /// previous workspace's choices over, for `next`).
    static func create(directory: String, qualified: String, student: String, options: ExerciseOptions,
                       remembered: LoopPreferences = LoopPreferences()) throws {
        let language = try ExerciseOptions.language(options.lang ?? remembered.language)
        let content = options.content ?? remembered.content
        let library = ExerciseOptions.library(content)
        let (course, exercise) = try library.resolve(qualified)
        let session = try ExerciseWorkspace.create(at: directory, course: course, exercise: exercise, student: student, language: language)
        var chosen = LoopPreferences(language: options.lang ?? remembered.language)
        let environment = ProcessInfo.processInfo.environment["BORDERLAB_CONTENT"].flatMap { $0.isEmpty ? nil : $0 }
        if let folder = content ?? environment {
            chosen.content = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
        }
        try chosen.write(root: session.workspace.root)
        let zh = language == .zh
        print(zh ? "已创建练习工作区 \(session.workspace.root)" : "Created exercise workspace \(session.workspace.root)")
        print("  \(course.title.text(language)) · \(exercise.title.text(language))")
        print(zh ? "  学生 \(student) · \(exercise.tasks.count) 个任务 · 约 \(exercise.minutes) 分钟" : "  student \(student) · \(exercise.tasks.count) tasks · about \(exercise.minutes) minutes")
        if let limit = exercise.timeLimitMinutes { print(zh ? "  限时 \(limit) 分钟，从现在开始计时" : "  time limit \(limit) minutes, starting now") }
        print("")
        print(zh ? "下一步：" : "Next:")
        print("  cd \(directory)")
        print(zh ? "  cat README.md          # 你的任务和你自己的数据" : "  cat README.md          # your tasks, with your own numbers")
        print(zh ? "  borderlab check        # 每个任务的进度" : "  borderlab check        # where you stand on each task")
    }

    /// The check report as text.
    static func render(_ report: CheckReport, session: ExerciseSession, language: Language) -> String {
        let zh = language == .zh
        let color = ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(1) == 1
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var lines = ["\(session.stamp.qualifiedID) · \(session.definition.title.text(language)) · \(zh ? "学生" : "student") \(session.stamp.student)"]
        if let limit = session.definition.timeLimitMinutes, let start = session.startedAt {
            let left = Double(limit) - Date().timeIntervalSince(start) / 60
            lines.append(left > 0 ? (zh ? "限时 \(limit) 分钟，剩余 \(Int(left.rounded(.up))) 分钟" : "Time limit \(limit) min: \(Int(left.rounded(.up))) min left")
                         : paint(zh ? "已超时：之后的操作会被记录，但不计分" : "Time is up: further actions are recorded as overtime and do not count", "33"))
        }
        lines.append("")
        for task in report.tasks {
            let mark = task.passed ? paint("✓", "32") : paint("✗", "31")
            lines.append("\(mark) \(zh ? "任务" : "Task") \(task.task)  \(task.title)  (\(fmt(task.points))/\(fmt(task.maxPoints)))")
            for f in task.feedback { lines.append(Terminal.wrap(f, indent: "    ")) }
        }
        lines.append("")
        lines.append((zh ? "得分 " : "Score ") + "\(fmt(report.score)) / \(fmt(report.maxScore))"
                     + (report.allPassed ? (zh ? " — 全部可见检查已通过；运行 `borderlab submit`。" : " — every visible check passes; run `borderlab submit`.") : ""))
        for (key, file) in unrecordedMemos(session) {
            lines.append(zh ? "\(file) 与已提交的“\(key)”不同：运行 `borderlab answer \(key) --memo \(file)` 重新提交。"
                         : "\(file) differs from the '\(key)' you recorded: run `borderlab answer \(key) --memo \(file)` to record it.")
        }
        let hints = session.hintsTaken.values.reduce(0, +)
        if hints > 0 {
            let cost = Double(hints) * session.course.hintCost
            lines.append(zh ? "已使用 \(hints) 层提示" + (cost > 0 ? "（评分时扣 \(fmt(cost)) 分）" : "")
                         : "Hints used: \(hints)" + (cost > 0 ? " (\(fmt(cost)) points off when graded)" : ""))
        }
        if let next = report.tasks.first(where: { !$0.passed }), let task = session.definition.task(next.task), !task.commands.isEmpty {
            lines.append(zh ? "任务 \(next.task) 可用的命令：" : "Commands that help with task \(next.task):")
            for command in task.commands { lines.append("  " + Templates.fill(command, session.values)) }
        }
        return lines.joined(separator: "\n")
    }

    /// Markdown files in the workspace that are not the recorded memo (edited since, or never recorded), by memo key:
    /// `check --watch` re-checks when they change, and this says to record them, since the log holds the memo's text.
    static func unrecordedMemos(_ session: ExerciseSession) -> [(String, String)] {
        let keys = session.definition.answerKeys.filter { $0.type == .memo }.map(\.key)
        guard !keys.isEmpty else { return [] }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: session.workspace.root)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix("README") }.sorted()
        let recorded = Set(keys.compactMap { session.answers[$0]?.text })
        var out: [(String, String)] = []
        for file in files {
            guard let text = try? String(contentsOfFile: session.workspace.root + "/" + file, encoding: .utf8),
                  !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !recorded.contains(text) else { continue }
            out.append((keys.count == 1 ? keys[0] : "KEY", file))
        }
        return out
    }

    static func fmt(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x) }
}
