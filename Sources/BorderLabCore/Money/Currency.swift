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
}
