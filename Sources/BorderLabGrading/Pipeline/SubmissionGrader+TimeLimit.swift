import Foundation

extension SubmissionGrader {
    /// Grades one candidate on its own thread under the policy's time limit.
    ///
    /// The grader checks the limit between steps and stops itself; should one step never return (a replay step or a
    /// query SQLite cannot interrupt), the run stops waiting a little after the limit, rejects the submission with the
    /// reason and goes on, and the abandoned grader stops at its next check.
    ///
    /// - Returns: the verdict, or a rejection naming the time limit.
    func gradeWithinTimeLimit(_ candidate: Candidate) -> GradedSubmission {
        gradeWithinTimeLimit(candidate) { [self] deadline in grade(candidate, deadline: deadline) }
    }

    /// The same with the grading work given (tests give work that never returns).
    func gradeWithinTimeLimit(_ candidate: Candidate, work: @escaping @Sendable (GradingDeadline) -> GradedSubmission) -> GradedSubmission {
        let deadline = GradingDeadline(seconds: policy.timeLimitSeconds)
        let slot = Slot()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            slot.set(work(deadline))
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        let slack = min(5, max(0.25, policy.timeLimitSeconds * 0.1))
        if done.wait(timeout: .now() + policy.timeLimitSeconds + slack) == .timedOut {
            deadline.abandon()
            var result = GradedSubmission(source: candidate.source, sha256: candidate.sha256,
                                          student: rosterStudent(candidate.identity)?.studentID ?? candidate.identity.map { "\($0.system.rawValue)-\($0.id)" } ?? "",
                                          workspaceStudent: "", exercise: forced ?? "", status: .rejected, score: nil, maxScore: 0,
                                          identity: candidate.identity)
            result.reason = deadline.reason(during: "a step that did not return")
            return result
        }
        return slot.value!
    }

    /// One grader thread's verdict.
    final class Slot: @unchecked Sendable {
        private let lock = NSLock()
        private var result: GradedSubmission?
        func set(_ r: GradedSubmission) { lock.lock(); result = r; lock.unlock() }
        var value: GradedSubmission? { lock.lock(); defer { lock.unlock() }; return result }
    }
}
