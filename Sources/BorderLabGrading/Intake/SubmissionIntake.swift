import BorderLabExercises
import CSV
import Crypto
import Foundation

/// One submission found among the inputs, held in memory: its files by name and what the LMS said about it.
public struct Candidate: Sendable {
    /// Where it came from, as listed in grades.csv (`moodle.zip:Ann_1_assignsubmission_file_/b.zip`).
    public var source: String
    public var files: [String: Data]
    public var identity: LMSIdentity?
    /// The zip entry's modification time: weaker evidence of when it was handed in than an LMS worksheet.
    public var entryTime: Date?
    /// SHA-256 of the bundle's bytes (of `actions.jsonl` for a workspace folder): the same file is graded once.
    public var sha256: String
    /// The language of a workspace folder handed in as is (from its READMEs), when known.
    public var workspaceLanguage: String? = nil
}

/// An input that could not become a submission, with the reason for grades.csv.
public struct IntakeRejection: Sendable, Equatable, Codable {
    public var source: String
    public var reason: String
    public var identity: LMSIdentity?
}

/// Collects submissions from what the instructor names: bundles, workspaces, folders of them, Moodle and Canvas
/// downloads, nested at most two levels. Archives are read through ``SafeArchive`` in memory; nothing is unpacked.
public struct SubmissionIntake: Sendable {
    public var candidates: [Candidate] = []
    public var rejections: [IntakeRejection] = []
    /// Submission times an LMS worksheet or export gave, by `moodle:<participant>` or `canvas:<user id>`.
    public var lmsTimes: [String: Date] = [:]
    /// Where each of `lmsTimes` came from (`moodle worksheet`, `canvas export`), by the same key.
    public var timeSources: [String: String] = [:]

    static let maxDepth = 2
    static let maxFileBytes = 400 * 1_024 * 1_024

    public init() {}

    public static func collect(_ inputs: [String]) -> SubmissionIntake {
        var intake = SubmissionIntake()
        for input in inputs { intake.add(path: input, display: input, depth: 0) }
        return intake
    }

