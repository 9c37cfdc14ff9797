import Foundation
import Testing
@testable import BorderLabGrading

/// The late policy and the LMS file names, worked by hand.
@Suite struct GradingPolicyTests {
    static func iso(_ s: String) -> Date { ISO8601DateFormatter().date(from: s)! }

    @Test func latenessCountsStartedDaysAfterGraceAndCapsThePenalty() throws {
        let policy = try GradingPolicy.parse("""
            deadline: "2026-12-01T23:59:00Z"
            grace_minutes: 10
            penalty_per_day: 0.1
            penalty_cap: 0.25
            extensions: {s7: "2026-12-04T23:59:00Z"}
            """, file: "policy.yaml")
        // 00:05 on 2 Dec is 6 minutes after the deadline: inside the 10-minute grace.
        #expect(policy.lateDays(student: "s1", submitted: Self.iso("2026-12-02T00:05:00Z")) == 0)
        // 3 Dec 00:30 is 24 h 31 min after the deadline, 24 h 21 min after grace: two started days.
        #expect(policy.lateDays(student: "s1", submitted: Self.iso("2026-12-03T00:30:00Z")) == 2)
        // 8 points, 2 days at 10 % = 20 % off → 6.4; 5 days would be 50 % but the cap is 25 % → 6.
        #expect(abs(policy.penalised(8, lateDays: 2) - 6.4) < 1e-9)
        #expect(policy.penalised(8, lateDays: 5) == 6)
        // s7's extension moves their deadline to 4 Dec: the same 3 Dec time is on time.
        #expect(policy.lateDays(student: "s7", submitted: Self.iso("2026-12-03T00:30:00Z")) == 0)
        #expect(policy.lateDays(student: "s1", submitted: nil) == 0)
    }

    @Test func theZeroLatePolicyAndTheTimeLimitAreSettings() throws {
        let zero = try GradingPolicy.parse("late_policy: zero\ntime_limit_seconds: 2.5\n", file: "p.yaml")
        #expect(zero.latePolicy == .zero && zero.timeLimitSeconds == 2.5)
        #expect(zero.penalised(8, lateDays: 1) == 0 && zero.penalised(8, lateDays: 0) == 8)
        let defaults = try GradingPolicy.parse("deadline: \"2026-12-01T23:59:00Z\"", file: "p.yaml")
        #expect(defaults.latePolicy == .perDay && defaults.timeLimitSeconds == 60)
        #expect(abs(defaults.penalised(8, lateDays: 1) - 7.2) < 1e-9)
    }

    @Test(arguments: ["late_policy: forgive", "time_limit_seconds: 0", "time_limit_seconds: -1", "time_limit_seconds: soon",
                      "time_limit_seconds: 100000"])
    func badLatePoliciesAndTimeLimitsAreRefused(line: String) {
        #expect(throws: GradingUsageError.self) { try GradingPolicy.parse(line, file: "p.yaml") }
    }

    @Test func unknownSettingsAndBadValuesAreRefused() {
        #expect(throws: GradingUsageError.self) { try GradingPolicy.parse("dedline: 2026-12-01", file: "p.yaml") }
        #expect(throws: GradingUsageError.self) { try GradingPolicy.parse("deadline: tomorrow", file: "p.yaml") }
        #expect(throws: GradingUsageError.self) { try GradingPolicy.parse("flags: {chain: forgive}", file: "p.yaml") }
        #expect(throws: GradingUsageError.self) { try GradingPolicy.parse("[unclosed", file: "p.yaml") }
    }

    @Test func theRepositoryPolicyParses() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../grading/policy.yaml").path
        let policy = try GradingPolicy.load(path: path)
        #expect(policy.deadline == Self.iso("2026-12-01T23:59:00Z"))
        #expect(policy.action(for: "chain") == .zero)
        #expect(policy.action(for: "clock") == .review)
        #expect(policy.action(for: "actions") == .review)
        #expect(policy.latePolicy == .perDay && policy.timeLimitSeconds == 60)
    }

    @Test func moodleAndCanvasNamesSayWhoHandedIn() {
        #expect(LMSNames.moodle("Ann Lee_12345_assignsubmission_file_") == LMSIdentity(system: .moodle, id: "12345", name: "Ann Lee"))
        #expect(LMSNames.moodle("王芳_77_assignsubmission_file_bundle.zip")?.id == "77")
        #expect(LMSNames.moodle("Participant_4711_assignsubmission_file_x.zip") == LMSIdentity(system: .moodle, id: "4711", name: "Participant"))
        #expect(LMSNames.moodle("random.zip") == nil)
        #expect(LMSNames.canvas("leeann_late_5001_900001_cbec-101-x-s001.zip") == LMSIdentity(system: .canvas, id: "5001", name: "leeann", markedLate: true))
        #expect(LMSNames.canvas("leeann_5001_900001_bundle.zip")?.markedLate == false)
        #expect(LMSNames.canvas("cbec-101-x-s001.zip") == nil)
        #expect(LMSNames.identity(ofPath: "Ann_12_assignsubmission_file_/b.zip")?.id == "12")
    }
}
