import BorderLabExercises
import Foundation
import Testing
@testable import BorderLabGrading

/// Opens a simulated class's report.html in headless Chromium (Debian's `chromium` package) and keeps a screenshot
/// in the temporary folder; skipped where Chromium is not installed.
@Suite struct ReportScreenshotTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "headless Chromium is not installed"))
    func theReportRendersInHeadlessChromium() throws {
        let library = ContentLibrary.load(roots: ContentLibrary.searchRoots(explicit: nil))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("grading-screenshot").path
        try? FileManager.default.removeItem(atPath: dir)
        _ = try ClassSimulator.run(library: library, exercise: "cbec-101/first-bonded-shipment", students: 10, seed: 1, out: dir)
        var o = GradingRun.Options(inputs: [dir + "/moodle.zip"], out: dir + "/graded", contentRoots: library.roots)
        o.roster = try Roster.read(path: dir + "/roster.csv")
        _ = try GradingRun(options: o).run()
        let shot = dir + "/report.png"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,2200",
                             "--screenshot=\(shot)", "file://\(dir)/graded/report.html"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let size = (try FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
        #expect(size > 10_000, "the screenshot at \(shot) is empty")
    }
}
