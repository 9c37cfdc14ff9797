#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `results/<student>.json`, written as each submission is graded, so a run killed mid-batch leaves the grades it made
/// (and the history resumes from them). Each file is written whole: a temporary file in the same folder, then a rename.
final class ResultFiles: @unchecked Sendable {
    let folder: String
    private let lock = NSLock()
    /// Per file name, the rank of the verdict written: a graded submission is not replaced by a rejected one mid-run
    /// (the class-wide steps at the end write the final verdicts).
    private var ranks: [String: Int] = [:]

    init(out: String) throws {
        folder = out + "/results"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }()

    static func rank(_ s: GradeRecord.Status) -> Int { s == .graded ? 2 : s == .superseded ? 1 : 0 }

    /// What the file written for each name says, in brief: the final pass rewrites only files whose verdict changed.
    private var written: [String: String] = [:]

    /// Writes one student's provisional result unless a better verdict for them was written in this run.
    func write(_ r: GradedSubmission) throws {
        guard !r.student.isEmpty else { return }
        let name = GradingOutputs.safeName(r.student)
        lock.lock(); defer { lock.unlock() }
        if let have = ranks[name], have > Self.rank(r.status) { return }
        ranks[name] = Self.rank(r.status)
        written[name] = nil
        try Self.writeAtomically(try Self.encoder.encode(r), to: folder + "/" + name + ".json")
        written[name] = Self.signature(r)
    }

    /// True when the file for `r`'s student already holds this verdict (the class-wide steps changed nothing in it).
    func holds(_ r: GradedSubmission) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return written[GradingOutputs.safeName(r.student)] == Self.signature(r)
    }

    /// Everything the class-wide steps can change in a verdict, and which submission it is.
    static func signature(_ r: GradedSubmission) -> String {
        [r.source, r.sha256, r.student, r.status.rawValue, r.score.map { "\($0)" } ?? "-", r.reason,
         r.flags.map { "\($0.code)/\($0.action.rawValue)/\($0.reason)" }.joined(separator: "\u{1}")].joined(separator: "\u{0}")
    }

    /// Writes `data` to a temporary file beside `path` and renames it over `path`: readers see the old file or the
    /// new one, never a part.
    ///
    /// - Throws: the write's or the rename's error; the temporary file is removed.
    static func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp").path
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
