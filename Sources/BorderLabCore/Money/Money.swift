/// An exact amount of money: integer minor units with an explicit currency.
///
/// Money never passes through floating point. Arithmetic between two amounts requires the same
/// currency; conversions go through ``FXRates`` with the one rounding rule (half-up, once, at the end).
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The amount in minor units (fen, cents, yen).
    public var minor: Int64
    public var currency: Currency

    public init(minor: Int64, _ currency: Currency) {
        self.minor = minor
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(minor: 0, currency) }

    /// An amount given in major units, e.g. `Money(major: 129, .CNY)` is 129.00 CNY.
    public init(major: Int64, _ currency: Currency) {
        self.init(minor: major * currency.minorPerMajor, currency)
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minor: lhs.minor + rhs.minor, lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(minor: lhs.minor - rhs.minor, lhs.currency)
    }

    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    public static prefix func - (value: Money) -> Money { Money(minor: -value.minor, value.currency) }

    /// Multiplies by a whole quantity (exact).
    public static func * (lhs: Money, rhs: Int) -> Money { Money(minor: lhs.minor * Int64(rhs), lhs.currency) }

    /// Multiplies by an exact fraction and rounds half-up once to the minor unit.
    public func times(_ factor: Rational) -> Money {
        Money(minor: (Rational(Int128(minor)) * factor).roundedHalfUp(), currency)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minor < rhs.minor
    }

    /// The amount as the CLI writes it: `129.00 CNY`, `1500 JPY`, `-3.50 EUR`.
    public var description: String { "\(amountString) \(currency)" }

    /// The amount without its currency, with the currency's minor digits: `129.00`.
    public var amountString: String {
        let digits = currency.minorDigits
        if digits == 0 { return String(minor) }
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        let per = UInt64(currency.minorPerMajor)
        let fraction = String(magnitude % per)
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return "\(sign)\(magnitude / per).\(padded)"
    }

    /// The exact value as a fraction of major units.
    public var majorValue: Rational { Rational(Int128(minor), Int128(currency.minorPerMajor)) }

    /// An approximate value in major units, for display and the choice model only (never for bookkeeping).
    public var approximateMajor: Double { Double(minor) / Double(currency.minorPerMajor) }
}

/// Why a money string could not be read.
public enum MoneyParseError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case unknownCurrency(String)
    case tooManyDecimals(String, Currency)
    case outOfRange(String)
    case ambiguousYenSign(String)

    public var description: String {
        let codes = Currency.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .malformed(let text):
            return "'\(text)' is not an amount of money. Write AMOUNT CURRENCY, e.g. \"129.00 CNY\"."
        case .unknownCurrency(let code):
            return "'\(code)' is not a currency of the sandbox. Use one of: \(codes)."
        case .tooManyDecimals(let text, let currency):
            return "'\(text)' has more decimals than \(currency) allows (\(currency.minorDigits)). Round it, e.g. \"\(currency.minorDigits == 0 ? "1500" : "129.00") \(currency)\"."
        case .outOfRange(let text):
            return "'\(text)' is too large an amount for the sandbox."
        case .ambiguousYenSign(let text):
            return "'\(text)': the sign ¥ stands for both the Chinese yuan and the Japanese yen. Write CNY (or RMB, 元) or JPY, e.g. \"129.00 CNY\" or \"1500 JPY\"."
        }
    }
}

extension Money {
    /// Reads `AMOUNT CURRENCY` (`"129.00 CNY"`, `"1500 JPY"`, `"-3.5 EUR"`), the CLI's spelling of money. The yuan may
    /// also be written as Chinese users write it: `"129 RMB"`, `"129元"`, `"￥129"` (see ``Currency/resolve(_:)``).
    ///
    /// - Throws: ``MoneyParseError`` naming what is wrong and how to write it.
    public init(parsing text: String) throws {
        var parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        // A yuan or yen sign written against the number ("￥129", "129元", "¥129") is its own currency token.
        if parts.count == 1, let token = parts.first {
            if let first = token.first, first == "\u{FFE5}" || first == "\u{00A5}" {
                parts = [token.dropFirst(), Substring(String(first))]
            } else if token.last == "元" {
                parts = [token.dropLast(), "元"]
            }
        }
        guard parts.count == 2 else { throw MoneyParseError.malformed(text) }
        if parts[0] == "\u{FFE5}" || parts[0] == "\u{00A5}" || Currency(code: String(parts[0])) != nil {
            // "CNY 129" or "￥ 129": currency first. Only the sign may lead; an ISO code must follow the amount.
            if Currency(code: String(parts[0])) != nil { throw MoneyParseError.malformed(text) }
            parts = [parts[1], parts[0]]
        }
        let currency = try Currency.resolve(String(parts[1]))
        var amount = Substring(parts[0])
        var negative = false
        if amount.first == "-" { negative = true; amount = amount.dropFirst() }
        // Thousands separators as `status` prints them ("1,000.50 CNY"): groups of three after the first.
        if amount.contains(",") {
            // Commas only before the decimal point: "2.500,00 EUR" (a European decimal comma) is refused, not misread.
            let parts = amount.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 1 || !parts[1].contains(",") else { throw MoneyParseError.malformed(text) }
            let whole = parts[0]
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw MoneyParseError.malformed(text)
            }
            amount = Substring(amount.filter { $0 != "," })
        }
        let pieces = amount.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let whole = pieces.first, !whole.isEmpty,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw MoneyParseError.malformed(text) }
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }), pieces.count == 1 || !fraction.isEmpty else {
            throw MoneyParseError.malformed(text)
        }
        let significant = fraction.reversed().drop(while: { $0 == "0" }).count
        guard significant <= currency.minorDigits else { throw MoneyParseError.tooManyDecimals(text, currency) }
        guard whole.count <= 13 else { throw MoneyParseError.outOfRange(text) }
        var minor = Int64(whole)! * currency.minorPerMajor
        let kept = String(fraction.prefix(currency.minorDigits))
        let padded = kept + String(repeating: "0", count: currency.minorDigits - kept.count)
        if !padded.isEmpty { minor += Int64(padded)! }
        self.init(minor: negative ? -minor : minor, currency)
    }
}
