import Foundation
import Testing
@testable import BorderLabGrading

/// The LMS files follow the importers' documented layouts, byte for byte.
@Suite struct LMSExportTests {
    static let alice = RosterEntry(studentID: "alice", name: "Li, Alice", studentNumber: "2026001", email: "alice@uni.edu",
                                   canvasID: "101", sisUserID: "2026001", sisLoginID: "alice", section: "A",
                                   moodleParticipant: "7")
    static let bo = RosterEntry(studentID: "bo", name: "张博", studentNumber: "2026002", email: "bo@uni.edu", canvasID: "102",
                                sisUserID: "2026002", sisLoginID: "bo", section: "A", moodleParticipant: "8")
    static let records = [
        GradeRecord(student: alice, exercise: "cbec-101/landed-cost", source: "a.zip", status: .graded, score: 17.5,
                    maxScore: 20, feedback: "Good, \"route\" chosen well"),
        GradeRecord(student: bo, exercise: "cbec-101/landed-cost", source: "b-old.zip", status: .superseded, score: 3, maxScore: 20),
        GradeRecord(student: bo, exercise: "cbec-101/landed-cost", source: "b.zip", status: .graded, score: 20, maxScore: 20,
                    lateDays: 1, flags: ["late"], submittedAt: "2026-12-04T15:25:00Z"),
        GradeRecord(student: RosterEntry(studentID: "=cmd()"), exercise: "cbec-101/landed-cost", source: "evil.zip",
                    status: .rejected, score: nil, maxScore: 20, reason: "the archive is not a zip file"),
    ]

    @Test func canvasImportHasThePointsPossibleRowAndGradedStudentsOnly() {
        let csv = LMSExport.canvasCSV(Self.records, assignment: .init(title: "Landed cost", canvasAssignmentID: "5501", pointsPossible: 20))
        #expect(csv == """
            Student,ID,SIS User ID,SIS Login ID,Section,Landed cost (5501)\r
                Points Possible,,,,,20\r
            "Li, Alice",101,2026001,alice,A,17.5\r
            张博,102,2026002,bo,A,20\r

            """)
        #expect(!csv.hasPrefix("\u{FEFF}"))
    }

    @Test func moodleWorksheetMatchesByParticipant() {
        let csv = LMSExport.moodleCSV(Self.records, maxGrade: 20, gradedAt: "Friday, 4 December 2026, 4:00 PM")
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "Identifier,Full name,Email address,Status,Grade,Maximum grade,Grade can be changed,Last modified (submission),Last modified (grade),Feedback comments")
        #expect(lines[1] == "Participant 7,\"Li, Alice\",alice@uni.edu,Submitted for grading,17.5,20,Yes,,\"Friday, 4 December 2026, 4:00 PM\",\"Good, \"\"route\"\" chosen well\"")
        #expect(lines[2] == "Participant 8,张博,bo@uni.edu,Submitted for grading,20,20,Yes,\"Friday, 4 December 2026, 3:25 PM\",\"Friday, 4 December 2026, 4:00 PM\",")
        #expect(lines.count == 4, "two graded students and the final empty line")
    }

    @Test func gradesListEveryInputAndDefuseFormulas() {
        let csv = LMSExport.gradesCSV(Self.records)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == LMSExport.gradesHeader.joined(separator: ","))
        #expect(lines.count == 6)
        #expect(lines[2] == "bo,张博,2026002,cbec-101/landed-cost,b-old.zip,superseded,3,20,0,,")
        #expect(lines[3] == "bo,张博,2026002,cbec-101/landed-cost,b.zip,graded,20,20,1,late,")
        #expect(lines[4] == "'=cmd(),,,cbec-101/landed-cost,evil.zip,rejected,,20,0,,the archive is not a zip file")
    }

    @Test func rosterSheetKeepsRosterOrderWithABOM() {
        let missing = RosterEntry(studentID: "cy", name: "陈阳", studentNumber: "2026003")
        let sheet = LMSExport.rosterSheet([Self.bo, missing, Self.alice], records: Self.records)
        #expect(sheet == "\u{FEFF}student_number,name,student_id,score\r\n2026002,张博,bo,20\r\n2026003,陈阳,cy,\r\n2026001,\"Li, Alice\",alice,17.5\r\n")
    }

    @Test(arguments: [(7.0, "7"), (7.5, "7.5"), (7.25, "7.25"), (7.049, "7.05"), (0.1, "0.1"), (-2.5, "-2.5")])
    func scoresPrintWithAtMostTwoDecimals(value: Double, text: String) {
        #expect(CSVText.number(value) == text)
    }
}

@Suite struct RosterTests {
    func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func ownFormatWithABOMAndColumnsInAnyOrder() throws {
        let roster = try Roster.parse(data("\u{FEFF}name,student_id,canvas_id\r\n\"Li, Alice\",alice,101\r\n张博,bo,102\r\n\r\n"), path: "r.csv")
        #expect(roster.format == .borderlab)
        #expect(roster.entries.map(\.studentID) == ["alice", "bo"])
        #expect(roster.entries[0].name == "Li, Alice")
        #expect(roster.entries[1].canvasID == "102")
    }

    /// What Chinese Excel saves: GB18030 bytes (学生 = D1 A7 C9 FA).
    @Test func gb18030IsRead() throws {
        let text = "student_id,name\r\nzhang,张三\r\n"
        let bytes = try #require(text.data(using: Roster.gb18030))
        #expect(String(data: bytes, encoding: .utf8) == nil, "really not UTF-8")
        let roster = try Roster.parse(bytes, path: "r.csv")
        #expect(roster.entries[0].name == "张三")
    }

    @Test func moodleWorksheet() throws {
        let roster = try Roster.parse(data("Identifier,Full name,ID number,Email address,Status,Grade\nParticipant 12,Alice Li,2026001,alice@uni.edu,Submitted,\nParticipant 13,Bo Zhang,,bo@uni.edu,Submitted,\n"), path: "w.csv")
        #expect(roster.format == .moodle)
        #expect(roster.entries.map(\.studentID) == ["2026001", "bo"])
        #expect(roster.entries.map(\.moodleParticipant) == ["12", "13"])
    }

    @Test func canvasGradebookSkipsPointsPossible() throws {
        let roster = try Roster.parse(data("Student,ID,SIS User ID,SIS Login ID,Section,Landed cost (5501)\n    Points Possible,,,,,20\n\"Li, Alice\",101,2026001,alice,A,\n"), path: "g.csv")
        #expect(roster.format == .canvas)
        #expect(roster.entries == [RosterEntry(studentID: "2026001", name: "Li, Alice", studentNumber: "2026001", canvasID: "101",
                                               sisUserID: "2026001", sisLoginID: "alice", section: "A")])
    }

    @Test func problemsNameTheFileLineAndFix() {
        #expect(throws: RosterError.missingStudentID("r.csv", line: 3)) { try Roster.parse(data("student_id,name\na,A\n,B\n"), path: "r.csv") }
        #expect(throws: RosterError.duplicate("r.csv", "a")) { try Roster.parse(data("student_id\na\na\n"), path: "r.csv") }
        #expect(throws: RosterError.self) { try Roster.parse(data("foo,bar\n1,2\n"), path: "r.csv") }
        #expect(RosterError.unknownFormat("r.csv", header: "foo,bar").description.contains("student_id"))
        #expect(throws: RosterError.encoding("r.csv")) { try Roster.parse(Data([0xFF, 0xFE, 0x00, 0xD8, 0x81]), path: "r.csv") }
    }
}
