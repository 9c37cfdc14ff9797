import BorderLabCore
import Crypto
import Foundation

/// One action as stored in `actions.jsonl`: its position, the world day it was taken on, and the hash of the line before.
public struct LoggedAction: Sendable, Equatable {
    public let sequence: Int
    public let day: Int
    public let previousHash: String
    public let action: Action
    /// When it was made (ISO 8601, UTC), for exercise workspaces: metadata outside the world. The hash chain covers it,
    /// the engine never reads it (not in replay, not in the digest).
    public var at: String? = nil
}

/// The hash-chained action log: the workspace's source of truth (DESIGN.md invariants 1 and 4).
///
/// Line 1 is the ``WorldHeader``; every later line is `{"action":…,"day":…,"prev":"<sha256 of the line before>","seq":…}`,
/// written with sorted keys so that the same action always has the same bytes.
public struct ActionLog: Sendable {
    public let header: WorldHeader
    public let actions: [LoggedAction]
    /// SHA-256 (hex) of the last line: what the projection records as the state it shows.
    public let headHash: String

    /// The SHA-256 of a line's bytes (without its newline), as lowercase hex.
    public static func hash(_ line: Substring.UTF8View) -> String {
        SHA256.hash(data: Array(line)).map { String(format: "%02x", $0) }.joined()
    }

    public static func hash(_ line: String) -> String { hash(Substring(line).utf8) }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The header line's text.
    public static func headerLine(_ header: WorldHeader) -> String {
        String(decoding: try! encoder.encode(header), as: UTF8.self)
    }

    /// The text of one action line.
    /// `at` (wall-clock time) is omitted when nil, so lines without it keep their bytes.
    public static func line(for action: Action, sequence: Int, day: Int, previousHash: String, at: String? = nil) -> String {
        struct Line: Encodable { let action: Action; let at: String?; let day: Int; let prev: String; let seq: Int }
        return String(decoding: try! encoder.encode(Line(action: action, at: at, day: day, prev: previousHash, seq: sequence)), as: UTF8.self)
    }

    /// Reads and checks a log: the header, each line's JSON, its sequence number and the hash chain.
    ///
    /// - Throws: ``WorkspaceError`` naming the first bad line.
    public static func read(at path: String) throws(WorkspaceError) -> ActionLog {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missingFile(path) }
        return try parse(data, path: path)
    }

    /// Parses a log, accepting each line only if it is byte-identical to its canonical encoding (``CanonicalLine``).
    public static func parse(_ data: Data, path: String) throws(WorkspaceError) -> ActionLog {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { throw .byteOrderMark(path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformedLine(path: path, line: 1, reason: "the file is not UTF-8 text")
        }
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var blankAtEnd = 0
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast(); blankAtEnd += 1 }
        guard let first = lines.first, !first.isEmpty else { throw .emptyLog(path) }
        if let crlf = lines.firstIndex(where: { $0.last == UInt8(ascii: "\r") }) { throw .crlfLineEnds(path: path, line: crlf + 1) }
        if let blank = lines.firstIndex(where: \.isEmpty) { throw .blankLine(path: path, line: blank + 1) }
        if blankAtEnd > 0 { throw .trailingBlankLines(path: path, count: blankAtEnd) }
        let header = try parseHeader(Substring(first), path: path)
        struct Line: Codable { let action: Action; let at: String?; let day: Int; let prev: String; let seq: Int }
        let decoder = JSONDecoder()
        var previous = hash(Substring(first).utf8)
        var actions: [LoggedAction] = []
        for (offset, raw) in lines.dropFirst().enumerated() {
            let number = offset + 2
            guard raw.count <= CanonicalLine.maxActionBytes else {
                throw .malformedLine(path: path, line: number, reason: "it is \(raw.count) bytes long, more than any action line (\(CanonicalLine.maxActionBytes))")
            }
            let line: Line
            do { line = try decoder.decode(Line.self, from: Data(raw)) } catch {
                throw .malformedLine(path: path, line: number, reason: describe(error))
            }
            guard line.prev == previous else { throw .chainBroken(path: path, line: number) }
            let canonical = Self.line(for: line.action, sequence: line.seq, day: line.day, previousHash: line.prev, at: line.at)
            if let problem = CanonicalLine.problem(raw: Substring(raw).utf8, canonical: canonical) {
                throw .malformedLine(path: path, line: number, reason: problem)
            }
            guard line.seq == number - 1 else {
                throw .malformedLine(path: path, line: number, reason: "its sequence number is \(line.seq), expected \(number - 1)")
            }
            guard line.day >= 0, line.day <= World.maxDays else {
                throw .malformedLine(path: path, line: number, reason: "its day \(line.day) is outside 0 to \(World.maxDays)")
            }
            actions.append(LoggedAction(sequence: line.seq, day: line.day, previousHash: line.prev, action: line.action, at: line.at))
            previous = hash(Substring(raw).utf8)
        }
        return ActionLog(header: header, actions: actions, headHash: previous)
    }

    /// The header: its JSON, its canonical form, and every field in range (the engine checks the rest when it builds
    /// the world from it: scenario, mode, customers, start date, events).
    static func parseHeader(_ first: Substring, path: String) throws(WorkspaceError) -> WorldHeader {
        guard first.utf8.count <= CanonicalLine.maxHeaderBytes else {
            throw .malformedHeader(path: path, reason: "it is \(first.utf8.count) bytes long, more than a header can be (\(CanonicalLine.maxHeaderBytes))")
        }
        let header: WorldHeader
        do { header = try JSONDecoder().decode(WorldHeader.self, from: Data(first.utf8)) } catch {
            throw .malformedHeader(path: path, reason: describe(error))
        }
        if header.formatVersion > WorldHeader.currentFormatVersion {
            throw .newerFormat(found: header.formatVersion, supported: WorldHeader.currentFormatVersion)
        }
        guard header.formatVersion >= 1 else {
            throw .malformedHeader(path: path, reason: "format_version \(header.formatVersion) is out of range: BorderLab writes 1 to \(WorldHeader.currentFormatVersion)")
        }
        if header.engineVersion != BorderLabVersion.engine {
            throw .otherEngine(found: Clip.value(header.engineVersion), current: BorderLabVersion.engine)
        }
        if let problem = CanonicalLine.problem(raw: first.utf8, canonical: headerLine(header)) {
            throw .malformedHeader(path: path, reason: problem)
        }
        return header
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty { return "it is not valid JSON" }
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            let reason = context.debugDescription.hasSuffix(".") ? String(context.debugDescription.dropLast()) : context.debugDescription
            return Clip.reason("the field '\(field)' is invalid: \(reason)")
        case DecodingError.keyNotFound(let key, _):
            return "the field '\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "the field '\(field)' has the wrong type"
        default:
            return "it is not valid JSON"
        }
    }
}
