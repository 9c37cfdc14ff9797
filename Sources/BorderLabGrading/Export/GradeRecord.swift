/// One row of the grade book: a submission's outcome and the identities each LMS needs to match it to a student.
public struct GradeRecord: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case graded, rejected, superseded
    }

    public var student: RosterEntry
    public var exercise: String
    /// The file the submission came from.
    public var source: String
    public var status: Status
    public var score: Double?
    public var maxScore: Double
    public var lateDays: Int
    /// Among `integrity`, `variant`, `copy`, `late`.
    public var flags: [String]
    public var reason: String
    public var feedback: String
    /// When the LMS says the work was submitted (ISO 8601), if known.
    public var submittedAt: String?

    public init(student: RosterEntry, exercise: String, source: String, status: Status, score: Double?, maxScore: Double,
                lateDays: Int = 0, flags: [String] = [], reason: String = "", feedback: String = "", submittedAt: String? = nil) {
        self.student = student
        self.exercise = exercise
        self.source = source
        self.status = status
        self.score = score
        self.maxScore = maxScore
        self.lateDays = lateDays
        self.flags = flags
        self.reason = reason
        self.feedback = feedback
        self.submittedAt = submittedAt
    }
}

/// A student as the roster and the LMS know them. Every field but `studentID` may be empty.
public struct RosterEntry: Sendable, Equatable, Hashable {
    /// The id the student typed into `borderlab new --student`, which their variant is derived from.
    public var studentID: String
    public var name: String = ""
    /// The university's student number (学号).
    public var studentNumber: String = ""
    public var email: String = ""
    /// Canvas's numeric user id (the gradebook's ID column).
    public var canvasID: String = ""
    public var sisUserID: String = ""
    public var sisLoginID: String = ""
    public var section: String = ""
    /// Moodle's participant number from a "download all submissions" or grading worksheet (`Participant 1234`).
    public var moodleParticipant: String = ""
    /// The language the student reads feedback in (`en`, `zh-CN`), empty when the roster does not say.
    public var language: String = ""

    public init(studentID: String, name: String = "", studentNumber: String = "", email: String = "", canvasID: String = "",
                sisUserID: String = "", sisLoginID: String = "", section: String = "", moodleParticipant: String = "",
                language: String = "") {
        self.studentID = studentID
        self.name = name
        self.studentNumber = studentNumber
        self.email = email
        self.canvasID = canvasID
        self.sisUserID = sisUserID
        self.sisLoginID = sisLoginID
        self.section = section
        self.moodleParticipant = moodleParticipant
        self.language = language
    }
}
