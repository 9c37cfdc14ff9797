import BorderLabCore
import BorderLabStore
import Foundation

/// `borderlab progress` and `next`: the course as the sibling folders of the current workspace show it.
public struct CourseProgress: Sendable {
    public enum State: Sendable, Equatable {
        case notStarted
        case inProgress(passing: Int, of: Int)
        case submitted(passing: Int, of: Int)
    }
    public struct Entry: Sendable {
        public let module: CourseDefinition.Module
        public let exercise: ExerciseDefinition
        public let folder: String?
        public let state: State
    }
    public let course: CourseDefinition
    public let student: String
    public let entries: [Entry]

    /// The first exercise after the current one not yet started (else the first not started at all).
    public func next(after current: String) -> Entry? {
        let ids = entries.map(\.exercise.id)
        let start = (ids.firstIndex(of: current) ?? -1) + 1
        return (entries[start...] + entries[..<start]).first { $0.state == .notStarted }
    }

    /// Reads the sibling workspaces of `session` (same course and student) and their submission bundles.
    public static func read(_ session: ExerciseSession, library: ContentLibrary) -> CourseProgress {
        let parent = URL(fileURLWithPath: session.workspace.root).deletingLastPathComponent().path
        var folders: [String: String] = [:]
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted() {
            let path = parent + "/" + name
            guard let log = try? ActionLog.read(at: path + "/actions.jsonl"), let stamp = log.header.exercise,
                  stamp.course == session.course.id, stamp.student == session.stamp.student else { continue }
            if folders[stamp.exercise] == nil || name == stamp.exercise { folders[stamp.exercise] = path }
        }
        var entries: [Entry] = []
        for module in session.course.modules {
            for id in module.exercises {
                guard let exercise = library.exercises[id] else { continue }
                var state = State.notStarted
                if let folder = folders[id] {
                    let visible = exercise.checks.filter { !$0.hidden }.count
                    let passing = (try? ExerciseWorkspace.open(Workspace(root: folder), course: session.course, exercise: exercise)
                        .check(includeHidden: false, language: .en).checks.filter(\.passed).count) ?? 0
                    let stamp = ExerciseStamp(course: session.course.id, exercise: id, student: session.stamp.student, definitionHash: "", variant: [:])
                    let bundled = FileManager.default.fileExists(atPath: parent + "/" + Submission.fileName(stamp))
                    state = bundled ? .submitted(passing: passing, of: visible) : .inProgress(passing: passing, of: visible)
                }
                entries.append(Entry(module: module, exercise: exercise, folder: folders[id], state: state))
            }
        }
        return CourseProgress(course: session.course, student: session.stamp.student, entries: entries)
    }
}
