/// What the payment provider's screening decided at checkout.
struct PaymentScreen {
    /// False when the shopper gave up at the extra verification (or a fraud bot was stopped by it).
    var proceed = true
    var score = 0
    var fraud = false
    var verified = false
}

/// Fraud bots and the shop's verification rule, decided once per checkout on the engine's hot path.
///
/// A checkout is a fraud bot with a small probability that depends on how it pays and how much. The provider shows a
/// risk score 0–100 for every payment. With g = ⌊100·u₁·u₂⌋ for two uniforms (density −ln x: mean 25, median 19),
/// a genuine shopper scores g (8.9% score above 60) and a fraud bot 100 − g (77% score above 60): fraud is mostly high,
/// genuine mostly low, and the two overlap, so any score threshold trades stopped fraud against lost shoppers.
extension World {
    /// Fraud bots among card and PayPal checkouts, per million (*assumption*: 0.3%). With high-value checkouts drawing
    /// twice as many, fraud chargebacks come to about 0.35% of card payments and genuine disputes add the rest of
    /// DOMAIN.md's e-commerce chargeback rate of about 0.5–0.6%. The dispute monitor counts a fraud chargeback twice
    /// (fraud report + dispute), so a careful shop stays near 1% and a careless one crosses the 1.5% thresholds.
    static let cardFraudPPM: UInt64 = 3_000
    /// Fraud bots among cn-wallet checkouts, per million (*assumption*: 0.05%; a wallet logged in on the shopper's
    /// phone is hard to steal).
    static let walletFraudPPM: UInt64 = 500
    /// Checkouts above this amount attract twice as many fraud bots (*assumption*: resellable goods).
    static let highValueCheckout = Money(major: 200, .USD)
    /// Share of fraud bots extra verification (3-D Secure) stops, basis points (*assumption*).
    static let verificationStopsFraudBP: UInt64 = 8_500
    /// Share of genuine shoppers who give up at extra verification, basis points (*assumption*).
    static let verificationLosesGenuineBP: UInt64 = 800
    /// Days from a fraud payment to its owner's dispute (DOMAIN.md: chargebacks come 2–8 weeks after the sale).
    static let fraudDisputeDays = 14...56
    /// How far a fraud-wave event may raise the fraud bots, percent (3000: 31 times as many, about 9% of card checkouts).
    public static let fraudWavePercent = 50...3_000

    /// Screens a checkout of `amount` (in the shopper's currency) by customer `c` from country index `ci`.
    ///
    /// Draws from stream `fraud` under today's key, entity = the customer (a customer checks out at most once a day):
    /// index 0 fraud or not, 1–2 the score, 3 the verification outcome.
    /// - Parameter cardNotPresent: true for card and PayPal, false for the cn-wallet.
    mutating func screenPayment(customer c: Int, countryIndex ci: Int, amount: Money, cardNotPresent: Bool) -> PaymentScreen {
        let key = riskBook.fraudKey
        var ppm = cardNotPresent ? World.cardFraudPPM : World.walletFraudPPM
        if World.isAbove(amount, World.highValueCheckout, rates: rates) { ppm *= 2 }
        if modeBook.fraudWaveUntil > day { ppm += ppm * UInt64(modeBook.fraudWavePercent) / 100 }
        let fraud = CounterRNG.bits(key: key, entity: c, index: 0) % 1_000_000 < ppm
        let u1 = CounterRNG.unit(CounterRNG.bits(key: key, entity: c, index: 1))
        let u2 = CounterRNG.unit(CounterRNG.bits(key: key, entity: c, index: 2))
        let g = Int(100 * u1 * u2)
        let score = fraud ? 100 - g : g
        var verify = false
        if let above = settings.verifyAbove, World.isAbove(amount, above, rates: rates) { verify = true }
        if let limit = settings.verifyScoreAbove, score > limit { verify = true }
        guard verify else { return PaymentScreen(proceed: true, score: score, fraud: fraud, verified: false) }
        let u = CounterRNG.bits(key: key, entity: c, index: 3) % 10_000
        let t = riskBook.todayTally
        if fraud, u < World.verificationStopsFraudBP {
            riskBook.tallies[t].fraudStopped += 1
            return PaymentScreen(proceed: false, score: score, fraud: true, verified: false)
        }
        if !fraud, u < World.verificationLosesGenuineBP {
            riskBook.tallies[t].genuineLost += 1
            return PaymentScreen(proceed: false, score: score, fraud: false, verified: false)
        }
        riskBook.tallies[t].verifiedCheckouts += 1
        return PaymentScreen(proceed: true, score: score, fraud: fraud, verified: true)
    }

    /// Whether `amount` is strictly above `threshold`, compared exactly at today's mid rates (no rounding).
    @inline(__always)
    static func isAbove(_ amount: Money, _ threshold: Money, rates: FXRates) -> Bool {
        if amount.currency == threshold.currency { return amount.minor > threshold.minor }
        let left = Int128(amount.minor) * Int128(rates.mid(amount.currency)) * Int128(threshold.currency.minorPerMajor)
        let right = Int128(threshold.minor) * Int128(rates.mid(threshold.currency)) * Int128(amount.currency.minorPerMajor)
        return left > right
    }
}
