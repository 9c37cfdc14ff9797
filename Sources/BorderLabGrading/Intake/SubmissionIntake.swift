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
    /// Submission times an LMS worksheet gave, by `moodle:<participant>`.
    public var lmsTimes: [String: Date] = [:]

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
        if lower.hasSuffix(".csv") {
            if let data = fm.contents(atPath: path), data.count < 20_000_000 { readWorksheet(data) }
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
                                    sha256: Self.sha256(files["actions.jsonl"] ?? Data())))
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
            } else if lower.hasSuffix(".csv") {
                readWorksheet(e.data)
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

    /// Moodle's grading worksheet given as an input: `Last modified (submission)` per `Participant N` is the time
    /// the LMS recorded, the strongest evidence of lateness the grader has.
    mutating func readWorksheet(_ data: Data) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: Roster.gb18030),
              let reader = try? CSVReader(string: text, hasHeaderRow: true),
              let header = reader.headerRow?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let id = header.firstIndex(of: "identifier"), let time = header.firstIndex(of: "last modified (submission)") else { return }
        while let row = reader.next() {
            guard row.count > max(id, time), let date = Self.moodleDate(row[time]) else { continue }
            let participant = row[id].replacingOccurrences(of: "Participant ", with: "").trimmingCharacters(in: .whitespaces)
            lmsTimes["moodle:" + participant] = date
        }
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
