/// Payment providers with their published fee schedules (DOMAIN.md, 2025–26) and a settlement lag.
public struct PaymentProvider: Sendable, Hashable, Identifiable {
    public let id: String
    /// Percentage fee, basis points.
    public let percentBP: Int
    /// Fixed fee per transaction, in USD cents, converted to the payment currency at the day's mid rate.
    public let fixedUSDCents: Int64
    /// Extra percentage on international cards, basis points.
    public let internationalBP: Int
    /// Extra percentage when the provider converts currency, basis points.
    public let conversionBP: Int
    /// Settlement lag, days.
    public let settlementDays: ClosedRange<Int>

    /// The provider's fee on a payment of `amount`, exact then rounded half-up once.
    public func fee(on amount: Money, international: Bool, converted: Bool, rates: FXRates) -> Money {
        var bp = percentBP
        if international { bp += internationalBP }
        if converted { bp += conversionBP }
        // Percentage and fixed parts summed exactly (the fixed 0.30 USD at the day's mid rate), then rounded once.
        // amount·bp/10⁴ + cents·mid(USD)·minorPerMajor/(100·mid(cur)), over the common denominator 10⁴·100·mid(cur)
        // (plain integer arithmetic: this runs for every checkout).
        let midCur = Int128(rates.mid(amount.currency))
        let numerator = Int128(amount.minor) * Int128(bp) * Int128(Currency.USD.minorPerMajor) * midCur
            + 10_000 * Int128(fixedUSDCents) * Int128(rates.mid(.USD)) * Int128(amount.currency.minorPerMajor)
        return Money(minor: divideHalfUp(numerator, 10_000 * Int128(Currency.USD.minorPerMajor) * midCur), amount.currency)
    }

    /// Stripe-like card processing: 2.9% + 0.30 USD, +1.5% international, +1% conversion.
    public static let card = PaymentProvider(id: "card", percentBP: 290, fixedUSDCents: 30, internationalBP: 150,
                                             conversionBP: 100, settlementDays: 2...7)
    /// PayPal-like wallet: 3.49% + 0.49 USD, +1.5% international, 3% FX markup.
    public static let paypal = PaymentProvider(id: "paypal", percentBP: 349, fixedUSDCents: 49, internationalBP: 150,
                                               conversionBP: 300, settlementDays: 2...5)
    /// A Chinese mobile wallet for domestic consumers (*assumption*: 0.6%, no fixed fee; settles in 2–3 days, the
    /// fast end of DOMAIN's 2–7).
    public static let cnWallet = PaymentProvider(id: "cn-wallet", percentBP: 60, fixedUSDCents: 0, internationalBP: 0,
                                                 conversionBP: 0, settlementDays: 2...3)

    /// Not a payment service: a merchant paying a rebate site its confirmed commission (settles after 30 days).
    public static let merchant = PaymentProvider(id: "merchant", percentBP: 0, fixedUSDCents: 0, internationalBP: 0,
                                                 conversionBP: 0, settlementDays: 30...30)

    public static let all: [PaymentProvider] = [card, cnWallet, merchant, paypal]

    public static func named(_ id: String) -> PaymentProvider? { all.first { $0.id == id } }
}
