import CSV
import Foundation

/// A class list: BorderLab's own CSV, Moodle's grading worksheet or Canvas's gradebook export, in UTF-8 (with or
/// without a byte-order mark) or GB18030, which Chinese Excel saves.
public struct Roster: Sendable, Equatable {
    public enum Format: String, Sendable {
        case borderlab, moodle, canvas
    }

    public let format: Format
    public let entries: [RosterEntry]

    /// GB18030 in Foundation's numbering (kCFStringEncodingGB_18030_2000 as an NSStringEncoding), on Linux and macOS.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Our own roster's columns; `student_id` is required, the others optional and in any order.
    public static let columns = ["student_id", "name", "student_number", "email", "canvas_id", "sis_user_id",
                                 "sis_login_id", "section", "moodle_participant", "language"]

    /// Reads a roster file.
    ///
    /// - Throws: ``RosterError`` naming the file, the line and what to fix.
    public static func read(path: String) throws(RosterError) -> Roster {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws(RosterError) -> Roster {
        guard data.count <= 20_000_000 else { throw .tooLarge(path) }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: gb18030) else {
            throw .encoding(path)
        }
        let rows: [[String]]
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: false)
            var all: [[String]] = []
            while let row = reader.next() { all.append(row) }
            if let error = reader.error { throw error }
            rows = all
        } catch {
            throw .malformed(path, "\(error)")
        }
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces) }) else { throw .empty(path) }
        let lower = header.map { $0.lowercased() }
        func index(_ name: String) -> Int? { lower.firstIndex(of: name.lowercased()) }
        var entries: [RosterEntry] = []
        let format: Format
        if index("student_id") != nil {
            format = .borderlab
            let at = columns.map(index)
            for (n, row) in rows.dropFirst().enumerated() where !row.allSatisfy({ $0.isEmpty }) {
                let cell = { (i: Int?) in Roster.cell(row, i) }
                let id = cell(at[0])
                guard !id.isEmpty else { throw .missingStudentID(path, line: n + 2) }
                entries.append(RosterEntry(studentID: id, name: cell(at[1]), studentNumber: cell(at[2]), email: cell(at[3]),
                                           canvasID: cell(at[4]), sisUserID: cell(at[5]), sisLoginID: cell(at[6]),
                                           section: cell(at[7]), moodleParticipant: cell(at[8]), language: cell(at[9])))
            }
        } else if let identifier = index("identifier"), let fullName = index("full name") {
            format = .moodle
            let email = index("email address"), idNumber = index("id number")
            for (n, row) in rows.dropFirst().enumerated() where !row.allSatisfy({ $0.isEmpty }) {
                let cell = { (i: Int?) in Roster.cell(row, i) }
                let participant = cell(identifier).replacingOccurrences(of: "Participant ", with: "")
                let mail = cell(email)
                // The student id students type is their ID number where the worksheet has it, else their email's name.
                let id = !cell(idNumber).isEmpty ? cell(idNumber) : mail.split(separator: "@").first.map(String.init) ?? ""
                guard !id.isEmpty else { throw .missingStudentID(path, line: n + 2) }
                entries.append(RosterEntry(studentID: id, name: cell(fullName), studentNumber: cell(idNumber), email: mail,
                                           moodleParticipant: participant))
            }
        } else if let student = index("student"), let canvasID = index("id") {
            format = .canvas
            let sisUser = index("sis user id"), sisLogin = index("sis login id"), section = index("section")
            for row in rows.dropFirst() where !row.allSatisfy({ $0.isEmpty }) {
                let cell = { (i: Int?) in Roster.cell(row, i) }
                // Canvas's export has a "Points Possible" row (and sometimes a muted-assignment row) without a user id.
                guard !cell(canvasID).isEmpty, cell(student) != "Points Possible" else { continue }
                let id = !cell(sisUser).isEmpty ? cell(sisUser) : !cell(sisLogin).isEmpty ? cell(sisLogin) : cell(canvasID)
                entries.append(RosterEntry(studentID: id, name: cell(student), studentNumber: cell(sisUser), canvasID: cell(canvasID),
                                           sisUserID: cell(sisUser), sisLoginID: cell(sisLogin), section: cell(section)))
            }
        } else {
            throw .unknownFormat(path, header: header.prefix(6).joined(separator: ","))
        }
        var seen = Set<String>()
        for entry in entries where !seen.insert(entry.studentID).inserted { throw .duplicate(path, entry.studentID) }
        return Roster(format: format, entries: entries)
    }
}

extension Roster {
    /// The trimmed cell at column `i` of a row, empty where the column is absent or the row is short.
    static func cell(_ row: [String], _ i: Int?) -> String {
        guard let i, i < row.count else { return "" }
        return row[i].trimmingCharacters(in: .whitespaces)
    }
}

public enum RosterError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case tooLarge(String)
    case encoding(String)
    case malformed(String, String)
    case empty(String)
    case missingStudentID(String, line: Int)
    case unknownFormat(String, header: String)
    case duplicate(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot be read. Check the path given to --roster."
        case .tooLarge(let path): "\(path): larger than 20 MB; a roster is a class list. Check the file given to --roster."
        case .encoding(let path): "\(path): neither UTF-8 nor GB18030 text. Save it from the spreadsheet as CSV UTF-8."
        case .malformed(let path, let why): "\(path): not readable as CSV (\(why)). Save it from the spreadsheet as CSV."
        case .empty(let path): "\(path): empty. A roster needs a header line and one line per student."
        case .missingStudentID(let path, let line): "\(path), line \(line): no student id. Fill it in or delete the line."
        case .unknownFormat(let path, let header):
            "\(path): the header (\(header)) is none of the rosters BorderLab reads: its own (student_id,name,student_number,email,canvas_id,sis_user_id,sis_login_id,section,moodle_participant,language), Moodle's grading worksheet (Identifier,Full name,…) or Canvas's gradebook export (Student,ID,SIS User ID,…)."
        case .duplicate(let path, let id): "\(path): student '\(id)' appears twice. Keep one line per student."
        }
    }
}
