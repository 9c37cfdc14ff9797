import Foundation

/// Failures a test injects into a workspace's writes, to show what a full disk does at each step of a command.
///
/// Filling a real disk is slow and needs privileges; running as root (as the tests do) ignores permissions. So the
/// workspace asks this hook before each write it makes, and a test makes the chosen step fail like `ENOSPC` would.
/// Real runs have no faults (``Workspace/faults`` is nil).
struct WorkspaceFaults: Sendable {
    enum Step: Sendable, Equatable {
        /// Writing `.sandbox.sqlite.tmp`, before the action is appended.
        case projection
        /// Appending the action's line to `actions.jsonl`.
        case append
        /// Renaming the prepared projection over `sandbox.sqlite`, after the append.
        case rename
        /// Writing a whole file (the log's header or `borderlab.yaml` at `new`).
        case writeFile(String)
    }

    /// The steps that fail.
    var failing: [Step]

    func check(_ step: Step) throws(DiskFullError) {
        if failing.contains(step) { throw DiskFullError() }
    }
}

/// The error a ``WorkspaceFaults`` step throws: what `ENOSPC` reads like.
struct DiskFullError: LocalizedError, CustomStringConvertible {
    var description: String { "No space left on device (injected by a test)" }
    var errorDescription: String? { description }
}

extension WorkspaceError {
    /// The reason alone, for wrapping in another message.
    var reasonText: String {
        switch self {
        case .io(_, let reason): return reason
        default: return description
        }
    }
}
