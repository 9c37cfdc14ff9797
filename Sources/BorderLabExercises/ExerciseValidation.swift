import BorderLabCore
import Foundation

/// Checks of an exercise that need the engine: the world can be built, templates name real parameters, setup and
/// solution actions decode, computations exist. Problems name the file and field; lines where the tree kept them.
enum ExerciseValidation {
    static func problems(_ e: ExerciseDefinition) -> [DefinitionProblem] {
        let file = e.folder + "/exercise.yaml"
        var out: [DefinitionProblem] = []
        func note(_ field: String, _ problem: String) { out.append(DefinitionProblem(file: file, line: nil, field: field, problem: problem)) }
        var names = Set(e.parameters.map(\.name) + ["seed", "student"])
        var sample: [String: String] = ["seed": "1", "student": "sample"]
        for p in e.parameters {
            switch p.draw {
            case .range(let low, _, _): sample[p.name] = String(low)
            case .choice(let options): sample[p.name] = options[0]
            case .bundle(let sets):
                for (key, value) in sets[0] { sample[key] = value; names.insert(key) }
            }
        }
        func templates(_ tree: Any, _ field: String) {
            if let s = tree as? String {
                for name in Templates.unfilled(s) where !names.contains(name) { note(field, "{{\(name)}} is not a variant parameter") }
            } else if let a = tree as? [Any] { for (i, x) in a.enumerated() { templates(x, "\(field)[\(i)]") } }
            else if let d = tree as? [String: Any] { for (k, v) in d { templates(v, "\(field).\(k)") } }
        }
        for (i, t) in e.setup.enumerated() {
            templates(t.tree, "setup[\(i)]")
            do { _ = try Templates.action(t, sample) } catch { note("setup[\(i)]", "not an action the log accepts: \(error)") }
        }
        for (i, t) in e.solution.actions.enumerated() {
            templates(t.tree, "solution.actions[\(i)]")
            do { _ = try Templates.action(t, sample) } catch { note("solution.actions[\(i)]", "not an action the log accepts: \(error)") }
        }
        for (key, value) in e.solution.answers { templates(value, "solution.answers.\(key)") }
        for (i, task) in e.tasks.enumerated() {
            templates(task.title.en + task.title.zh, "tasks[\(i)].title")
            for command in task.commands { templates(command, "tasks[\(i)].commands") }
        }
        for (i, check) in e.checks.enumerated() {
            switch check.rule {
            case .answer(_, _, .compute(_, let args, _), _): templates(args, "checks[\(i)].answer.args")
            case .answer(_, _, .value(let v), _): templates(v, "checks[\(i)].answer.equals")
            case .sql(_, let reference, _, _): templates(reference, "checks[\(i)].sql.reference")
            case .metric(_, let bound, _): templates([bound.atLeast ?? "", bound.atMost ?? ""], "checks[\(i)].metric")
            default: break
            }
        }
        do { _ = try World(header: try ExerciseWorkspace.header(exercise: e, variant: Variant(seed: 1, values: sample), stamp: nil).0) } catch {
            note("world", "\(error)")
        }
        return out
    }
}
