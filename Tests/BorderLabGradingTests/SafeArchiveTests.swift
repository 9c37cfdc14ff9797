import Foundation
import Testing
import ZIPFoundation
@testable import BorderLabGrading

/// Hostile archives are rejected with a reason, whatever they claim about themselves, and nothing is written anywhere.
@Suite struct SafeArchiveTests {
    /// Builds a zip in memory from (path, data, compressed) triples; paths go in exactly as given.
    static func zip(_ files: [(String, Data, Bool)], symlink: String? = nil) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data, compressed) in files {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: compressed ? .deflate : .none) { (position: Int64, size: Int) in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        if let symlink {
            try archive.addEntry(with: symlink, type: .symlink, uncompressedSize: Int64(4)) { (_: Int64, _: Int) in Data("/etc".utf8) }
        }
        return try #require(archive.data)
    }

    @Test func aGoodBundleIsReadInMemory() throws {
        let data = try Self.zip([("manifest.json", Data("{}".utf8), true), ("./actions.jsonl", Data("{\"a\":1}\n".utf8), true)])
        let entries = try SafeArchive.read(data, name: "good.zip")
        #expect(entries.map(\.path) == ["manifest.json", "actions.jsonl"])
        #expect(entries[1].data == Data("{\"a\":1}\n".utf8))
    }

    @Test(arguments: ["../escape.txt", "/etc/passwd", "a/../../b", "C:\\Windows\\x", "..\\..\\x"])
    func pathsLeavingTheArchiveAreRejected(path: String) throws {
        let data = try Self.zip([(path, Data("x".utf8), false)])
        #expect(throws: IntakeError.unsafePath("evil.zip", entry: path)) { try SafeArchive.read(data, name: "evil.zip") }
    }

    @Test func symlinksAreRejected() throws {
        let data = try Self.zip([("a.txt", Data("x".utf8), false)], symlink: "link")
        #expect(throws: IntakeError.unsafePath("evil.zip", entry: "link")) { try SafeArchive.read(data, name: "evil.zip") }
    }

    /// 64 MB of zeros deflate to about 64 KB: the ratio limit stops the inflation early (counting bytes produced).
    @Test func aBombIsStoppedByTheBytesItProduces() throws {
        let zeros = Data(count: 64 * 1_024 * 1_024)
        let data = try Self.zip([("actions.jsonl", zeros, true)])
        #expect(data.count < 1_000_000)
        #expect(throws: IntakeError.ratio("bomb.zip", limit: 250)) { try SafeArchive.read(data, name: "bomb.zip") }
        var limits = ArchiveLimits()
        limits.maxRatio = 100_000
        limits.maxEntryBytes = 8 * 1_024 * 1_024
        #expect(throws: IntakeError.entryTooLarge("bomb.zip", entry: "actions.jsonl", limit: 8 * 1_024 * 1_024)) {
            try SafeArchive.read(data, name: "bomb.zip", limits: limits)
        }
    }

    @Test func countlessFilesAreRejected() throws {
        let data = try Self.zip((0..<30).map { ("f\($0).txt", Data("x".utf8), false) })
        var limits = ArchiveLimits()
        limits.maxEntries = 20
        #expect(throws: IntakeError.tooManyEntries("many.zip", limit: 20)) { try SafeArchive.read(data, name: "many.zip", limits: limits) }
    }

    @Test func corruptAndTruncatedArchivesAreRejected() throws {
        #expect(throws: IntakeError.notAnArchive("junk.zip")) { try SafeArchive.read(Data("not a zip".utf8), name: "junk.zip") }
        let good = try Self.zip([("actions.jsonl", Data(repeating: 65, count: 10_000), true)])
        #expect(throws: IntakeError.self) { try SafeArchive.read(good.prefix(good.count / 2), name: "cut.zip") }
    }

    @Test func duplicateNamesAreRejected() throws {
        let data = try Self.zip([("a.txt", Data("1".utf8), false), ("./a.txt", Data("2".utf8), false)])
        #expect(throws: IntakeError.duplicateEntry("dup.zip", entry: "a.txt")) { try SafeArchive.read(data, name: "dup.zip") }
    }

    @Test func longNamesAreClippedInMessages() {
        let message = IntakeError.unsafePath("x.zip", entry: String(repeating: "a", count: 10_000)).description
        #expect(message.count < 300)
    }
}
