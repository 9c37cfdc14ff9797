import BorderLabCore
import BorderLabStore
import Foundation

/// The one-page mentor report of a drill (`borderlab report`): what the intern did, when, and how it scored.
/// Written as `report.md` and a self-contained `report.html` (inline style, no scripts, no external files).
public enum DrillReport {
    public static func markdown(_ session: ExerciseSession, report: CheckReport, language: Language) -> String {
        let zh = language == .zh
        let d = session.definition
        var md = "# \(d.title.text(language))\n\n"
        md += zh ? "- 学生：\(session.stamp.student)\n- 练习：\(session.stamp.qualifiedID)\n" : "- Student: \(session.stamp.student)\n- Exercise: \(session.stamp.qualifiedID)\n"
        if let limit = d.timeLimitMinutes { md += zh ? "- 限时：\(limit) 分钟\n" : "- Time limit: \(limit) minutes\n" }
        md += zh ? "- 得分：**\(fmt(report.score)) / \(fmt(report.maxScore))**\n\n## 任务\n\n" : "- Score: **\(fmt(report.score)) / \(fmt(report.maxScore))**\n\n## Tasks\n\n"
        md += zh ? "| 任务 | 结果 | 得分 |\n|---|---|---|\n" : "| Task | Result | Points |\n|---|---|---|\n"
        for t in report.tasks {
            md += "| \(t.task). \(escape(t.title)) | \(t.passed ? (zh ? "通过" : "passed") : (zh ? "未通过" : "not yet")) | \(fmt(t.points)) / \(fmt(t.maxPoints)) |\n"
        }
        md += zh ? "\n## 操作时间线\n\n| 分钟 | 操作 | 备注 |\n|---|---|---|\n" : "\n## Timeline\n\n| Minute | Action | Note |\n|---|---|---|\n"
        let start = session.startedAt
        for (i, logged) in session.log.actions.enumerated() where i > session.setupEndIndex {
            let minute = zip(start.map { [$0] } ?? [], [logged.at.flatMap(WallClock.parse)]).compactMap { s, a in a.map { String(format: "%.1f", $0.timeIntervalSince(s) / 60) } }.first ?? "?"
            let note = session.isOvertime(logged) ? (zh ? "超时，不计分" : "overtime, not counted") : ""
            md += "| \(minute) | \(escape(logged.action.summary)) | \(note) |\n"
        }
        let failing = report.checks.filter { !$0.passed }
        if !failing.isEmpty {
            md += zh ? "\n## 反馈\n\n" : "\n## Feedback\n\n"
            for c in failing { md += "- \(escape(c.feedback))\n" }
        }
        return md
    }

    static func fmt(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x) }

    static func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }

    /// A minimal Markdown-table-and-list rendering to HTML, enough for the report's own shape.
    public static func html(fromMarkdown md: String, title: String) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func inline(_ s: String) -> String {
            var out = esc(s)
            while let r = out.range(of: "**"), let e = out[r.upperBound...].range(of: "**") {
                out.replaceSubrange(r.lowerBound..<e.upperBound, with: "<strong>" + out[r.upperBound..<e.lowerBound] + "</strong>")
            }
            return out
        }
        var body = ""
        var inList = false, inTable = false
        for line in md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if inList && !line.hasPrefix("- ") { body += "</ul>\n"; inList = false }
            if inTable && !line.hasPrefix("|") { body += "</table>\n"; inTable = false }
            if line.hasPrefix("# ") { body += "<h1>\(inline(String(line.dropFirst(2))))</h1>\n" }
            else if line.hasPrefix("## ") { body += "<h2>\(inline(String(line.dropFirst(3))))</h2>\n" }
            else if line.hasPrefix("- ") { if !inList { body += "<ul>\n"; inList = true }; body += "<li>\(inline(String(line.dropFirst(2))))</li>\n" }
            else if line.hasPrefix("|") {
                if line.hasPrefix("|---") { continue }
                let cells = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map { inline($0.trimmingCharacters(in: .whitespaces)) }
                let tag = inTable ? "td" : "th"
                if !inTable { body += "<table>\n"; inTable = true }
                body += "<tr>" + cells.map { "<\(tag)>\($0)</\(tag)>" }.joined() + "</tr>\n"
            } else if !line.isEmpty { body += "<p>\(inline(line))</p>\n" }
        }
        if inList { body += "</ul>\n" }
        if inTable { body += "</table>\n" }
        return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>\(esc(title))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em;color:#222}
        table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left}th{background:#f4f4f4}</style>
        </head><body>
        \(body)</body></html>

        """
    }

    /// Writes `report.md` and `report.html` into `folder`; returns their paths.
    public static func write(_ session: ExerciseSession, to folder: String, language: Language) throws -> [String] {
        let report = try session.check(includeHidden: false, language: language)
        let md = markdown(session, report: report, language: language)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let mdPath = folder + "/report.md", htmlPath = folder + "/report.html"
        try Data(md.utf8).write(to: URL(fileURLWithPath: mdPath), options: .atomic)
        try Data(html(fromMarkdown: md, title: session.definition.title.text(language)).utf8).write(to: URL(fileURLWithPath: htmlPath), options: .atomic)
        return [mdPath, htmlPath]
    }

    /// Unpacks a submission bundle into a scratch workspace (the projection rebuilt from the log) to report on it.
    public static func workspace(fromBundle path: String, scratch: String) throws -> Workspace {
        guard FileManager.default.isReadableFile(atPath: path) else { throw ExerciseError.io("Cannot read \(path).") }
        let files: [String: Data]
        do { files = try Submission.read(path) } catch { throw ExerciseError.io("\(path) is not a readable zip file (\(error)).") }
        guard let log = files["actions.jsonl"], let yaml = files["borderlab.yaml"] else {
            throw ExerciseError.io("\(path) is not a BorderLab submission (no actions.jsonl or borderlab.yaml)")
        }
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try log.write(to: URL(fileURLWithPath: scratch + "/actions.jsonl"))
        try yaml.write(to: URL(fileURLWithPath: scratch + "/borderlab.yaml"))
        let ws = Workspace(root: scratch)
        _ = try ws.replay()
        return ws
    }
}
