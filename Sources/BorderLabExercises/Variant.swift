import BorderLabCore
import Crypto
import Foundation

/// A student's variant: the world's seed and the parameters' values, drawn from SHA-256 of (course salt, exercise id,
/// student id). SHA-256 rather than Swift's `Hasher`, which is reseeded in every process: the grader must draw the
/// same variant next term on another machine.
public struct Variant: Sendable, Equatable {
    public let seed: UInt64
    public let values: [String: String]

    public init(seed: UInt64, values: [String: String]) { self.seed = seed; self.values = values }

    /// Draws the variant of `student` for `exercise` in a course with `salt`.
    public static func draw(salt: String, exercise: ExerciseDefinition, student: String) -> Variant {
        let digest = Array(SHA256.hash(data: Data("\(salt)\u{1F}\(exercise.id)\u{1F}\(student)".utf8)))
        func word(_ i: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(digest[(i * 8 + $1) % digest.count]) } }
        // Seeds stay below 2^53 so they print and parse the same everywhere (JSON numbers, spreadsheets).
        let seed = word(0) & ((1 << 53) - 1)
        var values: [String: String] = [:]
        for (index, parameter) in exercise.parameters.enumerated() {
            let r = CounterRNG.mix(word(1) &+ UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15)
            switch parameter.draw {
            case .range(let low, let high, let step):
                let count = (high - low) / step + 1
                values[parameter.name] = String(low + Int(r % UInt64(count)) * step)
            case .choice(let options):
                values[parameter.name] = options[Int(r % UInt64(options.count))]
            case .bundle(let sets):
                for (key, value) in sets[Int(r % UInt64(sets.count))] { values[key] = value }
            }
        }
        return Variant(seed: seed, values: values)
    }
}

/// Fills `{{name}}` placeholders with a variant's values (and the built-ins `seed`, `student`).
public enum Templates {
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{{") else { return text }
        var out = text
        for (name, value) in values { out = out.replacingOccurrences(of: "{{\(name)}}", with: value) }
        return out
    }

    public static func fill(_ tree: Any, _ values: [String: String]) -> Any {
        if let s = tree as? String { return fill(s, values) }
        if let a = tree as? [Any] { return a.map { fill($0, values) } }
        if let d = tree as? [String: Any] { return d.mapValues { fill($0, values) } }
        return tree
    }

    /// Placeholders left unfilled in `text` (a misspelt parameter).
    public static func unfilled(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// An action from a template: the YAML tree filled, turned into JSON, decoded as the log decodes it.
    /// Numbers written as text in YAML (`quantity: 100`) become JSON numbers for the integer fields.
    public static func action(_ template: Template, _ values: [String: String]) throws -> Action {
        guard var dict = fill(template.tree, values) as? [String: Any] else {
            throw ExerciseError.io("an action must be a mapping with a `kind`")
        }
        // `price: retail` is the product's typical retail price in the catalogue, so a definition need not type a
        // number the world's calibration may change (a rebate site must list at the merchant's price).
        if dict["price"] as? String == "retail", let sku = dict["sku"] as? String, let product = Catalogue.standard.product(sku) {
            dict["price"] = product.typicalRetail.description
        }
        for key in ["quantity", "days", "id", "purchase_order", "task", "level"] {
            if let text = dict[key] as? String, let n = Int(text) { dict[key] = n }
        }
        let data = try JSONSerialization.data(withJSONObject: dict)
        return try JSONDecoder().decode(Action.self, from: data)
    }
}
