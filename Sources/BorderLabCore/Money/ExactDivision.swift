/// Integer division with the project's rounding rule, without building a normalised ``Rational``.
///
/// The engine's hot path (fees, FX, freight per order) uses these to stay allocation- and gcd-free;
/// the result equals `Rational(n, d).roundedHalfUp()`.
@inline(__always)
public func divideHalfUp(_ numerator: Int128, _ denominator: Int128) -> Int64 {
    precondition(denominator != 0, "zero denominator")
    let negative = (numerator < 0) != (denominator < 0)
    let n = numerator.magnitude
    let d = denominator.magnitude
    let q = (2 * n + d) / (2 * d)
    return negative ? -Int64(q) : Int64(q)
}

/// ``divideHalfUp(_:_:)`` for inputs that may come from a hostile file: nil where the quotient does not fit an Int64
/// or the denominator is zero, so the caller can throw an error naming the field instead of trapping.
public func checkedDivideHalfUp(_ numerator: Int128, _ denominator: Int128) -> Int64? {
    guard denominator != 0 else { return nil }
    let negative = (numerator < 0) != (denominator < 0)
    let (twice, overflow) = numerator.magnitude.multipliedReportingOverflow(by: 2)
    guard !overflow else { return nil }
    let d = denominator.magnitude
    let (sum, overflow2) = twice.addingReportingOverflow(d)
    guard !overflow2 else { return nil }
    let q = sum / (2 * d)
    guard q <= UInt128(Int64.max) else { return nil }
    return negative ? -Int64(q) : Int64(q)
}

extension Money {
    /// The amount times `basisPoints`/10,000, rounded half-up once (e.g. a 2.9% fee is `percent(290)`).
    @inline(__always)
    public func basisPoints(_ basisPoints: Int) -> Money {
        Money(minor: divideHalfUp(Int128(minor) * Int128(basisPoints), 10_000), currency)
    }
}
