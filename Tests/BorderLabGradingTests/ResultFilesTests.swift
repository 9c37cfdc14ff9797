import Foundation
import Testing
@testable import BorderLabGrading

/// `results/<student>.json` as each submission is graded, every file whole.
@Suite(.serialized) struct ResultFilesTests {
    @Test func eachResultIsOnDiskWholeAsSoonAsItsSubmissionIsGraded() throws {
        let dir = GradingPipelineTests.folder("results")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sim = try ClassSimulator.run(library: GradingPipelineTests.library, exercise: GradingPipelineTests.exercise, students: 8, seed: 4, out: dir)
        var o = GradingPipelineTests.options([dir + "/moodle.zip"], out: dir + "/graded")
        o.roster = try Roster.read(path: dir + "/roster.csv")
        o.jobs = 1
        let folder = dir + "/graded/results"
        let seen = Seen()
        // The progress line is printed after the grade is stored: by then its student's file is there and parses,
        // and so does every other file in the folder (no half-written file is ever visible under its name).
        _ = try GradingRun(options: o).run { line in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            let whole = names.filter { $0.hasSuffix(".json") }.allSatisfy { name in
                (try? JSONDecoder().decode(GradedSubmission.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))) != nil
            }
            // "[3/8] moodle.zip:Name_100003_…/bundle.zip — s003 10/10"
            let student = line.components(separatedBy: " — ").last?.split(separator: " ").first.map(String.init) ?? "?"
            seen.add(whole: whole, present: names.contains(student + ".json"), count: names.filter { $0.hasSuffix(".json") }.count)
        }
        let graded = sim.students.filter { $0.bot != .corrupt }.count
        #expect(seen.lines.count == graded)
        #expect(seen.lines.allSatisfy { $0.whole && $0.present }, "\(seen.lines)")
        // One more file per progress line (each student hands in once), before the batch ended.
        #expect(seen.lines.map(\.count) == Array(1...graded))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!left.contains { $0.hasSuffix(".tmp") })
    }

    @Test func anAtomicWriteReplacesTheWholeFileAndLeavesNoTemporaryFile() throws {
        let dir = GradingPipelineTests.folder("atomic")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.json"
        try ResultFiles.writeAtomically(Data(String(repeating: "x", count: 100_000).utf8), to: path)
        try ResultFiles.writeAtomically(Data("{}".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.json"])
        #expect(throws: (any Error).self) { try ResultFiles.writeAtomically(Data(), to: dir + "/missing/b.json") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.json"])
    }

    /// What the progress callback saw, line by line.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var lines: [(whole: Bool, present: Bool, count: Int)] = []
        func add(whole: Bool, present: Bool, count: Int) { lock.lock(); lines.append((whole, present, count)); lock.unlock() }
    }
}
