import BorderLabExercises
import Foundation

/// "Another student's actions applied to this variant": a log that verifies, made in the student's own workspace, whose
/// actions are exactly another student's — with values of the other student's variant in them (their SKU, their
/// quantity, their price) that this student's variant does not have. Typing a classmate's commands is the one copy a
/// replay cannot refuse; this is what it leaves.
enum ReplayedActionsCheck {
    /// A student's counted actions, with the variant values the workspace was made for.
    struct Entry {
        let index: Int
        let student: String
        let text: String
        let values: Set<String>
    }

    /// Flags `copy`/`actions` on each counted submission whose action sequence equals that of a student with another
    /// variant and carries more of the values only that variant has than of its own. The student whose values they
    /// are is not flagged by this (their own values are in their own actions).
    static func flag(_ results: inout [GradedSubmission], library: ContentLibrary, policy: GradingPolicy) {
        var entries: [Entry] = []
        for (i, r) in results.enumerated() where r.status == .graded {
            guard let text = r.artefacts.first(where: { $0.kind == ArtefactKind.actions.rawValue })?.text, !text.isEmpty,
                  let (course, exercise) = try? library.resolve(r.exercise) else { continue }
            let variant = Variant.draw(salt: course.variantSalt, exercise: exercise, student: r.workspaceStudent)
            entries.append(Entry(index: i, student: r.student, text: r.exercise + "\n" + text, values: Set(variant.values.values)))
        }
        var groups: [String: [Entry]] = [:]
        for e in entries { groups[e.text, default: []].append(e) }
        for (_, group) in groups.sorted(by: { $0.key < $1.key }) where group.count > 1 {
            let words = Set(tokens(group[0].text))
            for me in group {
                // The first other student more of whose own variant's values are in these actions than of mine
                // (a number of mine may be there by chance: `advance 60` when my quantity is 60).
                for other in group where other.student != me.student && other.values != me.values {
                    let foreign = other.values.subtracting(me.values).filter { words.contains($0) }.sorted()
                    let own = me.values.subtracting(other.values).filter { words.contains($0) }
                    guard foreign.count > own.count else { continue }
                    results[me.index].flags.append(GradeFlag(
                        category: "copy", code: "actions", action: policy.action(for: "actions"),
                        reason: "the same actions as \(other.student), with their variant's \(foreign.joined(separator: ", ")) (not this student's): another student's actions applied to this variant"))
                    results[me.index].applyFlagPolicies()
                    break
                }
            }
        }
    }

    /// Runs of letters, digits, `-` and `_`: `list JP-COS-01 140.00 CNY` → `list`, `JP-COS-01`, `140`, `00`, `CNY`.
    static func tokens(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }.map(String.init)
    }
}
