/// A currency the simulated world trades in, with its ISO 4217 code and minor-unit exponent.
///
/// The set is closed on purpose: every currency has a seeded FX walk, fee schedules and a ledger
/// balance check, so adding one is a design change, not a data change.
public enum Currency: String, CaseIterable, Sendable, Codable, Comparable, CustomStringConvertible {
    case CNY, USD, EUR, JPY, GBP, AUD

    /// Digits after the decimal point in the minor unit (JPY has none).
    public var minorDigits: Int { self == .JPY ? 0 : 2 }

    /// How many minor units make one major unit (100 for CNY, 1 for JPY).
    public var minorPerMajor: Int64 { self == .JPY ? 1 : 100 }

    public var description: String { rawValue }

    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Parses an ISO code, case-insensitively.
    public init?(code: String) {
        self.init(rawValue: code.uppercased())
    }

    /// Reads a currency as people type it: an ISO code in any case, or one of the names Chinese users write for the
    /// yuan (`RMB`, `元`, `￥`, the full-width yen sign Chinese keyboards type).
    ///
    /// - Throws: ``MoneyParseError/ambiguousYenSign(_:)`` for a bare `¥` (U+00A5), which stands for the yuan in China and
    ///   the yen in Japan, so that a price is never silently read in the wrong currency;
    ///   ``MoneyParseError/unknownCurrency(_:)`` for anything else.
    public static func resolve(_ text: String) throws(MoneyParseError) -> Currency {
        if let currency = Currency(code: text) { return currency }
        switch text.uppercased() {
        case "RMB", "元", "\u{FFE5}": return .CNY
        case "\u{00A5}": throw .ambiguousYenSign(text)
        default: throw .unknownCurrency(text)
        }
    }
}
