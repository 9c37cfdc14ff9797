import Foundation
import Testing
@testable import BorderLabCLI
import BorderLabExercises

/// The student loop through the command line: exit codes and what lands on disk.
@Suite struct ExerciseCLITests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-excli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: String...) -> Int32 { CLIRunner.main(arguments) }

    @Test func worldOptionsAreRefusedWithAnExercise() {
        for option in [["--scenario", "cn-import"], ["--mode", "daigou"], ["--seed", "3"], ["--customers", "10"], ["--start-date", "2026-10-20"]] {
            let arguments = ["new", folder + "/ws", "--exercise", "cbec-101/aql-inspection-plan", "--student", "s1"] + option
            #expect(CLIRunner.main(arguments) == 2)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/ws"))
    }

    @Test func unknownExerciseExitsTwo() {
        #expect(run("new", folder + "/ws", "--exercise", "cbec-101/nope", "--student", "s1") == 2)
        #expect(run("exercises", "show", "nope/nope") == 2)
    }

    @Test func checkOutsideAWorkspaceExitsTwo() {
        #expect(run("check", "--workspace", folder) == 2)
        #expect(run("new", folder + "/free", "--scenario", "cn-import", "--customers", "10") == 0)
        #expect(run("check", "--workspace", folder + "/free") == 2)
    }

    @Test func loopFromNewToSubmit() throws {
        let ws = folder + "/aql"
        #expect(run("new", ws, "--exercise", "cbec-101/aql-inspection-plan", "--student", "s1", "--lang", "zh-CN") == 0)
        let readme = try String(contentsOfFile: ws + "/README.md", encoding: .utf8)
        #expect(readme.contains("任务 1"))
        #expect(run("check", "--workspace", ws) == 1)
        #expect(run("hint", "--workspace", ws) == 0)
        #expect(run("answer", "sample-size", "abc", "--workspace", ws) == 2)
        #expect(run("answer", "sample-size", "-3", "--workspace", ws) == 0)
        #expect(run("answer", "decision", "accept", "--workspace", ws) == 0)
        #expect(run("progress", "--workspace", ws) == 0)
        #expect(run("submit", "--workspace", ws, "--out", folder + "/out") == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/out/cbec-101-aql-inspection-plan-s1.zip"))
        #expect(run("reset", "--workspace", ws) == 0)
        #expect(run("exercises", "list", "--json") == 0)
        #expect(run("exercises", "validate") == 0)
    }

    @Test func drillReportIsWritten() throws {
        let ws = folder + "/drill"
        #expect(run("exercises", "solve", "onboarding/singles-day-rush", ws, "--student", "s1") == 0)
        #expect(run("report", ws, "--out", folder + "/report") == 0)
        let html = try String(contentsOfFile: folder + "/report/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(!html.contains("<script") && !html.contains("http"))
        #expect(run("check", "--workspace", ws) == 0)
    }
}

extension ExerciseCLITests {
    @Test func listJSONHasTheDocumentedShape() throws {
        #expect(run("exercises", "list", "--json") == 0)
        let data = Data(BorderLab.Exercises.json(ExerciseOptions.library(nil)).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(object["exercises"] as? [[String: Any]])
        let first = try #require(items.first)
        for key in ["id", "course", "exercise", "module", "kind", "title", "paper_section", "competencies", "minutes"] {
            #expect(first[key] != nil, "\(key)")
        }
        #expect((first["title"] as? [String: String])?["zh-CN"] != nil)
        #expect(items.contains { $0["id"] as? String == "onboarding/singles-day-rush" && $0["kind"] as? String == "drill" })
    }
}

extension ExerciseCLITests {
    @Test func nextCreatesTheFollowingExerciseBesideThisOne() throws {
        let first = folder + "/landed-cost-routes"
        #expect(run("new", first, "--exercise", "cbec-101/landed-cost-routes", "--student", "s9") == 0)
        #expect(run("next", "--workspace", first) == 0)
        let second = try #require(ExerciseOptions.library(nil).course("cbec-101")?.exerciseIDs[1])
        let yaml = try String(contentsOfFile: folder + "/\(second)/borderlab.yaml", encoding: .utf8)
        #expect(yaml.contains("exercise: \(second)") && yaml.contains("student: \"s9\""))
        #expect(run("progress", "--workspace", folder + "/\(second)") == 0)
    }
}

/// A workspace remembers the content folder and the language chosen at `new`.
@Suite struct LoopPreferencesCLITests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-prefs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/content/courses/override-101", withIntermediateDirectories: true)
        // An instructor's own course, only in their folder; its exercise comes from the shipped content.
        let course = """
            id: override-101
            title: {en: "An instructor's own course", zh-CN: "教师自己的课程"}
            variant_salt: "own-salt"
            hint_policy: {cost_per_hint: 0}
            competencies: [peak-operations, pricing, inventory]
            modules:
              - id: m1
                title: {en: "Module", zh-CN: "模块"}
                weight: 1
                exercises: [price-check-drill]
            """
        try course.write(toFile: folder + "/content/courses/override-101/course.yaml", atomically: true, encoding: .utf8)
    }

    @Test func laterCommandsFindTheOverrideFolderAndSpeakTheChosenLanguage() throws {
        let ws = folder + "/ws"
        #expect(CLIRunner.main(["new", ws, "--exercise", "override-101/price-check-drill", "--student", "s1",
                                "--content", folder + "/content", "--lang", "zh-CN"]) == 0)
        let saved = LoopPreferences.read(root: ws)
        #expect(saved.language == "zh-CN")
        #expect(saved.content == folder + "/content")
        // Without --content the course is found again (exit 1: an untouched exercise fails a check; 2 would be "no exercise").
        #expect(CLIRunner.main(["check", "--workspace", ws]) == 1)
        #expect(CLIRunner.main(["hint", "--workspace", ws]) == 0)
        #expect(try ExerciseOptions.language(nil, workspace: ws) == .zh)
        // --lang still wins for one command.
        #expect(try ExerciseOptions.language("en", workspace: ws) == .en)
    }

    @Test func aDefaultWorkspaceSavesNothing() throws {
        let ws = folder + "/plain"
        #expect(CLIRunner.main(["new", ws, "--exercise", "onboarding/price-check-drill", "--student", "s1"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: ws + "/.borderlab/loop.json"))
    }
}
