import Foundation

/// Who the LMS says handed a file in, read from the names its "download all submissions" archive gives them.
public struct LMSIdentity: Sendable, Equatable, Codable {
    public enum System: String, Sendable, Codable { case moodle, canvas }
    public var system: System
    /// Moodle's participant number (also under blind marking) or Canvas's user id.
    public var id: String
    /// The full name (Moodle) or sortable name (Canvas); "Participant" under blind marking.
    public var name: String
    /// Canvas marks late files `_late_` (or `_LATE_`) in the name.
    public var markedLate = false
}

public enum LMSNames {
    /// Moodle: `Full Name_12345_assignsubmission_file_` as a folder, or `Full Name_12345_assignsubmission_file_bundle.zip`
    /// flat; blind marking writes `Participant_12345_assignsubmission_file_…`.
    public static func moodle(_ component: String) -> LMSIdentity? {
        guard let marker = component.range(of: "_assignsubmission_") else { return nil }
        let head = component[..<marker.lowerBound]
        guard let underscore = head.lastIndex(of: "_") else { return nil }
        let id = String(head[head.index(after: underscore)...])
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else { return nil }
        return LMSIdentity(system: .moodle, id: id, name: String(head[..<underscore]))
    }

    /// Canvas: `<sortablename>[_late|_LATE]_<user_id>_<attachment_id>_<file name>`, the sortable name lower case
    /// without punctuation (`smithjohn`).
    public static func canvas(_ fileName: String) -> LMSIdentity? {
        let parts = fileName.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4 else { return nil }
        var i = 1
        var late = false
        if parts[i].lowercased() == "late" { late = true; i += 1 }
        guard parts.count > i + 2, !parts[i].isEmpty, parts[i].allSatisfy(\.isNumber),
              !parts[i + 1].isEmpty, parts[i + 1].allSatisfy(\.isNumber) else { return nil }
        return LMSIdentity(system: .canvas, id: parts[i], name: parts[0], markedLate: late)
    }

    /// Whichever LMS's naming a path inside a downloaded archive follows (its first folder, else its file name).
    public static func identity(ofPath path: String) -> LMSIdentity? {
        let parts = path.split(separator: "/").map(String.init)
        for part in parts { if let m = moodle(part) { return m } }
        if let last = parts.last, let c = canvas(last) { return c }
        return nil
    }
}
