import BorderLabCore
import Foundation

/// Parses and validates typed answers. A malformed answer is a format error with the expected form, never a wrong
/// answer: `borderlab answer` refuses it before logging, and `check` reports it as such if one reached the log.
public enum AnswerFormat {
    /// The form each type takes, for error messages.
    public static func expected(_ type: AnswerType) -> String {
        switch type {
        case .money: "money as AMOUNT CUR, e.g. \"128.40 CNY\""
        case .number: "a number, e.g. 42 or -3.5"
        case .percent: "a percentage, e.g. 12.5 or 12.5%"
        case .sku: "an SKU as `market offers` prints it, e.g. JP-COS-01"
        case .supplier: "a supplier id as `market suppliers` prints it"
        case .date: "a date YYYY-MM-DD, or a month YYYY-MM"
        case .choice: "one of the options the task lists"
        case .sql: "one SQL query (SELECT …)"
        case .memo: "a Markdown file of text"
        }
    }

    /// The value in canonical form, or nil when it is malformed.
    public static func normalize(_ text: String, as type: AnswerType) -> String? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch type {
        case .money: return (try? Money(parsing: t))?.description
        // Only finite numbers: "nan" and "inf" parse as Doubles but are not answers.
        case .number: return Double(t).flatMap { $0.isFinite && abs($0) < 1e15 ? t : nil }
        case .percent: return percent(t).flatMap { $0.isFinite && abs($0) < 1e15 ? t : nil }
        case .sku, .supplier, .choice:
            return !t.isEmpty && t.count <= 64 && !t.contains(where: \.isWhitespace) ? t : nil
        case .date:
            if SimDate(iso: t) != nil { return t }
            if t.count == 7, SimDate(iso: t + "-01") != nil { return t }
            return nil
        case .sql, .memo: return t.isEmpty || t.utf8.count > 100_000 ? nil : text
        }
    }

    static func percent(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        return Double(t.hasSuffix("%") ? String(t.dropLast()).trimmingCharacters(in: .whitespaces) : t)
    }

    static func number(_ text: String, _ type: AnswerType) -> Double? {
        type == .percent ? percent(text) : Double(text.trimmingCharacters(in: .whitespaces))
    }
}
