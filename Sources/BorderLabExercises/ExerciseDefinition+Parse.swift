import BorderLabCore
import Foundation
import Yams

extension ExerciseDefinition {
    static let topKeys = ["id", "title", "kind", "paper_section", "competencies", "minutes", "time_limit_minutes", "world",
                          "variant", "setup", "tasks", "checks", "solution"]
    static let checkKeys = ["id", "task", "points", "competency", "partial", "hidden", "feedback",
                            "metric", "action", "answer", "sql", "memo", "scorecard"]

    /// Reads an exercise file, collecting every problem (file, line, field). Cross-checks against the course
    /// (competencies, sections) happen in ``ContentLibrary``.
    static func parse(_ text: String, file: String, folder: String, folderName: String, hash: String)
        -> (ExerciseDefinition?, [DefinitionProblem]) {
        let y = YAMLFields(file: file)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return (nil, [DefinitionProblem(file: file, line: nil, field: "file", problem: "not valid YAML: \(error)")])
        }
        let top = y.mapping(root, "", allowed: topKeys)
        let id = y.string(top, "id", "") ?? folderName
        if id != folderName { y.note(top["id"], "id", "must equal the folder name '\(folderName)'") }
        if !Identifier.isValid(id) { y.note(top["id"], "id", "must match [a-z0-9-]+") }
        let title = y.text(top, "title", "")
        let kindName = y.string(top, "kind", "") ?? ""
        let kind = Kind(rawValue: kindName)
        if kind == nil { y.note(top["kind"], "kind", "'\(kindName)' is not a kind; use \(Kind.allCases.map(\.rawValue).joined(separator: ", "))") }
        let section = y.string(top, "paper_section", "") ?? ""
        if !PaperSection.keys.contains(section) {
            y.note(top["paper_section"], "paper_section", "'\(section)' is not a key of PAPER.md; use one of \(PaperSection.keys.joined(separator: ", "))")
        }
        let competencies = y.strings(top, "competencies", "")
        let minutes = y.int(top, "minutes", "") ?? 0
        let limit = y.int(top, "time_limit_minutes", "", required: false)
        if kind == .drill && limit == nil { y.note(nil, "time_limit_minutes", "a drill needs a time limit") }

