import BorderLabCore
import BorderLabStore
import Crypto
import Foundation
import ZIPFoundation

/// `borderlab submit`: a zip the student uploads, `<course>-<exercise>-<student>.zip`, holding `manifest.json`,
/// `actions.jsonl` and `borderlab.yaml`. Never `sandbox.sqlite`: the grader rebuilds it from the log and trusts nothing else.
public enum Submission {
    public struct Manifest: Codable, Sendable, Equatable {
        public struct ActionTime: Codable, Sendable, Equatable {
            public let seq: Int
            public let kind: String
            public let at: String?
            public let setup: Bool
            public let overtime: Bool
        }
        public let course: String
        public let exercise: String
        public let student: String
        public let engineVersion: String
        public let definitionHash: String
        public let submittedAt: String
        /// SHA-256 of every other file in the bundle.
        public let files: [String: String]
        public let actions: [ActionTime]
        /// The visible checks' score when submitted (the grader recomputes it with the hidden checks).
        public let visibleScore: Double
        public let visibleMaxScore: Double
        /// The language the workspace was made in (`en`, `zh-CN`), for feedback; absent in bundles made before it was recorded.
        public var language: String? = nil

        enum CodingKeys: String, CodingKey {
            case course, exercise, student, engineVersion = "engine_version", definitionHash = "definition_hash"
            case submittedAt = "submitted_at", files, actions, visibleScore = "visible_score", visibleMaxScore = "visible_max_score"
            case language
        }
    }

    public static func fileName(_ stamp: ExerciseStamp) -> String { "\(stamp.course)-\(stamp.exercise)-\(stamp.student).zip" }

    /// Writes the bundle into `folder` and returns its path and the manifest.
    public static func write(_ session: ExerciseSession, to folder: String, report: CheckReport) throws -> (String, Manifest) {
        let ws = session.workspace
        var contents: [(String, Data)] = []
        for name in ["actions.jsonl", "borderlab.yaml"] {
            guard let data = FileManager.default.contents(atPath: ws.root + "/" + name) else { throw ExerciseError.io("cannot read \(ws.root)/\(name)") }
            contents.append((name, data))
        }
        let setupEnd = session.setupEndIndex
        let manifest = Manifest(
            course: session.stamp.course, exercise: session.stamp.exercise, student: session.stamp.student,
            engineVersion: BorderLabVersion.engine, definitionHash: session.stamp.definitionHash, submittedAt: WallClock.now(),
            files: Dictionary(uniqueKeysWithValues: contents.map { ($0.0, sha256($0.1)) }),
            actions: session.log.actions.enumerated().map { i, a in
                .init(seq: a.sequence, kind: a.action.kind, at: a.at, setup: i <= setupEnd, overtime: session.isOvertime(a))
            },
            visibleScore: report.score, visibleMaxScore: report.maxScore, language: workspaceLanguage(ws.root)?.rawValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        contents.insert(("manifest.json", try encoder.encode(manifest)), at: 0)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName(session.stamp)).standardizedFileURL.path
        let temporary = path + ".tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        let archive = try Archive(url: URL(fileURLWithPath: temporary), accessMode: .create)
        for (name, data) in contents {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        return (path, manifest)
    }

    /// Reads a bundle's files by name (for `report BUNDLE` and tests), refusing large or odd entries.
    public static func read(_ path: String) throws -> [String: Data] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var out: [String: Data] = [:]
        for entry in archive {
            guard entry.type == .file, !entry.path.contains("/"), entry.uncompressedSize < 50_000_000, out.count < 16 else { continue }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            out[entry.path] = data
        }
        return out
    }

    /// The language a workspace was made in: `new` writes `README.md` in it and the other language beside it
    /// (`README.en.md` or `README.zh-CN.md`); nil when neither is there.
    public static func workspaceLanguage(_ root: String) -> Language? {
        let fm = FileManager.default
        if fm.fileExists(atPath: root + "/README.en.md") { return .zh }
        if fm.fileExists(atPath: root + "/README.zh-CN.md") { return .en }
        return nil
    }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
}
