import Foundation
import Testing
@testable import BorderLabGrading

/// The quality report is one self-contained file with its charts and statistics, and it escapes what students wrote.
@Suite struct QualityReportTests {
    static func report(students: Int = 40) -> QualityReport {
        let checks = [
            QualityReport.CheckInfo(id: "landed-cost", competency: "logistics", paperSection: "innovation.service-system", maxPoints: 4),
            QualityReport.CheckInfo(id: "route-choice", competency: "logistics", paperSection: "innovation.service-system", maxPoints: 2),
            QualityReport.CheckInfo(id: "sql-margin", competency: "data-analysis", paperSection: "innovation.big-data", maxPoints: 4),
            QualityReport.CheckInfo(id: "memo", competency: "communication", paperSection: "modes.b2c-comprehensive", maxPoints: 2),
        ]
        var graded: [(student: String, points: [Double])] = []
        var records: [GradeRecord] = []
        for i in 0..<students {
            let skill = Double(i % 10) / 9
            let points = [(4 * skill).rounded(), skill > 0.3 ? 2 : 0, skill > 0.6 ? 4 : 1, 2]
            let id = "s\(i)"
            graded.append((id, points))
            records.append(GradeRecord(student: RosterEntry(studentID: id), exercise: "cbec-101/x", source: "\(id).zip",
                                       status: .graded, score: points.reduce(0, +), maxScore: 12))
        }
        records.append(GradeRecord(student: RosterEntry(studentID: "<script>alert(1)</script>"), exercise: "cbec-101/x",
                                   source: "evil<b>.zip", status: .rejected, score: nil, maxScore: 12, reason: "not a zip archive"))
        let corpus = PlantedCorpus(students: 40, seed: 4)
        var settings = SimilarityCheck.Settings()
        settings.schemaNames = PlantedCorpus.schemaNames
        let similarity = SimilarityCheck(settings: settings).run(corpus.submissions, excluded: corpus.reference)
        return QualityReport(title: "cbec-101/landed-cost", generated: "2026-12-04 16:00 UTC", checks: checks, graded: graded,
                             records: records, flags: [.init(student: "s3", kind: "integrity", policy: "review",
                                                             reason: "recorded times run backwards at line 7")],
                             similarity: similarity,
                             earlier: [.init(label: "2025 autumn", shareByCompetency: ["logistics": 0.55, "data-analysis": 0.4])])
    }

    @Test func theReportIsSelfContained() throws {
        let html = Self.report().html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("http://") && !html.contains("https://"), "nothing is loaded from elsewhere")
        #expect(!html.contains("<script"), "what students wrote is escaped, and the report has no scripts")
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3, "histogram and two bar charts")
        #expect(html.contains("Cronbach"))
        #expect(html.contains("recorded times run backwards"))
        #expect(html.contains("2025 autumn"))
        #expect(html.contains("Similar work") && html.contains("<details>"))
    }

    @Test func weakestCompetencyComesFirst() throws {
        let shares = Self.report().shares { $0.competency }
        #expect(shares.first?.label == "data-analysis")
        #expect(shares.last?.label == "communication")
        #expect(shares.last?.value == 1)
    }

    @Test func fewSubmissionsAreMarkedUnreliable() {
        #expect(Self.report(students: 8).html().contains("unreliable"))
        #expect(!Self.report(students: 40).html().contains("unreliable"))
    }

    /// Looks at the report as a person would: headless Chromium renders it to a PNG kept beside the test outputs.
    /// Skipped where Chromium is not installed (`apt-get install chromium`).
    @Test func rendersInHeadlessChromium() throws {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        guard let browser = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("report.html"), shot = folder.appendingPathComponent("report.png")
        try Self.report().html().write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1100,2400",
                             "--screenshot=\(shot.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "a rendered page, not an empty image")
    }
}
