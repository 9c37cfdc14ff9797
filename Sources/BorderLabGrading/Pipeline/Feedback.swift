import BorderLabExercises
import Foundation

/// What a student reads about their grade (`feedback/<student>.md`), in the course language of the policy.
enum Feedback {
    /// One line for the LMS's feedback column.
    static func summary(_ r: GradedSubmission) -> String {
        switch r.status {
        case .rejected: return "Not graded: \(r.reason)"
        case .superseded: return "Superseded: \(r.reason)"
        case .graded:
            let failed = r.checks.filter { !$0.passed }.count
            return "\(CSVText.number(r.score ?? 0))/\(CSVText.number(r.maxScore)); \(r.checks.count - failed) of \(r.checks.count) checks passed"
        }
    }

    static func markdown(_ r: GradedSubmission, language: Language) -> String {
        let zh = language == .zh
        var md = zh ? "# 评分反馈：\(r.exercise)\n\n- 学生：\(r.student)\n- 来源：\(r.source)\n"
                    : "# Feedback: \(r.exercise)\n\n- Student: \(r.student)\n- Source: \(r.source)\n"
        switch r.status {
        case .rejected:
            md += zh ? "- 状态：**未评分**\n\n原因：\(r.reason)\n" : "- Status: **not graded**\n\nReason: \(r.reason)\n"
            return md
        case .superseded:
            md += zh ? "- 状态：被更晚的提交取代\n" : "- Status: superseded by a later submission\n"
        case .graded: break
        }
        md += zh ? "- 得分：**\(CSVText.number(r.score ?? 0)) / \(CSVText.number(r.maxScore))**\n"
                 : "- Score: **\(CSVText.number(r.score ?? 0)) / \(CSVText.number(r.maxScore))**\n"
        if r.hintsTaken > 0 {
            md += zh ? "- 提示：\(r.hintsTaken) 层，扣 \(CSVText.number(r.hintPenalty)) 分\n" : "- Hints: \(r.hintsTaken) layer(s), \(CSVText.number(r.hintPenalty)) points off\n"
        }
        if r.lateDays > 0 {
            md += zh ? "- 迟交 \(r.lateDays) 天（时间来源：\(r.timeSource)）\n" : "- Late by \(r.lateDays) day(s) (time from the \(r.timeSource))\n"
        }
        md += zh ? "\n| 检查 | 结果 | 得分 |\n|---|---|---|\n" : "\n| Check | Result | Points |\n|---|---|---|\n"
        for c in r.checks {
            let result = c.passed ? (zh ? "通过" : "passed") : (zh ? "未通过" : "not yet")
            md += "| \(c.id)\(c.hidden ? (zh ? "（隐藏）" : " (hidden)") : "") | \(result) | \(CSVText.number(c.points)) / \(CSVText.number(c.maxPoints)) |\n"
        }
        let failing = r.checks.filter { !$0.passed && !$0.feedback.isEmpty }
        if !failing.isEmpty {
            md += zh ? "\n## 反馈\n\n" : "\n## Feedback\n\n"
            for c in failing { md += "- \(c.id): \(c.feedback.replacingOccurrences(of: "\n", with: " "))\n" }
        }
        if !r.flags.isEmpty {
            md += zh ? "\n## 需要说明的情况\n\n" : "\n## Points your instructor will look at\n\n"
            for f in r.flags { md += "- \(f.reason)\n" }
        }
        return md
    }
}
