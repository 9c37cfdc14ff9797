import Foundation
import Yams

/// A course: modules of exercises in order, weights, the competencies it teaches, its hint policy and the per-term salt.
public struct CourseDefinition: Sendable {
    public struct Module: Sendable {
        public let id: String
        public let title: LocalizedText
        public let exercises: [String]
        public let weight: Double
    }
    public let id: String
    public let title: LocalizedText
    public let modules: [Module]
    public let competencies: [String]
    /// Points taken off per hint layer used (0: hints are free). Grading applies it; `check` shows it.
    public let hintCost: Double
    /// Changed by the instructor each term so last term's variants (and answers) do not carry over.
    public let variantSalt: String
    public let file: String

    /// Exercise ids in course order.
    public var exerciseIDs: [String] { modules.flatMap(\.exercises) }
    public func module(of exercise: String) -> Module? { modules.first { $0.exercises.contains(exercise) } }

    static func parse(_ text: String, file: String, folderName: String) -> (CourseDefinition?, [DefinitionProblem]) {
        let y = YAMLFields(file: file)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return (nil, [DefinitionProblem(file: file, line: nil, field: "file", problem: "not valid YAML: \(error)")])
        }
        let top = y.mapping(root, "", allowed: ["id", "title", "modules", "competencies", "hint_policy", "variant_salt"])
        let id = y.string(top, "id", "") ?? folderName
        if id != folderName { y.note(top["id"], "id", "must equal the folder name '\(folderName)'") }
        if !Identifier.isValid(id) { y.note(top["id"], "id", "must match [a-z0-9-]+") }
        let title = y.text(top, "title", "")
        let competencies = y.strings(top, "competencies", "")
        let policy = y.mapping(top["hint_policy"], "hint_policy", allowed: ["cost_per_hint"])
        let cost = y.double(policy, "cost_per_hint", "hint_policy", required: false) ?? 0
        let salt = y.string(top, "variant_salt", "") ?? ""
        if salt.isEmpty { y.note(top["variant_salt"], "variant_salt", "must not be empty") }
        var modules: [Module] = []
        for (i, node) in y.sequence(top, "modules", "").enumerated() {
            let field = "modules[\(i)]"
            let m = y.mapping(node, field, allowed: ["id", "title", "exercises", "weight"])
            let mid = y.string(m, "id", field) ?? ""
            if !Identifier.isValid(mid) { y.note(m["id"], field + ".id", "must match [a-z0-9-]+") }
            let exercises = y.strings(m, "exercises", field)
            for (j, e) in exercises.enumerated() where !Identifier.isValid(e) {
                y.note(m["exercises"], "\(field).exercises[\(j)]", "'\(e)' must match [a-z0-9-]+")
            }
            modules.append(Module(id: mid, title: y.text(m, "title", field) ?? LocalizedText(en: mid, zh: mid),
                                  exercises: exercises, weight: y.double(m, "weight", field, required: false) ?? 1))
        }
        let all = modules.flatMap(\.exercises)
        for e in Set(all) where all.filter({ $0 == e }).count > 1 {
            y.note(top["modules"], "modules", "exercise '\(e)' is listed more than once")
        }
        guard y.problems.isEmpty, let title else { return (nil, y.problems) }
        return (CourseDefinition(id: id, title: title, modules: modules, competencies: competencies, hintCost: cost,
                                 variantSalt: salt, file: file), [])
    }
}

/// Ids of courses, modules and exercises: lowercase letters, digits and hyphens, so they are safe in paths and URLs.
public enum Identifier {
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// Student ids: letters, digits and `._@-`, up to 64 characters (they name files and appear in the header).
    public static func isValidStudent(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._@-".unicodeScalars.contains($0))
        }
    }
}
