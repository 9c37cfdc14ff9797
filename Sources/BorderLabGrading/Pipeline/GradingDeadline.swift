import Foundation

/// The time one submission may take. The grader checks it between steps (after parsing, between replayed actions,
/// before the checks) and stops with a refusal; the run also stops waiting for a grader past it, so even a step that
/// never returns cannot stall the batch.
final class GradingDeadline: @unchecked Sendable {
    let seconds: Double
    private let end: UInt64
    private let lock = NSLock()
    private var abandoned = false

    init(seconds: Double) {
        self.seconds = seconds
        end = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, min(seconds, 86_400)) * 1_000_000_000)
    }

    /// True once the time is up or the run has stopped waiting.
    var expired: Bool {
        lock.lock(); defer { lock.unlock() }
        return abandoned || DispatchTime.now().uptimeNanoseconds >= end
    }

    /// The run stopped waiting: the grader should stop at its next check.
    func abandon() { lock.lock(); abandoned = true; lock.unlock() }

    /// How every time-limit reason begins (a rerun grades such a submission again rather than reuse the verdict).
    static let reasonPrefix = "grading took longer than the time limit"

    /// The reason a submission past its time gets in grades.csv.
    func reason(during step: String) -> String {
        Self.reasonPrefix + " of \(CSVText.number(seconds)) s (\(step)); not graded. "
            + "Raise time_limit_seconds in the policy or --time-limit if this exercise is that slow."
    }
}
