/// An exact fraction with 128-bit parts, for tax, FX and fee computations that must round only once.
///
/// DESIGN.md invariant 3: compute exactly, then round half-up to the minor unit at the end. Rates are
/// given in basis points or parts per million, so every intermediate value is a fraction of integers.
public struct Rational: Hashable, Sendable, CustomStringConvertible {
    public private(set) var numerator: Int128
    public private(set) var denominator: Int128

    public init(_ numerator: Int128, _ denominator: Int128 = 1) {
        precondition(denominator != 0, "zero denominator")
        let sign: Int128 = denominator < 0 ? -1 : 1
        let divisor = Rational.gcd(numerator.magnitude, denominator.magnitude)
        self.numerator = sign * numerator / Int128(divisor)
        self.denominator = sign * denominator / Int128(divisor)
    }

    /// A rate in basis points: `Rational(basisPoints: 1300)` is 13%.
    public init(basisPoints: Int) { self.init(Int128(basisPoints), 10_000) }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }

    public static func + (l: Rational, r: Rational) -> Rational {
        Rational(l.numerator * r.denominator + r.numerator * l.denominator, l.denominator * r.denominator)
    }
    public static func - (l: Rational, r: Rational) -> Rational {
        Rational(l.numerator * r.denominator - r.numerator * l.denominator, l.denominator * r.denominator)
    }
    public static func * (l: Rational, r: Rational) -> Rational {
        Rational(l.numerator * r.numerator, l.denominator * r.denominator)
    }
    public static func / (l: Rational, r: Rational) -> Rational {
        Rational(l.numerator * r.denominator, l.denominator * r.numerator)
    }

    /// Rounds half-up (away from zero on ties) to an integer: the project's one rounding rule.
    public func roundedHalfUp() -> Int64 {
        let twice = 2 * numerator.magnitude + denominator.magnitude
        let magnitude = twice / (2 * denominator.magnitude)
        return numerator < 0 ? -Int64(magnitude) : Int64(magnitude)
    }

    /// Rounds toward negative infinity.
    public func floor() -> Int64 {
        let q = numerator / denominator
        return Int64(numerator < 0 && q * denominator != numerator ? q - 1 : q)
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    public static func < (l: Rational, r: Rational) -> Bool {
        l.numerator * r.denominator < r.numerator * l.denominator
    }
}

extension Rational: Comparable {}
