import Foundation
import ZIPFoundation

/// Limits on what one archive may unpack to. They count the bytes actually produced while inflating, never the sizes
/// an archive claims, so a bomb with forged headers is stopped as early as an honest big file.
public struct ArchiveLimits: Sendable {
    public var maxEntries = 5_000
    public var maxEntryBytes = 32 * 1_024 * 1_024
    public var maxTotalBytes = 128 * 1_024 * 1_024
    /// Unpacked bytes per packed byte over the whole archive (a submission is text: JSON lines compress about 10:1).
    public var maxRatio = 250
    public init() {}
}

/// One file from an archive, held in memory: nothing from a student's archive is ever written where a path inside it
/// points.
public struct ArchiveEntry: Sendable, Equatable {
    /// The path inside the archive: relative, `/`-separated, with no `..`, `.` or empty parts.
    public let path: String
    public let data: Data
    /// The entry's modification time as the zip records it (evidence of when it was made, weaker than an LMS's).
    public let modified: Date?
}

/// Why an archive was rejected; each names the archive and what to do.
public enum IntakeError: Error, Equatable, CustomStringConvertible {
    case notAnArchive(String)
    case tooManyEntries(String, limit: Int)
    case entryTooLarge(String, entry: String, limit: Int)
    case tooLarge(String, limit: Int)
    case ratio(String, limit: Int)
    case unsafePath(String, entry: String)
    case duplicateEntry(String, entry: String)
    case corrupt(String, entry: String, reason: String)

    public var description: String {
        switch self {
        case .notAnArchive(let name): "\(name): not a zip archive (or damaged beyond reading). Ask for the file to be uploaded again."
        case .tooManyEntries(let name, let limit): "\(name): more than \(limit) files; a submission holds three. Rejected unread."
        case .entryTooLarge(let name, let entry, let limit): "\(name): '\(Clip.text(entry))' unpacks to more than \(limit / 1_048_576) MB. Rejected."
        case .tooLarge(let name, let limit): "\(name): unpacks to more than \(limit / 1_048_576) MB in all. Rejected."
        case .ratio(let name, let limit): "\(name): unpacks to more than \(limit) times its size (an archive bomb). Rejected."
        case .unsafePath(let name, let entry): "\(name): the entry '\(Clip.text(entry))' points outside the archive (absolute, `..` or a link). Rejected."
        case .duplicateEntry(let name, let entry): "\(name): '\(Clip.text(entry))' appears twice. Rejected."
        case .corrupt(let name, let entry, let reason): "\(name): '\(Clip.text(entry))' cannot be unpacked (\(reason)). Ask for the file to be uploaded again."
        }
    }
}

/// Echoed names are cut, so a hostile 10 MB file name does not become a 10 MB error message.
enum Clip {
    static func text(_ value: String, limit: Int = 80) -> String {
        value.count <= limit ? value : String(value.prefix(limit)) + "…"
    }
}

public enum SafeArchive {
    /// Reads every file of a zip archive into memory within `limits`.
    ///
    /// - Parameter name: how the archive is named in errors (its file name in the class folder).
    /// - Throws: ``IntakeError`` at the first limit passed or unsafe entry; nothing is kept of a rejected archive.
    public static func read(_ data: Data, name: String, limits: ArchiveLimits = ArchiveLimits()) throws(IntakeError) -> [ArchiveEntry] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw .notAnArchive(name) }
        var entries: [ArchiveEntry] = []
        var seen = Set<String>()
        var total = 0
        var count = 0
        let ratioBudget = max(limits.maxEntryBytes / 8, data.count * limits.maxRatio)
        for entry in archive {
            count += 1
            guard count <= limits.maxEntries else { throw .tooManyEntries(name, limit: limits.maxEntries) }
            let raw = entry.path
            if entry.type == .symlink { throw .unsafePath(name, entry: raw) }
            guard let path = safePath(raw) else { throw .unsafePath(name, entry: raw) }
            if entry.type == .directory { continue }
            guard seen.insert(path).inserted else { throw .duplicateEntry(name, entry: path) }
            var content = Data()
            var limitError: IntakeError?
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    content.append(chunk)
                    total += chunk.count
                    if content.count > limits.maxEntryBytes { limitError = .entryTooLarge(name, entry: path, limit: limits.maxEntryBytes) }
                    else if total > limits.maxTotalBytes { limitError = .tooLarge(name, limit: limits.maxTotalBytes) }
                    else if total > ratioBudget { limitError = .ratio(name, limit: limits.maxRatio) }
                    if limitError != nil { throw CancellationError() }
                }
            } catch {
                if let limitError { throw limitError }
                throw .corrupt(name, entry: path, reason: "\(error)")
            }
            entries.append(ArchiveEntry(path: path, data: content, modified: entry.fileAttributes[.modificationDate] as? Date))
        }
        return entries
    }

    /// The entry's path made relative and checked: nil for an absolute path, a drive letter, or any `..` part.
    static func safePath(_ raw: String) -> String? {
        let unified = raw.replacingOccurrences(of: "\\", with: "/")
        guard !unified.hasPrefix("/"), !unified.contains("\0") else { return nil }
        if unified.count >= 2, unified.dropFirst().first == ":" { return nil }
        var parts: [Substring] = []
        for part in unified.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            parts.append(part)
        }
        guard !parts.isEmpty else { return unified.hasSuffix("/") ? "" : nil }
        return parts.joined(separator: "/")
    }
}