    mutating func add(path: String, display: String, depth: Int) {
        let fm = FileManager.default
        guard let attributes = try? fm.attributesOfItem(atPath: path) else {
            rejections.append(.init(source: display, reason: "cannot be read (no such file or no permission)")); return
        }
        if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            rejections.append(.init(source: display, reason: "a symbolic link; not followed (copy the file itself into the class folder)")); return
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            if fm.fileExists(atPath: path + "/actions.jsonl") { addWorkspace(folder: path, display: display); return }
            guard depth <= Self.maxDepth else { return }
            for name in ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted() where !name.hasPrefix(".") {
                add(path: path + "/" + name, display: display + "/" + name, depth: depth + 1)
            }
            return
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".json") {
            guard let data = fm.contents(atPath: path), data.count < 20_000_000, readTimes(data, json: lower.hasSuffix(".json")) else {
                // Named on the command line it must be one; inside a class folder (a roster beside the bundles) it is skipped.
                if depth == 0 { rejections.append(.init(source: display, reason: "neither a Moodle grading worksheet nor a Canvas submissions export (user_id and submitted_at)")) }
                return
            }
            return
        }
        guard lower.hasSuffix(".zip") else {
            if depth == 0 { rejections.append(.init(source: display, reason: "neither a .zip bundle, a workspace folder nor a worksheet .csv")) }
            return
        }
        let size = (attributes[.size] as? Int) ?? 0
        guard size <= Self.maxFileBytes, let data = fm.contents(atPath: path) else {
            rejections.append(.init(source: display, reason: "larger than \(Self.maxFileBytes / 1_048_576) MB or unreadable")); return
        }
        addZip(data, display: display, identity: nil, entryTime: nil, depth: 0)
    }

    mutating func addWorkspace(folder: String, display: String) {
        var files: [String: Data] = [:]
        for name in ["actions.jsonl", "borderlab.yaml", "manifest.json"] {
            let path = folder + "/" + name
            if let a = try? FileManager.default.attributesOfItem(atPath: path), a[.type] as? FileAttributeType == .typeSymbolicLink {
                rejections.append(.init(source: display, reason: "\(name) is a symbolic link; not followed")); return
            }
            guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { continue }
            guard size <= ArchiveLimits().maxEntryBytes, let data = FileManager.default.contents(atPath: path) else {
                rejections.append(.init(source: display, reason: "\(name) is larger than 32 MB; a log of that length is not an exercise")); return
            }
            files[name] = data
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: folder + "/actions.jsonl"))?[.modificationDate] as? Date
        candidates.append(Candidate(source: display, files: files, identity: nil, entryTime: modified,
                                    sha256: Self.sha256(files["actions.jsonl"] ?? Data()),
                                    workspaceLanguage: Submission.workspaceLanguage(folder)?.rawValue))
    }

    /// A zip: a bundle itself (files at its root), or an LMS download holding bundles, workspaces and worksheets.
    mutating func addZip(_ data: Data, display: String, identity: LMSIdentity?, entryTime: Date?, depth: Int) {
        let entries: [ArchiveEntry]
        do { entries = try SafeArchive.read(data, name: (display as NSString).lastPathComponent) } catch {
            rejections.append(.init(source: display, reason: error.description, identity: identity)); return
        }
        let names = Set(entries.map(\.path))
        if names.contains("actions.jsonl") || names.contains("manifest.json") {
            var files: [String: Data] = [:]
            for e in entries where !e.path.contains("/") { files[e.path] = e.data }
            let time = entryTime ?? entries.first { $0.path == "actions.jsonl" }?.modified
            candidates.append(Candidate(source: display, files: files, identity: identity, entryTime: time, sha256: Self.sha256(data)))
            return
        }
        guard depth < Self.maxDepth else {
            rejections.append(.init(source: display, reason: "archives nested more than two levels deep; not opened", identity: identity)); return
        }
        // Workspaces uploaded as loose files: a folder inside the archive holding actions.jsonl.
        var folders: [String: [String: Data]] = [:]
        var folderTimes: [String: Date] = [:]
        for e in entries.sorted(by: { $0.path < $1.path }) {
            let inner = display + ":" + e.path
            let id = identity ?? LMSNames.identity(ofPath: e.path)
            let lower = e.path.lowercased()
            if lower.hasSuffix(".zip") {
                addZip(e.data, display: inner, identity: id, entryTime: e.modified ?? entryTime, depth: depth + 1)
            } else if let slash = e.path.lastIndex(of: "/"),
                      ["actions.jsonl", "borderlab.yaml", "manifest.json"].contains(String(e.path[e.path.index(after: slash)...])) {
                let folder = String(e.path[..<slash])
                folders[folder, default: [:]][String(e.path[e.path.index(after: slash)...])] = e.data
                if e.path.hasSuffix("actions.jsonl") { folderTimes[folder] = e.modified }
            }
        }
        for (folder, files) in folders.sorted(by: { $0.key < $1.key }) where files["actions.jsonl"] != nil {
            candidates.append(Candidate(source: display + ":" + folder, files: files, identity: identity ?? LMSNames.identity(ofPath: folder),
                                        entryTime: folderTimes[folder] ?? entryTime, sha256: Self.sha256(files["actions.jsonl"]!)))
        }
    }

    /// Submission times the LMS recorded, the strongest evidence of lateness the grader has, from a file the instructor
    /// names (never from inside a download, where a student's upload could claim any time):
    /// - Moodle's grading worksheet: `Last modified (submission)` per `Identifier` (`Participant N`);
    /// - a Canvas submissions export: the Submissions API's JSON list (`[{"user_id": 5001, "submitted_at":
    ///   "2026-12-02T10:00:00Z"}, …]`) or a CSV with `user_id` (or `ID`) and `submitted_at` columns.
    ///
    /// - Returns: false when the file is none of these.
    mutating func readTimes(_ data: Data, json: Bool) -> Bool {
        if json { return readCanvasJSON(data) }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: Roster.gb18030),
              let reader = try? CSVReader(string: text, hasHeaderRow: true),
              let header = reader.headerRow?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else { return false }
        if let id = header.firstIndex(of: "identifier"), let time = header.firstIndex(of: "last modified (submission)") {
            while let row = reader.next() {
                guard row.count > max(id, time), let date = Self.moodleDate(row[time]) else { continue }
                let participant = row[id].replacingOccurrences(of: "Participant ", with: "").trimmingCharacters(in: .whitespaces)
                setTime("moodle:" + participant, date, source: "moodle worksheet")
            }
            return true
        }
        if let id = header.firstIndex(of: "user_id") ?? header.firstIndex(of: "id"),
           let time = header.firstIndex(of: "submitted_at") ?? header.firstIndex(of: "submitted at") {
            while let row = reader.next() {
                guard row.count > max(id, time), let date = Self.canvasDate(row[time]) else { continue }
                setTime("canvas:" + row[id].trimmingCharacters(in: .whitespaces), date, source: "canvas export")
            }
            return true
        }
        return false
    }

    mutating func readCanvasJSON(_ data: Data) -> Bool {
        struct Entry: Decodable {
            let userID: String
            let submittedAt: String?
            enum CodingKeys: String, CodingKey { case userID = "user_id", submittedAt = "submitted_at" }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                if let n = try? c.decode(Int.self, forKey: .userID) { userID = String(n) } else { userID = try c.decode(String.self, forKey: .userID) }
                submittedAt = try c.decodeIfPresent(String.self, forKey: .submittedAt)
            }
        }
        guard let entries = try? JSONDecoder().decode([Entry].self, from: data) else { return false }
        for e in entries {
            guard let text = e.submittedAt, let date = Self.canvasDate(text) else { continue }
            setTime("canvas:" + e.userID, date, source: "canvas export")
        }
        return true
    }

    mutating func setTime(_ key: String, _ date: Date, source: String) {
        lmsTimes[key] = date
        timeSources[key] = source
    }

    /// Canvas's times are ISO 8601 (`2026-12-02T10:00:00Z`, `2026-12-02T04:00:00-06:00`, with or without milliseconds).
    static func canvasDate(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = ISO8601DateFormatter().date(from: t) { return d }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: t)
    }

    /// Parses Moodle's "Friday, 4 December 2026, 3:25 PM" (UTC), or an ISO 8601 time.
    static func moodleDate(_ text: String) -> Date? {
        if let iso = ISO8601DateFormatter().date(from: text) { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEEE, d MMMM yyyy, h:mm a"
        return formatter.date(from: text)
    }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
}
