/// The kinds of value an exercise answer may hold. The checker parses the text by its type; the engine never reads it.
public enum AnswerType: String, CaseIterable, Sendable, Codable {
    /// `AMOUNT CUR`, e.g. `12.50 CNY`.
    case money
    /// A plain number; negatives allowed.
    case number
    /// A percentage, `12.5` or `12.5%`.
    case percent
    case sku
    case supplier
    /// `YYYY-MM-DD`.
    case date
    /// One of the options a task lists.
    case choice
    /// An SQL query, compared with a reference query's result on the student's own world.
    case sql
    /// A short written recommendation (Markdown), checked for the concepts it uses.
    case memo
}

/// An answer as the student typed it, with its declared type (`borderlab answer KEY VALUE`).
///
/// Stored as text so the log keeps exactly what was typed; a malformed value is reported by the checker as a
/// format error rather than refused here, so the engine stays free of exercise rules.
public struct AnswerValue: Sendable, Equatable, Hashable {
    public let type: AnswerType
    public let text: String

    public init(type: AnswerType, text: String) {
        self.type = type
        self.text = text
    }

    /// A one-line form for `borderlab log`: long SQL and memos are cut.
    public var summary: String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let cut = flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
        return type == .sql || type == .memo ? "\(type.rawValue) \(cut)" : cut
    }
}
