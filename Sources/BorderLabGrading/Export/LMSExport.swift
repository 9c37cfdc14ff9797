import Foundation

/// The grade files an instructor imports into their LMS, from one list of grade records.
///
/// - `grades.csv`: every input, rejected and superseded ones included, with the reason.
/// - `canvas.csv`: Canvas's gradebook import: `Student,ID,SIS User ID,SIS Login ID,Section,<Assignment> (<id>)`, a
///   `Points Possible` row, one row per graded student matched by Canvas user id.
/// - `moodle.csv`: Moodle's assignment grading worksheet, matched by `Participant N`.
/// - `roster-sheet.csv`: roster order, student number, name and score, UTF-8 with a byte-order mark so that Excel
///   (as most Chinese universities' systems expect) shows Chinese names.
/// Canvas and Moodle files are UTF-8 without a byte-order mark, as both importers document.
public enum LMSExport {
    public struct Assignment: Sendable {
        public var title: String
        public var canvasAssignmentID: String
        public var pointsPossible: Double
        public init(title: String, canvasAssignmentID: String = "", pointsPossible: Double) {
            self.title = title
            self.canvasAssignmentID = canvasAssignmentID
            self.pointsPossible = pointsPossible
        }
    }

    public static let gradesHeader = ["student_id", "name", "student_number", "exercise", "source", "status", "score",
                                      "max_score", "late_days", "flags", "reason"]

    public static func gradesCSV(_ records: [GradeRecord]) -> String {
        var out = CSVText.row(gradesHeader)
        for r in records {
            out += CSVText.row([
                CSVText.text(r.student.studentID), CSVText.text(r.student.name), CSVText.text(r.student.studentNumber), r.exercise,
                CSVText.text(r.source), r.status.rawValue, r.score.map(CSVText.number) ?? "", CSVText.number(r.maxScore),
                String(r.lateDays), r.flags.joined(separator: ";"), CSVText.text(r.reason),
            ])
        }
        return out
    }

    /// The graded record that counts for each student: superseded and rejected ones never reach an LMS.
    static func counted(_ records: [GradeRecord]) -> [GradeRecord] {
        records.filter { $0.status == .graded && $0.score != nil }
    }

    public static func canvasCSV(_ records: [GradeRecord], assignment: Assignment) -> String {
        let column = assignment.canvasAssignmentID.isEmpty ? assignment.title : "\(assignment.title) (\(assignment.canvasAssignmentID))"
        var out = CSVText.row(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", column])
        out += CSVText.row(["    Points Possible", "", "", "", "", CSVText.number(assignment.pointsPossible)])
        for r in counted(records) where !r.student.canvasID.isEmpty {
            out += CSVText.row([CSVText.text(r.student.name), r.student.canvasID, CSVText.text(r.student.sisUserID),
                                CSVText.text(r.student.sisLoginID), CSVText.text(r.student.section), CSVText.number(r.score!)])
        }
        return out
    }

    public static let moodleHeader = ["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum grade",
                                      "Grade can be changed", "Last modified (submission)", "Last modified (grade)",
                                      "Feedback comments"]

    /// - Parameter gradedAt: the time written as "Last modified (grade)", as Moodle prints dates
    ///   ("Friday, 4 December 2026, 3:25 PM"); the caller passes the run's time, never the engine.
    public static func moodleCSV(_ records: [GradeRecord], maxGrade: Double, gradedAt: String) -> String {
        var out = CSVText.row(moodleHeader)
        for r in counted(records) where !r.student.moodleParticipant.isEmpty {
            out += CSVText.row([
                "Participant \(r.student.moodleParticipant)", CSVText.text(r.student.name), CSVText.text(r.student.email),
                "Submitted for grading", CSVText.number(r.score!), CSVText.number(maxGrade), "Yes",
                r.submittedAt.map(moodleDate) ?? "", gradedAt, CSVText.text(r.feedback),
            ])
        }
        return out
    }

    /// Every roster student in roster order, with an empty score where nothing was graded.
    public static func rosterSheet(_ roster: [RosterEntry], records: [GradeRecord]) -> String {
        var best: [String: Double] = [:]
        for r in counted(records) { best[r.student.studentID] = r.score! }
        var out = "\u{FEFF}" + CSVText.row(["student_number", "name", "student_id", "score"])
        for s in roster {
            out += CSVText.row([CSVText.text(s.studentNumber), CSVText.text(s.name), CSVText.text(s.studentID),
                                best[s.studentID].map(CSVText.number) ?? ""])
        }
        return out
    }

    /// An ISO 8601 time as Moodle prints it: "Friday, 4 December 2026, 3:25 PM" (UTC).
    public static func moodleDate(_ iso: String) -> String {
        let parser = ISO8601DateFormatter()
        guard let date = parser.date(from: iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEEE, d MMMM yyyy, h:mm a"
        return formatter.string(from: date)
    }
}
