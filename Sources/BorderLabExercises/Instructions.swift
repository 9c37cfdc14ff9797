import BorderLabCore
import Foundation

/// The workspace README: the exercise's instructions with the student's own numbers filled in, the numbered tasks,
/// and the commands of the loop — everything a student needs from the terminal alone.
public enum Instructions {
    /// The README text in one language (`{{name}}` filled from the variant).
    public static func render(definition: ExerciseDefinition, course: CourseDefinition, values: [String: String],
                              student: String, language: Language) throws -> String {
        let file = definition.folder + (language == .zh ? "/README.zh-CN.md" : "/README.md")
        guard let body = try? String(contentsOfFile: file, encoding: .utf8) else { throw ExerciseError.io("cannot read \(file)") }
        let zh = language == .zh
        var text = Templates.fill(body, values).trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        text += zh ? "## 你的数据（学生 \(student)）\n\n" : "## Your numbers (student \(student))\n\n"
        for key in values.keys.sorted() where key != "student" {
            text += "- `\(key)` = **\(values[key]!)**\n"
        }
        text += zh ? "\n## 任务\n\n" : "\n## Tasks\n\n"
        for task in definition.tasks {
            text += (zh ? "\(task.number). **任务 \(task.number)**：" : "\(task.number). **Task \(task.number)**: ")
                + Templates.fill(task.title.text(language), values) + "\n"
            for command in task.commands { text += "   - `\(Templates.fill(command, values))`\n" }
        }
        let answers = definition.answerKeys
        if !answers.isEmpty {
            text += zh ? "\n## 需要提交的答案\n\n" : "\n## Answers to record\n\n"
            for (key, type) in answers {
                let how: String = switch type {
                case .sql: "borderlab answer \(key) --sql \"SELECT …\""
                case .memo: "borderlab answer \(key) --memo memo.md"
                default: "borderlab answer \(key) VALUE"
                }
                text += "- `\(how)` — \(AnswerFormat.expected(type))\n"
            }
        }
        if let limit = definition.timeLimitMinutes {
            text += zh ? "\n**限时 \(limit) 分钟**，从创建工作区起计时；超时后的操作会被记录但不计分。\n"
                : "\n**Time limit: \(limit) minutes** from when the workspace was made; later actions are recorded as overtime and do not count.\n"
        }
        text += zh ? """

            ## 学习循环

            - `borderlab check`：检查每个任务（`--watch` 在你操作时自动重新检查）
            - `borderlab hint`：下一层提示（会被记录；课程的提示规则：每层扣 \(fmt(course.hintCost)) 分）
            - `borderlab progress`：课程进度；`borderlab next`：开始下一个练习
            - `borderlab reset`：回到练习开始；`borderlab submit`：生成提交包

            """ : """

            ## The loop

            - `borderlab check` — pass or fail per task (`--watch` re-checks as you work)
            - `borderlab hint` — the next layer of hints (logged; the course's policy: \(fmt(course.hintCost)) points per layer)
            - `borderlab progress` — the course so far; `borderlab next` — start the next exercise
            - `borderlab reset` — back to the start; `borderlab submit` — make the bundle to upload

            """
        return text
    }

    static func fmt(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    /// Writes `README.md` in the student's language and the other language beside it.
    public static func write(_ session: ExerciseSession, language: Language) throws {
        for lang in Language.allCases {
            let text = try render(definition: session.definition, course: session.course, values: session.values,
                                  student: session.stamp.student, language: lang)
            let name = lang == language ? "README.md" : (lang == .zh ? "README.zh-CN.md" : "README.en.md")
            try Data(text.utf8).write(to: URL(fileURLWithPath: session.workspace.root + "/" + name), options: .atomic)
        }
    }
}