        let world = parseWorld(y, top["world"])
        let parameters = parseVariant(y, top["variant"])
        let setup = y.sequence(top, "setup", "", required: false).map { Template(tree: YAMLFields.plain($0)) }
        var tasks: [ExerciseTask] = []
        for (i, node) in y.sequence(top, "tasks", "").enumerated() {
            let field = "tasks[\(i)]"
            let t = y.mapping(node, field, allowed: ["number", "title", "hints", "commands"])
            let number = y.int(t, "number", field) ?? 0
            if number != i + 1 { y.note(t["number"], field + ".number", "tasks are numbered 1, 2, 3 … in order; expected \(i + 1)") }
            let hints = y.sequence(t, "hints", field, required: false).enumerated().compactMap { j, h in
                let hm = y.mapping(h, "\(field).hints[\(j)]", allowed: ["en", "zh-CN"])
                return y.string(hm, "en", "\(field).hints[\(j)]").flatMap { en in
                    y.string(hm, "zh-CN", "\(field).hints[\(j)]").map { LocalizedText(en: en, zh: $0) } }
            }
            tasks.append(ExerciseTask(number: number, title: y.text(t, "title", field) ?? LocalizedText(en: "", zh: ""),
                                      hints: hints, commands: y.strings(t, "commands", field, required: false)))
        }
        var checks: [CheckDefinition] = []
        for (i, node) in y.sequence(top, "checks", "").enumerated() {
            if let check = parseCheck(y, node, field: "checks[\(i)]", tasks: tasks.map(\.number)) { checks.append(check) }
        }
        let ids = checks.map(\.id)
        for dup in Set(ids) where ids.filter({ $0 == dup }).count > 1 { y.note(top["checks"], "checks", "check id '\(dup)' is used twice") }
        for task in tasks where !checks.contains(where: { $0.task == task.number && !$0.hidden }) {
            y.note(top["tasks"], "tasks[\(task.number - 1)]", "task \(task.number) has no visible check")
        }
        let sol = y.mapping(top["solution"], "solution", allowed: ["actions", "answers"])
        if top["solution"] == nil { y.note(nil, "solution", "is missing: the self-test needs a reference solution") }
        let solActions = y.sequence(sol, "actions", "solution", required: false).map { Template(tree: YAMLFields.plain($0)) }
        var solAnswers: [(String, String)] = []
        if let node = sol["answers"] {
            if let mapping = node.mapping {
                for (k, v) in mapping {
                    guard let key = k.string, let value = v.scalar?.string else { y.note(k, "solution.answers", "each answer is KEY: text"); continue }
                    solAnswers.append((key, value))
                }
            } else { y.note(node, "solution.answers", "must be a mapping KEY: value") }
        }
        let keys = Set(checks.compactMap { $0.rule.answerKey?.key })
        for (key, _) in solAnswers where !keys.contains(key) {
            y.note(sol["answers"], "solution.answers.\(key)", "no check reads this answer")
        }
        for key in keys where !solAnswers.contains(where: { $0.0 == key }) {
            y.note(top["solution"], "solution.answers", "the reference solution does not answer '\(key)'")
        }
        guard y.problems.isEmpty, let title, let kind, let world else { return (nil, y.problems) }
        return (ExerciseDefinition(id: id, title: title, kind: kind, paperSection: section, competencies: competencies,
                                   minutes: minutes, timeLimitMinutes: limit, world: world, parameters: parameters, setup: setup,
                                   tasks: tasks, checks: checks, solution: Solution(actions: solActions, answers: solAnswers),
                                   folder: folder, hash: hash), [])
    }

    static func parseWorld(_ y: YAMLFields, _ node: Node?) -> WorldSpec? {
        guard node != nil else { y.note(nil, "world", "is missing"); return nil }
        let w = y.mapping(node, "world", allowed: ["scenario", "mode", "customers", "start_date", "starting_cash"])
        let scenario = y.string(w, "scenario", "world") ?? "cn-import"
        let date = y.string(w, "start_date", "world", required: false)
        let start = date.flatMap(SimDate.init(iso:))
        if date != nil && start == nil { y.note(w["start_date"], "world.start_date", "write YYYY-MM-DD") }
        var cash: Money?
        if let text = y.string(w, "starting_cash", "world", required: false) {
            do { cash = try Money(parsing: text) } catch { y.note(w["starting_cash"], "world.starting_cash", "write AMOUNT CUR, e.g. 200000 CNY") }
            if let preset = Scenario.named(scenario), let c = cash, c.currency != preset.homeCurrency {
                y.note(w["starting_cash"], "world.starting_cash", "must be in the home currency \(preset.homeCurrency)")
            }
        }
        let customers = y.int(w, "customers", "world", required: false)
        if let customers, !(1...200_000).contains(customers) { y.note(w["customers"], "world.customers", "must be 1…200000") }
        return WorldSpec(scenario: scenario, mode: y.string(w, "mode", "world", required: false), customers: customers,
                         startDate: start, startingCash: cash)
    }

    static func parseVariant(_ y: YAMLFields, _ node: Node?) -> [VariantParameter] {
        guard let node else { return [] }
        guard let mapping = node.mapping else { y.note(node, "variant", "must be a mapping NAME: {range: [LOW, HIGH], step: S} or {choose: [...]}"); return [] }
        var out: [VariantParameter] = []
        for (k, v) in mapping {
            guard let name = k.string else { continue }
            let field = "variant.\(name)"
            let p = y.mapping(v, field, allowed: ["range", "step", "choose"])
            if let range = p["range"] {
                let bounds = (range.sequence.map(Array.init) ?? []).compactMap { $0.scalar?.string }.compactMap { Int($0) }
                let step = y.int(p, "step", field, required: false) ?? 1
                guard bounds.count == 2, bounds[0] <= bounds[1], step > 0 else {
                    y.note(range, field + ".range", "write [LOW, HIGH] with LOW ≤ HIGH and a positive step"); continue
                }
                out.append(VariantParameter(name: name, draw: .range(low: bounds[0], high: bounds[1], step: step)))
            } else if let items = p["choose"]?.sequence, items.contains(where: { $0.mapping != nil }) {
                var bundles: [[String: String]] = []
                for (i, item) in items.enumerated() {
                    guard let m = item.mapping else { y.note(item, "\(field).choose[\(i)]", "mix no plain values with sets of values"); continue }
                    var bundle: [String: String] = [:]
                    for (k, v) in m { if let key = k.string, let value = v.scalar?.string { bundle[key] = value } }
                    bundles.append(bundle)
                }
                if Set(bundles.map { $0.keys.sorted() }).count > 1 { y.note(p["choose"], field + ".choose", "every set must have the same keys") }
                if !bundles.isEmpty { out.append(VariantParameter(name: name, draw: .bundle(bundles))) }
            } else if p["choose"] != nil {
                let options = y.strings(p, "choose", field)
                if options.isEmpty { y.note(p["choose"], field + ".choose", "list at least one option"); continue }
                out.append(VariantParameter(name: name, draw: .choice(options)))
            } else {
                y.note(v, field, "needs `range: [LOW, HIGH]` or `choose: [...]`")
            }
        }
        return out
    }

    static func parseCheck(_ y: YAMLFields, _ node: Node, field: String, tasks: [Int]) -> CheckDefinition? {
        let c = y.mapping(node, field, allowed: checkKeys)
        let id = y.string(c, "id", field) ?? ""
        if !Identifier.isValid(id) { y.note(c["id"], field + ".id", "must match [a-z0-9-]+") }
        let task = y.int(c, "task", field) ?? 0
        if !tasks.contains(task) { y.note(c["task"], field + ".task", "there is no task \(task)") }
        let points = y.double(c, "points", field) ?? 0
        if points <= 0 { y.note(c["points"], field + ".points", "must be positive") }
        let competency = y.string(c, "competency", field) ?? ""
        let rules = ["metric", "action", "answer", "sql", "memo", "scorecard"].filter { c[$0] != nil }
        guard rules.count == 1, let kind = rules.first else {
            y.note(node, field, "needs exactly one of metric, action, answer, sql, memo, scorecard"); return nil
        }
        let f = field + "." + kind
        let rule: CheckRule?
        switch kind {
        case "metric":
            let m = y.mapping(c[kind], f, allowed: ["key", "at_least", "at_most", "min_day"])
            let bound = Bound(atLeast: y.string(m, "at_least", f, required: false), atMost: y.string(m, "at_most", f, required: false))
            if bound.atLeast == nil && bound.atMost == nil { y.note(c[kind], f, "needs at_least or at_most") }
            let key = y.string(m, "key", f) ?? ""
            if !MetricKeys.isKnown(key) { y.note(m["key"], f + ".key", "'\(key)' is not a `status --json` key (e.g. profit_and_loss.net_profit_minor)") }
            rule = .metric(key: key, bound: bound, minDay: y.int(m, "min_day", f, required: false))
        case "action":
            let a = y.mapping(c[kind], f, allowed: ["kind", "where", "taken", "min_count"])
            var filters: [String: String] = [:]
            if let w = a["where"]?.mapping { for (k, v) in w { if let key = k.string, let value = v.scalar?.string { filters[key] = value } } }
            let taken = a["taken"].map { _ in y.bool(a, "taken", f) } ?? true
            rule = .action(kind: y.string(a, "kind", f) ?? "", filters: filters, taken: taken, minCount: y.int(a, "min_count", f, required: false) ?? 1)
        case "answer":
            let a = y.mapping(c[kind], f, allowed: ["key", "type", "compute", "args", "at", "equals", "tolerance"])
            let typeName = y.string(a, "type", f) ?? ""
            let type = AnswerType(rawValue: typeName)
            if type == nil || type == .sql || type == .memo { y.note(a["type"], f + ".type", "use money, number, percent, sku, supplier, date or choice") }
            var expected: Expected?
            if let name = y.string(a, "compute", f, required: false) {
                if Computations.named(name) == nil { y.note(a["compute"], f + ".compute", "unknown computation; use one of \(Computations.all.map(\.name).joined(separator: ", "))") }
                var args: [String: String] = [:]
                if let m = a["args"]?.mapping { for (k, v) in m { if let key = k.string, let value = v.scalar?.string { args[key] = value } } }
                if let comp = Computations.named(name) {
                    for needed in comp.arguments where args[needed] == nil { y.note(a["args"], f + ".args", "\(name) needs '\(needed)'") }
                }
                let at = y.string(a, "at", f, required: false) ?? "start"
                if at != "start" && at != "now" { y.note(a["at"], f + ".at", "use start or now") }
                expected = .compute(name: name, args: args, atStart: at == "start")
            } else if let value = y.string(a, "equals", f, required: false) {
                expected = .value(value)
            } else { y.note(c[kind], f, "needs `compute:` (an engine computation) or `equals:` (a variant template)") }
            let t = y.mapping(a["tolerance"], f + ".tolerance", allowed: ["absolute", "relative"])
            let tolerance = Tolerance(absolute: y.double(t, "absolute", f + ".tolerance", required: false) ?? 0,
                                      relative: y.double(t, "relative", f + ".tolerance", required: false) ?? 0)
            rule = (type != nil && expected != nil) ? .answer(key: y.string(a, "key", f) ?? "", type: type!, expected: expected!, tolerance: tolerance) : nil
        case "sql":
            let s = y.mapping(c[kind], f, allowed: ["key", "reference", "ordered", "tolerance"])
            rule = .sql(key: y.string(s, "key", f) ?? "", reference: y.string(s, "reference", f) ?? "",
                        ordered: y.bool(s, "ordered", f), tolerance: y.double(s, "tolerance", f, required: false) ?? 0.01)
        case "memo":
            let m = y.mapping(c[kind], f, allowed: ["key", "concepts", "min_words"])
            var concepts: [MemoConcept] = []
            for (i, cn) in y.sequence(m, "concepts", f).enumerated() {
                let cm = y.mapping(cn, "\(f).concepts[\(i)]", allowed: ["name", "words"])
                let words = y.strings(cm, "words", "\(f).concepts[\(i)]")
                if words.isEmpty { y.note(cn, "\(f).concepts[\(i)].words", "list at least one word") }
                concepts.append(MemoConcept(name: y.string(cm, "name", "\(f).concepts[\(i)]") ?? "", words: words))
            }
            rule = .memo(key: y.string(m, "key", f) ?? "", concepts: concepts, minimumWords: y.int(m, "min_words", f, required: false) ?? 0)
        default:
            let s = y.mapping(c[kind], f, allowed: ["items", "pass_at"])
            var items: [ScorecardItem] = []
            for (i, it) in y.sequence(s, "items", f).enumerated() {
                let g = "\(f).items[\(i)]"
                let m = y.mapping(it, g, allowed: ["key", "weight", "target", "floor"])
                let key = y.string(m, "key", g) ?? ""
                if !MetricKeys.isKnown(key) { y.note(m["key"], g + ".key", "'\(key)' is not a `status --json` key") }
                items.append(ScorecardItem(key: key, weight: y.double(m, "weight", g) ?? 0, target: y.string(m, "target", g) ?? "0",
                                           floor: y.string(m, "floor", g, required: false) ?? "0"))
            }
            rule = .scorecard(items, passAt: y.double(s, "pass_at", f, required: false) ?? 1)
        }
        guard let rule else { return nil }
        if let key = rule.answerKey?.key, !Identifier.isValid(key) { y.note(c[kind], f + ".key", "answer keys must match [a-z0-9-]+") }
        return CheckDefinition(id: id, task: task, points: points, competency: competency, partial: y.bool(c, "partial", field),
                               hidden: y.bool(c, "hidden", field), rule: rule, feedback: y.text(c, "feedback", field, required: false))
    }
}

/// The fixed `paper_section` keys of PAPER.md.
public enum PaperSection {
    public static let keys = ["modes.daigou", "modes.b2c-comprehensive", "modes.b2c-vertical", "modes.direct-delivery",
                              "modes.rebate", "profit-modes", "innovation.big-data", "innovation.supervision",
                              "innovation.service-system", "innovation.teaching"]
}
