import Testing
@testable import BorderLabCore

/// DESIGN.md invariant 3: money is exact, with one rounding rule (half-up, once, at the end).
@Suite struct MoneyTests {
    // MARK: Parsing

    struct ParseCase: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: Money
        var testDescription: String { text.debugDescription }
    }

    static let parseCases: [ParseCase] = [
        ParseCase(text: "129.00 CNY", expected: Money(minor: 12_900, .CNY)),
        ParseCase(text: "1500 JPY", expected: Money(minor: 1_500, .JPY)),
        ParseCase(text: "-3.5 EUR", expected: Money(minor: -350, .EUR)),
        ParseCase(text: "0.10 usd", expected: Money(minor: 10, .USD)),
        ParseCase(text: "7 AUD", expected: Money(minor: 700, .AUD)),
        ParseCase(text: "12.30 GBP", expected: Money(minor: 1_230, .GBP)),
        ParseCase(text: "1500.00 JPY", expected: Money(minor: 1_500, .JPY)), // zeros after the point are not decimals
        ParseCase(text: "9999999999999.99 USD", expected: Money(minor: 999_999_999_999_999, .USD)),
        // Thousands separators, the way `status` prints amounts.
        ParseCase(text: "1,000 CNY", expected: Money(minor: 100_000, .CNY)),
        ParseCase(text: "18,327 JPY", expected: Money(minor: 18_327, .JPY)),
        ParseCase(text: "1,234,567.89 USD", expected: Money(minor: 123_456_789, .USD)),
    ]

    @Test(arguments: parseCases)
    func parsesMoney(_ c: ParseCase) throws {
        #expect(try Money(parsing: c.text) == c.expected)
    }

    struct ParseErrorCase: Sendable, CustomTestStringConvertible {
        let text: String
        let error: MoneyParseError
        /// What the message must say so the student can fix the input.
        let hint: String
        var testDescription: String { text.debugDescription }
    }

    static let parseErrorCases: [ParseErrorCase] = [
        ParseErrorCase(text: "12.345 USD", error: .tooManyDecimals("12.345 USD", .USD), hint: "\"129.00 USD\""),
        ParseErrorCase(text: "12.5 JPY", error: .tooManyDecimals("12.5 JPY", .JPY), hint: "\"1500 JPY\""),
        ParseErrorCase(text: "129.00", error: .malformed("129.00"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "CNY 129.00", error: .malformed("CNY 129.00"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "12 XYZ", error: .unknownCurrency("XYZ"), hint: "Use one of: CNY, USD, EUR, JPY, GBP, AUD"),
        ParseErrorCase(text: "1.2.3 CNY", error: .malformed("1.2.3 CNY"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "12. CNY", error: .malformed("12. CNY"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: ".5 CNY", error: .malformed(".5 CNY"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "1e3 CNY", error: .malformed("1e3 CNY"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "1,00 CNY", error: .malformed("1,00 CNY"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "1000,000 CNY", error: .malformed("1000,000 CNY"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: ",100 CNY", error: .malformed(",100 CNY"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "2.500,00 EUR", error: .malformed("2.500,00 EUR"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "1,000.000,5 CNY", error: .malformed("1,000.000,5 CNY"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "", error: .malformed(""), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "12 CNY extra", error: .malformed("12 CNY extra"), hint: "AMOUNT CURRENCY"),
        ParseErrorCase(text: "99999999999999 CNY", error: .outOfRange("99999999999999 CNY"), hint: "too large"),
    ]

    @Test(arguments: parseErrorCases)
    func refusesMalformedMoney(_ c: ParseErrorCase) {
        #expect(throws: c.error) { try Money(parsing: c.text) }
        #expect(c.error.description.contains(c.hint))
    }

    @Test func descriptionParsesBack() throws {
        let amounts = [Money(minor: 12_900, .CNY), Money(minor: -5, .CNY), Money(minor: 1_500, .JPY), Money(minor: -1, .JPY),
                       Money(minor: 0, .EUR), Money(minor: 100_001, .USD), Money(minor: 7, .GBP)]
        #expect(amounts.map(\.description) == ["129.00 CNY", "-0.05 CNY", "1500 JPY", "-1 JPY", "0.00 EUR", "1000.01 USD", "0.07 GBP"])
        for amount in amounts { #expect(try Money(parsing: amount.description) == amount) }
    }

    // MARK: Rounding

    /// Half-up means away from zero on ties: 2.5 → 3 and −2.5 → −3; everything else to the nearest integer.
    @Test(arguments: [
        (5, 2, 3), (-5, 2, -3), (3, 2, 2), (-3, 2, -2), (1, 2, 1), (-1, 2, -1),
        (7, 3, 2), (-7, 3, -2), (5, 3, 2), (-5, 3, -2), (0, 5, 0), (249, 100, 2), (251, 100, 3), (5, -2, -3),
    ])
    func roundsHalfUp(numerator: Int, denominator: Int, expected: Int) {
        let r = Rational(Int128(numerator), Int128(denominator))
        #expect(r.roundedHalfUp() == Int64(expected))
        #expect(divideHalfUp(Int128(numerator), Int128(denominator)) == Int64(expected))
    }

    @Test func divideHalfUpAgreesWithRational() {
        var disagreements = 0
        for n in -300...300 {
            for d in [-7, -4, -3, -2, -1, 1, 2, 3, 4, 6, 7, 10, 100] {
                if divideHalfUp(Int128(n), Int128(d)) != Rational(Int128(n), Int128(d)).roundedHalfUp() { disagreements += 1 }
            }
        }
        #expect(disagreements == 0)
    }

    @Test func rationalsAreNormalisedAndExact() {
        #expect(Rational(2, -4) == Rational(-1, 2))
        #expect(Rational(1, 3) + Rational(1, 6) == Rational(1, 2))
        #expect(Rational(1, 3) * Rational(3, 7) == Rational(1, 7))
        #expect(Rational(-7, 2).floor() == -4)
        #expect(Rational(7, 2).floor() == 3)
        // 0.05 CNY × ½ = 2.5 fen → 3 fen (rounded once, at the end).
        #expect(Money(minor: 5, .CNY).times(Rational(1, 2)) == Money(minor: 3, .CNY))
        #expect(Money(minor: -5, .CNY).times(Rational(1, 2)) == Money(minor: -3, .CNY))
        // 2.9% of 100.00 USD = 2.90 USD; 2.9% of 0.50 USD = 1.45 cents → 1 cent.
        #expect(Money(minor: 10_000, .USD).basisPoints(290) == Money(minor: 290, .USD))
        #expect(Money(minor: 50, .USD).basisPoints(290) == Money(minor: 1, .USD))
        #expect(Money(minor: 50, .USD).basisPoints(300) == Money(minor: 2, .USD)) // 1.5 cents → 2
    }

    // MARK: FX

    /// A fixed day of rates: CNY per unit in millionths. USD is 7.123457 so conversions do not come out even.
    static let rates = FXRates(micro: [1_000_000, 7_123_457, 7_750_000, 47_500, 9_050_000, 4_650_000])

    /// At mid: 100.00 USD = 10,000 × 7.123457 = 71,234.57 fen → 71,235 fen (712.35 CNY);
    /// back: 71,235 / 7.123457 = 10,000.06 cents → 100.00 USD.
    @Test func roundTripAtMidComesBackWithinOneCent() {
        let rates = MoneyTests.rates
        let cny = rates.convert(Money(minor: 10_000, .USD), to: .CNY)
        #expect(cny == Money(minor: 71_235, .CNY))
        #expect(rates.convert(cny, to: .USD) == Money(minor: 10_000, .USD))
        // And for many amounts, in both directions through CNY and through a cross rate.
        var worst: Int64 = 0
        for cents in stride(from: 1, through: 2_000_000, by: 997) {
            let usd = Money(minor: Int64(cents), .USD)
            worst = max(worst, abs(rates.convert(rates.convert(usd, to: .CNY), to: .USD).minor - usd.minor))
            worst = max(worst, abs(rates.convert(rates.convert(usd, to: .EUR), to: .USD).minor - usd.minor))
        }
        #expect(worst <= 1)
    }

    /// With the 50 bp spread each way: 71,234.57 × 0.995 = 70,878.397 fen → 70,878 fen (708.78 CNY);
    /// back: 70,878 / 7.123457 × 0.995 = 9,900.19 cents → 99.00 USD. The round trip costs 1.00 USD,
    /// i.e. 1 − 0.995² ≈ 2 × the spread.
    @Test func roundTripWithSpreadLosesTwiceTheSpread() {
        let rates = MoneyTests.rates
        #expect(FXMarket.spreadBP == 50)
        let cny = rates.convert(Money(minor: 10_000, .USD), to: .CNY, spreadBP: FXMarket.spreadBP)
        #expect(cny == Money(minor: 70_878, .CNY))
        let back = rates.convert(cny, to: .USD, spreadBP: FXMarket.spreadBP)
        #expect(back == Money(minor: 9_900, .USD))
        #expect(Money(minor: 10_000, .USD) - back == Money(minor: 100, .USD))
        // Buying 100.00 USD costs 71,234.57 × 1.005 = 71,590.74 fen → 715.91 CNY.
        #expect(rates.cost(of: Money(minor: 10_000, .USD), in: .CNY, spreadBP: FXMarket.spreadBP) == Money(minor: 71_591, .CNY))
        // JPY has no minor unit: 1500 JPY × 0.0475 = 71.25 CNY exactly.
        #expect(rates.convert(Money(minor: 1_500, .JPY), to: .CNY) == Money(minor: 7_125, .CNY))
        // 100.00 CNY / 0.0475 = 2105.26 JPY → 2105 JPY.
        #expect(rates.convert(Money(minor: 10_000, .CNY), to: .JPY) == Money(minor: 2_105, .JPY))
    }

    /// The walk reverts to its means: over ten years it stays within ±20% of them (its stationary spread is about
    /// 0.4% / √(1 − 0.95²) ≈ 1.3%), and CNY stays exactly 1.
    @Test(arguments: [1, 2, 42, 2026, UInt64.max] as [UInt64])
    func fxWalkStaysNearItsMeans(seed: UInt64) {
        let rng = CounterRNG(seed: seed)
        var rates = FXMarket.opening(rng: rng)
        var lowest = rates.micro, highest = rates.micro
        for day in 1...3_650 {
            rates = FXMarket.next(after: rates, day: day, rng: rng)
            for i in rates.micro.indices {
                lowest[i] = min(lowest[i], rates.micro[i])
                highest[i] = max(highest[i], rates.micro[i])
            }
        }
        for (i, mean) in FXMarket.meanMicro.enumerated() {
            #expect(lowest[i] >= mean * 8 / 10, "currency \(i) fell to \(lowest[i])")
            #expect(highest[i] <= mean * 12 / 10, "currency \(i) rose to \(highest[i])")
        }
        #expect(lowest[0] == 1_000_000 && highest[0] == 1_000_000)
        // It does move.
        #expect(highest[1] - lowest[1] > 100_000)
    }

    // MARK: Payment fees

    /// Card: 2.9% + 0.30 USD. On 100.00 USD domestic: 2.90 + 0.30 = 3.20 USD.
    /// International and converted add 1.5% and 1%: 5.4% → 5.40 + 0.30 = 5.70 USD.
    @Test func cardFeesWorkedByHand() {
        let rates = MoneyTests.rates
        let hundred = Money(minor: 10_000, .USD)
        #expect(PaymentProvider.card.fee(on: hundred, international: false, converted: false, rates: rates) == Money(minor: 320, .USD))
        #expect(PaymentProvider.card.fee(on: hundred, international: true, converted: true, rates: rates) == Money(minor: 570, .USD))
        #expect(PaymentProvider.card.fee(on: hundred, international: true, converted: false, rates: rates) == Money(minor: 470, .USD))
        // In EUR the fixed 0.30 USD is converted at mid: 30 × 7.123457 / 7.75 = 27.57 cents → 0.28 EUR;
        // 2.90 + 0.28 = 3.18 EUR.
        #expect(PaymentProvider.card.fee(on: Money(minor: 10_000, .EUR), international: false, converted: false, rates: rates)
                == Money(minor: 318, .EUR))
        // One rounding for the whole fee: 10.20 EUR → 2.9% = 29.58 cents, fixed 27.5747 cents; 57.1547 → 0.57 EUR.
        // (Rounding each part first would give 30 + 28 = 0.58 EUR.)
        #expect(PaymentProvider.card.fee(on: Money(minor: 1_020, .EUR), international: false, converted: false, rates: rates)
                == Money(minor: 57, .EUR))
    }

    /// PayPal: 3.49% + 0.49 USD (+1.5% international, +3% conversion); the Chinese wallet: 0.6%, no fixed fee.
    @Test func walletFeesWorkedByHand() {
        let rates = MoneyTests.rates
        let hundred = Money(minor: 10_000, .USD)
        #expect(PaymentProvider.paypal.fee(on: hundred, international: false, converted: false, rates: rates) == Money(minor: 398, .USD))
        // 3.49 + 1.5 + 3 = 7.99% → 7.99 + 0.49 = 8.48 USD
        #expect(PaymentProvider.paypal.fee(on: hundred, international: true, converted: true, rates: rates) == Money(minor: 848, .USD))
        // 0.6% of 129.00 CNY = 0.774 CNY → 0.77 CNY
        #expect(PaymentProvider.cnWallet.fee(on: Money(minor: 12_900, .CNY), international: false, converted: false, rates: rates)
                == Money(minor: 77, .CNY))
    }

    // MARK: The yuan as Chinese users write it

    @Test(arguments: ["129.00 CNY", "129 RMB", "129 rmb", "129 元", "129元", "￥129", "￥ 129", "129.00 ￥"])
    func yuanSpellingsReadAsCNY(text: String) throws {
        #expect(try Money(parsing: text) == Money(minor: 12_900, .CNY))
    }

    /// ¥ (U+00A5) is the yen in Japan and the yuan in China: refused with the fix, never guessed.
    @Test(arguments: ["¥129", "129 ¥", "¥ 129"])
    func aBareYenSignIsRefusedAsAmbiguous(text: String) {
        #expect(throws: MoneyParseError.ambiguousYenSign("¥")) { try Money(parsing: text) }
        #expect(MoneyParseError.ambiguousYenSign("¥").description.contains("CNY"))
        #expect(MoneyParseError.ambiguousYenSign("¥").description.contains("JPY"))
    }

    @Test func currencyAliasesResolve() throws {
        #expect(try Currency.resolve("rmb") == .CNY)
        #expect(try Currency.resolve("jpy") == .JPY)
        #expect(throws: MoneyParseError.unknownCurrency("XYZ")) { try Currency.resolve("XYZ") }
        #expect(throws: MoneyParseError.malformed("CNY 129")) { try Money(parsing: "CNY 129") }
    }
}
