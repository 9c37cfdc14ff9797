import Yams

/// Walks a composed YAML tree, collecting every problem with its file, line and field instead of stopping at the first.
///
/// Definitions are read by hand from `Yams.Node` (not `Decodable`) because only the node tree keeps line numbers.
final class YAMLFields {
    let file: String
    private(set) var problems: [DefinitionProblem] = []

    init(file: String) { self.file = file }

    func note(_ node: Node?, _ field: String, _ problem: String) {
        problems.append(DefinitionProblem(file: file, line: node?.mark?.line,
                                          field: field, problem: problem))
    }

    /// The mapping's entries by key; unknown keys are problems.
    func mapping(_ node: Node?, _ field: String, allowed: [String]) -> [String: Node] {
        guard let node else { return [:] }
        guard let mapping = node.mapping else { note(node, field, "must be a mapping of fields"); return [:] }
        var out: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { note(key, field, "a key must be text"); continue }
            if !allowed.contains(name) {
                note(key, join(field, name), "unknown field; allowed: \(allowed.joined(separator: ", "))")
            } else {
                out[name] = value
            }
        }
        return out
    }

    func string(_ fields: [String: Node], _ key: String, _ parent: String, required: Bool = true) -> String? {
        guard let node = fields[key] else {
            if required { note(nil, join(parent, key), "is missing") }
            return nil
        }
        guard let text = node.scalar?.string else { note(node, join(parent, key), "must be text"); return nil }
        return text
    }

    func int(_ fields: [String: Node], _ key: String, _ parent: String, required: Bool = true) -> Int? {
        guard let text = string(fields, key, parent, required: required) else { return nil }
        guard let value = Int(text) else { note(fields[key], join(parent, key), "must be a whole number"); return nil }
        return value
    }

    func double(_ fields: [String: Node], _ key: String, _ parent: String, required: Bool = true) -> Double? {
        guard let text = string(fields, key, parent, required: required) else { return nil }
        guard let value = Double(text) else { note(fields[key], join(parent, key), "must be a number"); return nil }
        return value
    }

    func bool(_ fields: [String: Node], _ key: String, _ parent: String) -> Bool {
        guard let text = string(fields, key, parent, required: false) else { return false }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: note(fields[key], join(parent, key), "must be true or false"); return false
        }
    }

    func sequence(_ fields: [String: Node], _ key: String, _ parent: String, required: Bool = true) -> [Node] {
        guard let node = fields[key] else {
            if required { note(nil, join(parent, key), "is missing") }
            return []
        }
        guard let items = node.sequence else { note(node, join(parent, key), "must be a list"); return [] }
        return Array(items)
    }

    func strings(_ fields: [String: Node], _ key: String, _ parent: String, required: Bool = true) -> [String] {
        sequence(fields, key, parent, required: required).enumerated().compactMap { i, node in
            guard let text = node.scalar?.string else { note(node, "\(join(parent, key))[\(i)]", "must be text"); return nil }
            return text
        }
    }

    /// Text in both languages: `{en: …, zh-CN: …}`.
    func text(_ fields: [String: Node], _ key: String, _ parent: String, required: Bool = true) -> LocalizedText? {
        guard let node = fields[key] else {
            if required { note(nil, join(parent, key), "is missing (write `{en: …, zh-CN: …}`)") }
            return nil
        }
        let inner = mapping(node, join(parent, key), allowed: ["en", "zh-CN"])
        guard let en = string(inner, "en", join(parent, key)), let zh = string(inner, "zh-CN", join(parent, key)) else { return nil }
        return LocalizedText(en: en, zh: zh)
    }

    func join(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : parent + "." + key }

    /// A scalar or a tree as plain values (for action and argument templates).
    static func plain(_ node: Node) -> Any {
        if let mapping = node.mapping {
            var out: [String: Any] = [:]
            for (k, v) in mapping { if let key = k.string { out[key] = plain(v) } }
            return out
        }
        if let sequence = node.sequence { return sequence.map(plain) }
        return node.scalar?.string ?? ""
    }
}

/// Text in the two languages of the course material.
public struct LocalizedText: Sendable, Equatable, Codable {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) { self.en = en; self.zh = zh }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }

    enum CodingKeys: String, CodingKey { case en, zh = "zh-CN" }
}

/// The languages the student loop speaks.
public enum Language: String, Sendable, CaseIterable {
    case en
    case zh = "zh-CN"

    /// `--lang` when given, else the `LANG` environment variable (`zh_CN.UTF-8` → Chinese), else English.
    public static func resolve(option: String?, environment: [String: String]) -> Language? {
        if let option {
            switch option.lowercased() {
            case "en", "en-us", "en-gb": return .en
            case "zh-cn", "zh", "zh_cn": return .zh
            default: return nil
            }
        }
        let lang = (environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? "").lowercased()
        return lang.hasPrefix("zh") ? .zh : .en
    }
}
