/// Daily exchange rates by a seeded mean-reverting walk, and conversions with the one rounding rule.
///
/// Rates are quoted as CNY per one major unit of a currency, in millionths (`7_100_000` = 7.1 CNY per USD).
/// The walk is computed with IEEE additions and multiplications only, so it is identical on every machine.
public struct FXRates: Sendable, Hashable {
    /// Mid rates for one day, indexed like `Currency.allCases`.
    public var micro: [Int64]

    public init(micro: [Int64]) { self.micro = micro }

    public func mid(_ currency: Currency) -> Int64 { micro[FXRates.index(currency)] }

    @inline(__always)
    static func index(_ currency: Currency) -> Int {
        switch currency {
        case .CNY: 0
        case .USD: 1
        case .EUR: 2
        case .JPY: 3
        case .GBP: 4
        case .AUD: 5
        }
    }

    /// The exact price of one unit of `from` in `to`, before any spread.
    public func crossRate(from: Currency, to: Currency) -> Rational {
        Rational(Int128(mid(from)), Int128(mid(to)))
    }

    /// Converts at mid rate, rounding half-up once.
    public func convert(_ amount: Money, to target: Currency) -> Money {
        convert(amount, to: target, spreadBP: 0)
    }

    /// Converts with a spread against the holder: the result is `spreadBP` basis points smaller than at mid.
    ///
    /// This is what a bank or payment provider gives when it converts for the shop.
    public func convert(_ amount: Money, to target: Currency, spreadBP: Int) -> Money {
        if amount.currency == target && spreadBP == 0 { return amount }
        let numerator = Int128(amount.minor) * Int128(mid(amount.currency)) * Int128(target.minorPerMajor)
            * Int128(10_000 - spreadBP)
        let denominator = Int128(amount.currency.minorPerMajor) * Int128(mid(target)) * 10_000
        return Money(minor: divideHalfUp(numerator, denominator), target)
    }

    /// Like ``cost(of:in:spreadBP:)``, but an amount too large for the engine's integers is a thrown error, not a trap.
    ///
    /// - Parameter field: what the amount is (e.g. "the goods of 10000 × JP-COS-01"), named in the error.
    public func checkedCost(of amount: Money, in payer: Currency, spreadBP: Int, field: String) throws(EngineError) -> Money {
        if amount.currency == payer && spreadBP == 0 { return amount }
        let numerator = Int128(amount.minor) * Int128(mid(amount.currency)) * Int128(payer.minorPerMajor)
            * Int128(10_000 + spreadBP)
        let denominator = Int128(amount.currency.minorPerMajor) * Int128(mid(payer)) * 10_000
        guard let minor = checkedDivideHalfUp(numerator, denominator) else {
            throw .amountTooLarge(field: field, currency: payer)
        }
        return Money(minor: minor, payer)
    }

    /// What the shop pays in `payer` currency to obtain `amount` (a foreign amount), with the spread against it.
    public func cost(of amount: Money, in payer: Currency, spreadBP: Int) -> Money {
        if amount.currency == payer && spreadBP == 0 { return amount }
        let numerator = Int128(amount.minor) * Int128(mid(amount.currency)) * Int128(payer.minorPerMajor)
            * Int128(10_000 + spreadBP)
        let denominator = Int128(amount.currency.minorPerMajor) * Int128(mid(payer)) * 10_000
        return Money(minor: divideHalfUp(numerator, denominator), payer)
    }
}

/// The parameters and the walk of the FX market.
public enum FXMarket {
    /// Long-run means, CNY per unit, in millionths: the CFETS central parity of 2025-09-01 (USD 7.107, EUR 8.313,
    /// JPY 0.0483, GBP 9.606, AUD 4.654; DOMAIN.md's rule audit), so the walk wanders around recent real rates.
    public static let meanMicro: [Int64] = [1_000_000, 7_107_000, 8_313_000, 48_300, 9_606_000, 4_654_000]
    /// Daily pull towards the mean.
    public static let reversion = 0.05
    /// Daily volatility as a share of the mean (0.4%).
    public static let volatility = 0.004
    /// The highest rate the engine holds, CNY millionths per unit (10,000 CNY per unit): far above any rate that
    /// accepted shocks can reach, low enough that every conversion of an amount within limits fits its integers.
    public static let maxRateMicro: Int64 = 10_000_000_000
    /// The spread a bank or provider takes on a conversion, each way, in basis points (*assumption*).
    public static let spreadBP = 50

    /// The rates of day 0 of a world: the means, nudged by the seed so worlds differ from the first day.
    public static func opening(rng: CounterRNG) -> FXRates {
        var rates = meanMicro
        for i in 1..<rates.count {
            let z = rng.normal(.fx, day: -1, entity: i)
            rates[i] = step(Double(meanMicro[i]), mean: Double(meanMicro[i]), z: z * 3)
        }
        return FXRates(micro: rates)
    }

    /// The next day's rates: r' = r + θ(μ − r) + σμz, rounded to the millionth.
    public static func next(after rates: FXRates, day: Int, rng: CounterRNG) -> FXRates {
        var next = rates.micro
        for i in 1..<next.count {
            let z = rng.normal(.fx, day: day, entity: i)
            next[i] = step(Double(rates.micro[i]), mean: Double(meanMicro[i]), z: z)
        }
        return FXRates(micro: next)
    }

    static func step(_ rate: Double, mean: Double, z: Double) -> Int64 {
        let moved = rate + reversion * (mean - rate) + volatility * mean * z
        return max(1, Int64((moved).rounded(.toNearestOrAwayFromZero)))
    }
}
