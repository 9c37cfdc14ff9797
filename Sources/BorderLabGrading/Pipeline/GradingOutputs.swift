import BorderLabExercises
import BorderLabStore
import Foundation

/// Writes a run's files into `--out`, each atomically (temporary file, then rename), so a killed run leaves whole
/// files or none.
enum GradingOutputs {
    static func write(results: [GradedSubmission], records: [GradeRecord], similarity: SimilarityCheck.Result?,
                      library: ContentLibrary, earlier: [QualityReport.EarlierRun] = [], options o: GradingRun.Options,
                      resultFiles: ResultFiles? = nil) throws -> [String] {
        var written: [String] = []
        func put(_ name: String, _ text: String) throws {
            let path = o.out + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try ResultFiles.writeAtomically(Data(text.utf8), to: path)
            written.append(name)
        }
        let maxScore = results.first { $0.status == .graded }?.maxScore ?? results.map(\.maxScore).max() ?? 0
        try put("grades.csv", LMSExport.gradesCSV(records))
        try put("canvas.csv", LMSExport.canvasCSV(records, assignment: .init(title: o.policy.assignmentTitle,
                                                                              canvasAssignmentID: o.policy.canvasAssignmentID, pointsPossible: maxScore)))
        try put("moodle.csv", LMSExport.moodleCSV(records, maxGrade: maxScore, gradedAt: LMSExport.moodleDate(WallClock.now())))
        let roster = o.roster?.entries ?? records.filter { $0.status == .graded }.map(\.student)
        try put("roster-sheet.csv", LMSExport.rosterSheet(roster, records: records))
        let language = Language(rawValue: o.policy.language) ?? .en
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // One file per student: the counted submission wins over superseded and rejected ones.
        var chosen: [String: GradedSubmission] = [:]
        func rank(_ s: GradeRecord.Status) -> Int { s == .graded ? 2 : s == .superseded ? 1 : 0 }
        for r in results where !r.student.isEmpty {
            let name = safeName(r.student)
            if let have = chosen[name], rank(have.status) >= rank(r.status) { continue }
            chosen[name] = r
        }
        for (name, r) in chosen.sorted(by: { $0.key < $1.key }) {
            // Written as it was graded and unchanged since: not encoded and written again.
            if let resultFiles, resultFiles.holds(r) { written.append("results/\(name).json") } else {
                try put("results/\(name).json", String(decoding: try encoder.encode(r), as: UTF8.self))
            }
            let entry = o.roster?.entries.first { $0.studentID == r.student }
            let own = [r.language, entry?.language].compactMap { $0 }.compactMap { Language.resolve(option: $0, environment: [:]) }.first
            try put("feedback/\(name).md", Feedback.markdown(r, language: own ?? language))
        }
        try put("report.html", report(results: results, records: records, similarity: similarity, library: library, policy: o.policy,
                                        earlier: earlier))
        return written
    }

    /// A student id as a file name: letters, digits and `._@-` kept, anything else `_` (ids are already limited so).
    static func safeName(_ id: String) -> String {
        let kept = id.map { $0.isLetter || $0.isNumber || "._@-".contains($0) ? $0 : "_" }
        let name = String(kept.prefix(80))
        return name.isEmpty || name.hasPrefix(".") ? "_" + name : name
    }

    static func report(results: [GradedSubmission], records: [GradeRecord], similarity: SimilarityCheck.Result?,
                       library: ContentLibrary, policy: GradingPolicy, earlier: [QualityReport.EarlierRun] = []) -> String {
        let counted = results.filter { $0.status == .graded }
        let exerciseID = counted.first?.exercise ?? ""
        let definition = try? library.resolve(exerciseID).1
        let checks = definition?.checks.map {
            QualityReport.CheckInfo(id: $0.id, competency: $0.competency, paperSection: definition?.paperSection ?? "", maxPoints: $0.points)
        } ?? []
        let graded: [(student: String, points: [Double])] = counted.filter { $0.exercise == exerciseID }.map { r in
            (r.student, checks.map { info in r.checks.first { $0.id == info.id }?.points ?? 0 })
        }
        var flags: [QualityReport.Flag] = []
        for r in results {
            for f in r.flags { flags.append(.init(student: r.student, kind: f.category, policy: f.action.rawValue, reason: f.reason)) }
            // A refusal already listed as a flag is not listed twice.
            if r.status == .rejected, !r.flags.contains(where: { $0.reason == r.reason }) { flags.append(.init(student: r.student.isEmpty ? r.source : r.student, kind: "rejected", policy: "zero", reason: r.reason)) }
        }
        let title = definition.map { "\(policy.assignmentTitle) · \(exerciseID) · \($0.title.text(.en))" } ?? policy.assignmentTitle
        return QualityReport(title: title, generated: WallClock.now(), checks: checks, graded: graded, records: records,
                             flags: flags, similarity: similarity, earlier: earlier).html()
    }
}
