import ArgumentParser
import BorderLabCore
import BorderLabExercises
import BorderLabStore
import Foundation

extension BorderLab {
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "progress", 
            abstract: "Your course: its modules, each exercise's state (read from the sibling folders) and the next one.")

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var exercise: ExerciseOptions

        func run() throws {
            let language = try exercise.language(in: options.workspace)
            let zh = language == .zh
            let (session, library) = try ExerciseCommands.session(options, exercise)
            let progress = CourseProgress.read(session, library: library)
            print("\(progress.course.title.text(language)) · \(zh ? "学生" : "student") \(progress.student)")
            var module = ""
            for entry in progress.entries {
                if entry.module.id != module {
                    module = entry.module.id
                    print("\n" + entry.module.title.text(language))
                }
                let state: String = switch entry.state {
                case .notStarted: zh ? "未开始" : "not started"
                case .inProgress(let p, let n): zh ? "进行中，\(p)/\(n) 项检查通过" : "in progress, \(p)/\(n) checks passing"
                case .submitted(let p, let n): zh ? "已提交（\(p)/\(n)）" : "submitted (\(p)/\(n))"
                }
                let here = entry.exercise.id == session.definition.id ? " ←" : ""
                print("  \(entry.exercise.id.padding(toLength: 32, withPad: " ", startingAt: 0)) \(state)\(here)")
            }
            if let next = progress.next(after: session.definition.id) {
                print("\n" + (zh ? "下一个：\(next.exercise.id)（`borderlab next`）" : "Next: \(next.exercise.id) (`borderlab next`)"))
            }
        }
    }

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "next", 
            abstract: "Create the course's next exercise in ../<exercise-id> for the same student.")

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var exercise: ExerciseOptions

        func run() throws {
            let (session, library) = try ExerciseCommands.session(options, exercise)
            let progress = CourseProgress.read(session, library: library)
            guard let next = progress.next(after: session.definition.id) else {
                print(try exercise.language(in: options.workspace) == .zh ? "本课程的所有练习都已开始。" : "Every exercise of the course is started.")
                return
            }
            let folder = URL(fileURLWithPath: session.workspace.root).deletingLastPathComponent().appendingPathComponent(next.exercise.id).path
            try ExerciseCommands.create(directory: folder, qualified: "\(session.course.id)/\(next.exercise.id)",
                                        student: session.stamp.student, options: exercise,
                                        remembered: LoopPreferences.read(root: session.workspace.root))
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", 
            abstract: "Go back to the exercise's start. The old log is kept in .borderlab/history/; hints already taken carry over.")

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var exercise: ExerciseOptions

        func run() throws {
            let language = try exercise.language(in: options.workspace)
            let (session, _) = try ExerciseCommands.session(options, exercise)
            try ExerciseWorkspace.reset(session)
            print(language == .zh ? "已回到练习开始（旧日志保存在 .borderlab/history/）。" : "Back at the exercise's start (the old log is in .borderlab/history/).")
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "submit", 
            abstract: "Write <course>-<exercise>-<student>.zip to upload (manifest, action log, header; never sandbox.sqlite).")

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var exercise: ExerciseOptions

        @Option(help: "Where to write the bundle (default: the workspace's parent folder).")
        var out: String?

        func run() throws {
            let language = try exercise.language(in: options.workspace)
            let zh = language == .zh
            let (session, _) = try ExerciseCommands.session(options, exercise)
            let report = try session.check(includeHidden: false, language: language)
            let folder = out ?? URL(fileURLWithPath: session.workspace.root).deletingLastPathComponent().path
            let (path, _) = try Submission.write(session, to: folder, report: report)
            if !report.allPassed {
                Terminal.note(zh ? "注意：还有检查未通过（\(ExerciseCommands.fmt(report.score))/\(ExerciseCommands.fmt(report.maxScore))）；仍已生成提交包。"
                              : "Some checks do not pass yet (\(ExerciseCommands.fmt(report.score))/\(ExerciseCommands.fmt(report.maxScore))); the bundle was written anyway.")
            }
            print(zh ? "已写入 \(path)" : "Wrote \(path)")
            print(zh ? "请将这个 .zip 文件上传到课程平台（不要解压）。" : "Upload this .zip file to your course's learning platform as it is (do not unzip it).")
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report", 
            abstract: "A drill's one-page mentor report: report.md and a self-contained report.html.")

        @Argument(help: "A workspace folder or a submission .zip (default: the current workspace).")
        var source: String?

        @OptionGroup var exercise: ExerciseOptions

        @Option(help: "Where to write the report (default: the workspace, or the bundle's folder).")
        var out: String?

        func run() throws {
            let onWorkspace = source.map { !$0.hasSuffix(".zip") } ?? true
            let language = try exercise.language(in: onWorkspace ? source : nil)
            var scratch: String?
            defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
            let workspace: Workspace
            var folder: String
            if let source, source.hasSuffix(".zip") {
                scratch = NSTemporaryDirectory() + "borderlab-report-\(UUID().uuidString)"
                workspace = try DrillReport.workspace(fromBundle: source, scratch: scratch!)
                folder = URL(fileURLWithPath: source).deletingLastPathComponent().path
            } else {
                workspace = try Workspace.locate(explicit: source, from: FileManager.default.currentDirectoryPath)
                folder = workspace.root
            }
            if let out { folder = out }
            let saved = onWorkspace ? LoopPreferences.read(root: workspace.root).content : nil
            let session = try ExerciseWorkspace.open(workspace, library: ExerciseOptions.library(exercise.content ?? saved))
            for path in try DrillReport.write(session, to: folder, language: language) { print("Wrote \(path)") }
        }
    }
}

