import Testing
@testable import BorderLabCore

/// Payments and risk: chargebacks and their fees in the ledger, the dispute-ratio monitor, the verification rule's
/// trade-off, currency conversion and held payouts.
@Suite struct RiskTests {
    // MARK: Fixtures

    /// A global-export shop with plenty of stock in the demo's twelve products, from `start`, with `customers` shoppers.
    static func stockedShop(seed: UInt64 = 7, start: String = "2026-03-01", customers: Int = 6_000,
                            settings: [Action] = []) throws -> World {
        var world = try World(header: WorldHeader(seed: seed, scenario: .globalExport, startDate: SimDate(iso: start),
                                                  customers: customers)).mature()
        for action in world.demoShopActions() + settings { try world.apply(action) }
        for listing in world.listings { world.contributeStock(sku: listing.sku, units: 20_000, unitCost: Money(major: 20, .CNY)) }
        return world
    }

    /// A world on day 0 whose USD mid rate is exactly 7.1 CNY, with one payment of `amount` injected.
    static func worldWithPayment(_ amount: Money, provider: String = "card", settled: Bool = true) throws -> World {
        var world = try WorldFixtures.world(seed: 1, .globalExport)
        world.fxHistory[0].micro[1] = 7_100_000
        world.payments.append(Payment(id: 1, orderID: 1, provider: provider, day: 0, amount: amount, fee: .zero(amount.currency),
                                      tax: .zero(amount.currency), settleDay: settled ? 0 : 2,
                                      status: settled ? .settled : .captured, settledHome: nil, riskScore: 91, fraud: true))
        return world
    }

    static func expectBalanced(_ world: World) {
        for currency in Currency.allCases { #expect(world.ledger.imbalance(currency) == 0, "\(currency)") }
        #expect(world.lots.allSatisfy { $0.unitsBalance })
    }

    // MARK: Chargebacks

    /// A 100.00 USD fraud payment by card at 7.1 CNY/USD, bank spread 0.5%:
    /// chargeback 100.00 USD bought for 100 × 7.1 × 1.005 = 713.55 CNY; fee 15.00 USD for 15 × 7.1 × 1.005 = 107.0325
    /// → 107.03 CNY; the shop's cash falls by 820.58 CNY. chargeback_losses carries 100.00 USD, dispute_fees 15.00 USD.
    @Test func chargebackOfACardPaymentGolden() throws {
        var world = try RiskTests.worldWithPayment(Money(major: 100, .USD))
        let cashBefore = world.cash(.CNY)
        let linesBefore = world.ledger.lines.count
        world.openChargeback(payment: 1, reason: .fraud)
        let c = try #require(world.riskBook.chargebacks.first)
        #expect(c.status == .chargedBack && c.reason == .fraud && c.dayOpened == 0 && c.dayDue == 0)
        #expect(c.amount == Money(major: 100, .USD))
        #expect(c.fee == Money(major: 15, .USD))
        #expect(c.amountPaid == Money(minor: 71_355, .CNY))
        #expect(c.feePaid == Money(minor: 10_703, .CNY))
        #expect(world.cash(.CNY) == cashBefore - Money(minor: 82_058, .CNY))
        #expect(world.ledger.balance(.chargebackLosses, .USD) == Money(major: 100, .USD))
        #expect(world.ledger.balance(.disputeFees, .USD) == Money(major: 15, .USD))
        #expect(world.ledger.balance(.fxClearing, .USD) == Money(major: -115, .USD))
        #expect(world.ledger.balance(.fxClearing, .CNY) == Money(minor: 82_058, .CNY))
        let new = world.ledger.lines[linesBefore...]
        #expect(new.count == 8) // two entries of four legs
        #expect(Set(new.map(\.kind)) == [.chargeback, .dispute])
        #expect(world.payments[0].status == .chargedBack)
        // Disputing the same payment again changes nothing.
        world.openChargeback(payment: 1, reason: .complaint)
        world.openDispute(payment: 1, reason: "complaint")
        #expect(world.riskBook.chargebacks.count == 1)
        RiskTests.expectBalanced(world)
    }

    /// With enough USD held, the provider takes it from the USD cash: no conversion, no spread.
    @Test func chargebackComesFromHeldForeignCash() throws {
        var world = try RiskTests.worldWithPayment(Money(major: 100, .USD), provider: "paypal")
        try world.apply(.convert(amount: Money(major: 1_000, .CNY), to: .USD)) // 140.14 USD, see fxConvertGolden
        world.openChargeback(payment: 1, reason: .fraud)
        let c = try #require(world.riskBook.chargebacks.first)
        #expect(c.fee == Money(major: 20, .USD)) // PayPal's fee
        #expect(c.amountPaid == Money(major: 100, .USD))
        #expect(c.feePaid == Money(major: 20, .USD))
        #expect(world.cash(.USD) == Money(minor: 14_014 - 12_000, .USD))
        RiskTests.expectBalanced(world)
    }

    /// A dispute on a payment not yet settled waits for the settlement, then takes the money.
    @Test func disputeBeforeSettlementWaitsForIt() throws {
        var world = try RiskTests.worldWithPayment(Money(major: 50, .EUR), settled: false)
        World.schedule(&world.settlementsDue, day: 2, id: 1)
        world.payments[0].fraud = false
        world.openDispute(payment: 1, reason: "not-received")
        var c = try #require(world.riskBook.chargebacks.first)
        #expect(c.status == .open && c.dayDue == 2 && c.reason == .notReceived)
        try world.apply(.advance(days: 2))
        #expect(world.riskBook.chargebacks[0].status == .open)
        try world.apply(.advance(days: 1))
        c = world.riskBook.chargebacks[0]
        #expect(c.status == .chargedBack)
        #expect(world.payments[0].status == .chargedBack)
        #expect(world.ledger.balance(.chargebackLosses, .EUR) == Money(major: 50, .EUR))
        // It counted in the month it was opened, as a genuine dispute.
        #expect(world.riskBook.tallies[0].otherDisputes == 1 && world.riskBook.tallies[0].fraudChargebacks == 0)
        RiskTests.expectBalanced(world)
    }

    /// Genuine disputes (an upset customer's complaint or a parcel that never came) also reach the shop 2–8 weeks
    /// after the sale, never sooner, and never for an order refunded before the issuer opened them.
    @Test func genuineDisputesArriveTwoToEightWeeksAfterTheSale() throws {
        var world = try RiskTests.stockedShop(customers: 12_000)
        try world.apply(.advance(days: 150))
        let genuine = world.riskBook.chargebacks.filter { $0.reason != .fraud }
        #expect(!genuine.isEmpty, "a shop that never answers its tickets gets disputes")
        for c in genuine {
            let paid = world.payments[c.paymentID - 1].day
            // 14–56 days after the sale, or later when the customer got upset later (within the 120-day window).
            #expect((14...120).contains(c.dayOpened - paid), "dispute opened \(c.dayOpened - paid) days after the sale")
            #expect(!world.serviceBook.refundedOrders.contains(c.orderID) || c.status != .open)
        }
    }

    /// Every fraud payment that went through is disputed by its card owner 14–56 days later; nothing else is.
    @Test func fraudPaymentsAreChargedBackTwoToEightWeeksLater() throws {
        var world = try RiskTests.stockedShop(customers: 12_000)
        try world.apply(.advance(days: 120))
        let fraud = world.payments.filter(\.fraud)
        #expect(fraud.count >= 10, "a run with fraud")
        let byPayment = Dictionary(uniqueKeysWithValues: world.riskBook.chargebacks.map { ($0.paymentID, $0) })
        for p in fraud {
            if let c = byPayment[p.id] {
                #expect((14...56).contains(c.dayOpened - p.day))
                #expect(c.reason == .fraud && c.status == .chargedBack && c.amount == p.amount)
                #expect(c.fee == (p.provider == "paypal" ? Money(major: 20, .USD) : Money(major: 15, .USD)))
                #expect(world.payments[p.id - 1].status == .chargedBack)
            } else {
                // Not disputed yet, or the card owner got the money back through a refund (a lost or returned parcel).
                #expect(p.day + 56 >= world.day - 1 || world.moneyReturned(order: p.orderID),
                        "payment \(p.id) of day \(p.day) should have been disputed")
            }
        }
        #expect(world.riskBook.chargebacks.count >= 5)
        // Fraud chargebacks come from fraud payments; the others are genuine customers' disputes (ignored tickets).
        #expect(world.riskBook.chargebacks.allSatisfy { ($0.reason == .fraud) == world.payments[$0.paymentID - 1].fraud })
        // The ledger carries exactly the disputed amounts, per currency, and the fees in USD.
        for currency in [Currency.USD, .EUR, .JPY] {
            let taken = world.riskBook.chargebacks.filter { $0.amount.currency == currency }.reduce(Int64(0)) { $0 + $1.amount.minor }
            #expect(world.ledger.balance(.chargebackLosses, currency).minor == taken)
        }
        // Dispute fees in USD: one per chargeback, plus the monitor's penalties for excessive months.
        let fees = world.riskBook.chargebacks.filter { $0.fee.currency == .USD }.reduce(Int64(0)) { $0 + $1.fee.minor }
        let penalties = world.riskBook.months.filter { $0.penalty.currency == .USD }.reduce(Int64(0)) { $0 + $1.penalty.minor }
        #expect(world.ledger.balance(.disputeFees, .USD).minor == fees + penalties)
        // Fraud bots score high, shoppers low (documented distributions: means about 75 and 25).
        let genuine = world.payments.filter { !$0.fraud }
        let fraudMean = Double(fraud.reduce(0) { $0 + $1.riskScore }) / Double(fraud.count)
        let genuineMean = Double(genuine.reduce(0) { $0 + $1.riskScore }) / Double(genuine.count)
        #expect(fraudMean > 60 && genuineMean < 30)
        // …and overlap: some shoppers look risky (the bots' overlap is measured in screeningMatchesTheDocumentedRates).
        #expect(genuine.contains { $0.riskScore > 70 })
        RiskTests.expectBalanced(world)
    }

    // MARK: The verification rule

    /// 200,000 screenings of one day against the documented figures: 0.3% fraud among card checkouts, twice that above
    /// 200 USD, 0.05% for the wallet; genuine scores above 60 with P = 1 − 0.61 + 0.61·ln 0.61 ≈ 8.85%, fraud scores
    /// at or below 60 with P = 1 − 0.4 + 0.4·ln 0.4 ≈ 23.3% (g = ⌊100·u₁·u₂⌋, fraud = 100 − g).
    @Test func screeningMatchesTheDocumentedRates() throws {
        var world = try WorldFixtures.world(seed: 5, .globalExport)
        world.riskDay()
        func screen(_ amount: Money, cardNotPresent: Bool) -> (fraud: Double, fraudLow: Double, genuineHigh: Double) {
            var fraud = 0, fraudLow = 0, genuineHigh = 0
            let n = 200_000
            for c in 0..<n {
                let s = world.screenPayment(customer: c, countryIndex: 0, amount: amount, cardNotPresent: cardNotPresent)
                #expect(s.proceed && !s.verified && (0...100).contains(s.score))
                if s.fraud { fraud += 1; if s.score <= 60 { fraudLow += 1 } } else if s.score > 60 { genuineHigh += 1 }
            }
            return (Double(fraud) / Double(n), Double(fraudLow) / Double(max(fraud, 1)), Double(genuineHigh) / Double(n - fraud))
        }
        let small = screen(Money(major: 50, .USD), cardNotPresent: true)
        #expect(abs(small.fraud - 0.003) < 0.0006)
        #expect(abs(small.fraudLow - 0.233) < 0.04)
        #expect(abs(small.genuineHigh - 0.0885) < 0.005)
        // 190 EUR is above 200 USD at any plausible rate; 180 USD is not above 200 USD.
        #expect(abs(screen(Money(major: 190, .EUR), cardNotPresent: true).fraud - 0.006) < 0.001)
        #expect(abs(screen(Money(major: 180, .USD), cardNotPresent: true).fraud - 0.003) < 0.0006)
        #expect(screen(Money(major: 50, .USD), cardNotPresent: false).fraud < 0.001)
    }

    /// Verifying every checkout (above 1.00 USD) stops most fraud bots but loses some shoppers: fewer fraud chargebacks
    /// and fewer orders than without the rule, in the same world.
    @Test func verificationTradesOrdersForFraud() throws {
        var open = try RiskTests.stockedShop(customers: 12_000)
        var strict = try RiskTests.stockedShop(customers: 12_000, settings: [.set(key: "risk.verify_above", value: "1.00 USD")])
        try open.apply(.advance(days: 120))
        try strict.apply(.advance(days: 120))
        let fraudChargebacks = { (w: World) in w.riskBook.chargebacks.filter { $0.reason == .fraud }.count }
        // 7 fraud chargebacks without the rule, 3 with it, in this world (FX means at the 2025-09-01 central parity).
        #expect(fraudChargebacks(open) >= 6)
        #expect(fraudChargebacks(strict) * 2 < fraudChargebacks(open))
        #expect(strict.orders.count < open.orders.count)
        let book = strict.riskBook
        #expect(book.fraudStopped > 0 && book.genuineLost > 0)
        #expect(open.riskBook.fraudStopped == 0 && open.riskBook.genuineLost == 0)
        // About 8% of shoppers give up (between 5% and 11% here), and every checkout that paid was verified.
        let lostShare = Double(book.genuineLost) / Double(book.genuineLost + strict.orders.count)
        #expect(lostShare > 0.05 && lostShare < 0.11)
        #expect(strict.payments.allSatisfy { $0.verified } && !open.payments.contains { $0.verified })
        #expect(strict.dayStats.reduce(0) { $0 + $1.declinedAtVerification } == book.fraudStopped + book.genuineLost)
        RiskTests.expectBalanced(strict)
    }

    /// A score rule verifies only risky checkouts: it still stops most fraud, but loses far fewer shoppers.
    @Test func scoreRuleLosesFewerShoppers() throws {
        var everyone = try RiskTests.stockedShop(settings: [.set(key: "risk.verify_above", value: "1.00 USD")])
        var risky = try RiskTests.stockedShop(settings: [.set(key: "risk.verify_score_above", value: "60")])
        try everyone.apply(.advance(days: 90))
        try risky.apply(.advance(days: 90))
        #expect(risky.riskBook.genuineLost * 5 < everyone.riskBook.genuineLost)
        #expect(risky.riskBook.fraudStopped > 0)
        #expect(risky.payments.filter(\.verified).allSatisfy { $0.riskScore > 60 })
        #expect(risky.payments.filter { !$0.verified }.allSatisfy { $0.riskScore <= 60 })
    }

    // MARK: The dispute-ratio monitor (hand-worked months in DisputeMonitorTests)

    /// Two constructed months with the same ratio, about 1.9%: March 2026 is judged by Visa's 2.2% (VISA-VAMP-2025),
    /// which it passes, and by Mastercard's 1.5%, which it reaches; April 2026 reaches both (VISA-VAMP-2026 is 1.5%).
    /// Each pays one penalty of 50 USD per dispute, converted at the rate of the next month's first day plus the spread.
    @Test func visaThresholdSwitchesOn20260401AndMastercardAppliesThroughout() throws {
        // A shop verifying risky checkouts (score above 60), so that fraud alone stays below 1.5%. Run A learns each
        // month's settled card payments and counts; run B adds genuine disputes on card payments on day 20 of each month
        // so that (fraud reports + disputes) / settled card payments lands between 1.5% and 2.2%. Disputes do not change
        // who shops, nor when payments settle.
        let verify: [Action] = [.set(key: "risk.verify_score_above", value: "60")]
        var a = try RiskTests.stockedShop(settings: verify)
        try a.apply(.advance(days: 62)) // to 2026-05-02: March and April judged
        let months = a.riskBook.months
        #expect(months.map(\.tally.label) == ["2026-03", "2026-04"])
        #expect(a.riskBook.months.allSatisfy { !$0.excessive })
        var b = try RiskTests.stockedShop(settings: verify)
        var added: [Int] = []
        for (m, startDay) in [(0, 0), (1, 31)] {
            try b.apply(.advance(days: startDay + 20 - b.day))
            let t = months[m].tally
            let total = Int((Double(t.cardNotPresentPayments) * 0.0185).rounded(.up))
            let extra = total - t.reportsAndDisputes
            try #require(extra > 0, "\(t.label): \(t.reportsAndDisputes) of \(t.cardNotPresentPayments) already")
            // Payments a customer disputes anyway later in run A (ignored tickets) are left alone, so the counts add up.
            let natural = Set(a.riskBook.chargebacks.map(\.paymentID))
            let candidates = b.payments.filter {
                $0.provider == "card" && $0.day >= startDay && !$0.fraud && !natural.contains($0.id) && !b.moneyReturned(order: $0.orderID)
            }.prefix(extra)
            #expect(candidates.count == extra)
            for p in candidates { b.openDispute(payment: p.id, reason: "complaint") }
            added.append(extra)
        }
        try b.apply(.advance(days: 62 - b.day))
        let judged = b.riskBook.months
        #expect(judged.count == 2)
        for (m, month) in judged.enumerated() {
            #expect(month.tally.cardNotPresentPayments == months[m].tally.cardNotPresentPayments)
            #expect(month.tally.otherDisputes == months[m].tally.otherDisputes + added[m])
            let ratio = try #require(month.ratioBP)
            #expect(ratio >= 150 && ratio < 220, "\(month.tally.label): \(ratio)")
        }
        // March is the world's first month: Mastercard, which divides by the previous month's transactions, cannot
        // judge it, and 1.5–2.2% is below Visa's 2.2%: not excessive. April reaches Visa's lowered 1.5%: 8 USD per
        // dispute (the first programme that flags the month and charges a fee); Mastercard judges April on March's
        // card payments.
        #expect(judged[0].ruleIDs == ["VISA-VAMP-2025"])
        #expect(judged[0].excessiveRuleIDs.isEmpty && !judged[0].excessive)
        #expect(judged[1].ruleIDs == ["VISA-VAMP-2026", "MASTERCARD-EXCESSIVE-CHARGEBACK"])
        #expect(judged[1].excessiveRuleIDs.first == "VISA-VAMP-2026")
        #expect(judged[1].excessive && judged[1].penalty == Money(major: 8, .USD) * judged[1].tally.disputes)
        let mayFirst = judged[1].dayJudged
        #expect(b.date(mayFirst).iso == "2026-05-01")
        let expected = b.fxHistory[mayFirst].cost(of: judged[1].penalty, in: .CNY, spreadBP: FXMarket.spreadBP)
        #expect(judged[1].penaltyPaid == expected)
        let penaltyLines = b.ledger.lines.filter { $0.kind == .disputePenalty && $0.reference == Int32(judged[1].id) }
        #expect(penaltyLines.contains { $0.account == .disputeFees && $0.debit == judged[1].penalty.minor && $0.currency == .USD })
        #expect(penaltyLines.contains { $0.account == .cash && $0.credit == expected.minor && $0.currency == .CNY })
        // One event, and one penalty, per excessive month, however many programmes flag it.
        #expect(b.events.filter { $0.kind == "dispute-ratio-excessive" }.count == 1)
        #expect(b.ledger.lines.filter { $0.kind == .disputePenalty && $0.account == .disputeFees }.count == 1)
        RiskTests.expectBalanced(b)
    }

    // MARK: FX

    /// 1,000.00 CNY to USD at 7.1 CNY/USD less 0.5%: 1000 / 7.1 × 0.995 = 140.1408… → 140.14 USD; back again:
    /// 140.14 × 7.1 × 0.995 = 990.019… → 990.02 CNY (the round trip costs about 1%).
    @Test func fxConvertGolden() throws {
        var world = try RiskTests.worldWithPayment(Money(major: 1, .USD))
        let cny = world.cash(.CNY)
        try world.apply(.convert(amount: Money(major: 1_000, .CNY), to: .USD))
        #expect(world.cash(.USD) == Money(minor: 14_014, .USD))
        #expect(world.cash(.CNY) == cny - Money(major: 1_000, .CNY))
        try world.apply(.convert(amount: Money(minor: 14_014, .USD), to: .CNY))
        #expect(world.cash(.USD) == .zero(.USD))
        #expect(world.cash(.CNY) == cny - Money(major: 1_000, .CNY) + Money(minor: 99_002, .CNY))
        let records = world.riskBook.conversions
        #expect(records.count == 2)
        #expect(records[0].from == Money(major: 1_000, .CNY) && records[0].to == Money(minor: 14_014, .USD))
        #expect(records[0].toMidMicro == 7_100_000 && records[0].fromMidMicro == 1_000_000 && records[0].spreadBP == 50)
        #expect(world.ledger.balance(.fxClearing, .CNY) == Money(minor: 100_000 - 99_002, .CNY))
        #expect(world.ledger.balance(.fxClearing, .USD) == .zero(.USD))
        RiskTests.expectBalanced(world)
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let amount: Money
        let to: Currency
        let error: EngineError
        let fix: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "zero", amount: .zero(.CNY), to: .USD, error: .conversionNotPositive(.zero(.CNY)), fix: "give a positive amount"),
        Refusal(name: "negative", amount: Money(minor: -100, .CNY), to: .USD,
                error: .conversionNotPositive(Money(minor: -100, .CNY)), fix: "`borderlab fx convert"),
        Refusal(name: "same currency", amount: Money(major: 10, .CNY), to: .CNY, error: .conversionSameCurrency(.CNY), fix: "--to"),
        Refusal(name: "above the cash held", amount: Money(major: 5, .USD), to: .CNY,
                error: .conversionAboveCash(amount: Money(major: 5, .USD), held: .zero(.USD)), fix: "holds only 0.00 USD"),
        Refusal(name: "more CNY than the shop has", amount: Money(major: 600_000, .CNY), to: .USD,
                error: .conversionAboveCash(amount: Money(major: 600_000, .CNY), held: Money(major: 500_000, .CNY)),
                fix: "Give at most 500000.00 CNY"),
        Refusal(name: "too small", amount: Money(minor: 1, .CNY), to: .JPY,
                error: .conversionTooSmall(amount: Money(minor: 1, .CNY), to: .JPY), fix: "Give a larger amount"),
    ]

    @Test(arguments: refusals)
    func fxConvertRefusalsChangeNothing(_ r: Refusal) throws {
        var world = try WorldFixtures.world(seed: 1, .globalExport)
        let lines = world.ledger.lines
        #expect(throws: r.error) { try world.apply(.convert(amount: r.amount, to: r.to)) }
        #expect(world.ledger.lines == lines)
        #expect(world.riskBook == RiskBook())
        #expect(r.error.description.contains(r.fix), "\(r.error.description)")
        #expect(r.error.description.contains(r.amount.currency.rawValue))
    }

    /// With `fx.auto_convert off`, payouts stay in the customer's currency: cash per currency is exactly the sum of
    /// the settled payments' nets (no chargeback can come before day 14), and home cash gets none of it.
    @Test func payoutsAreHeldWhenAutoConvertIsOff() throws {
        var held = try RiskTests.stockedShop(settings: [.set(key: "fx.auto_convert", value: "off")])
        var converted = try RiskTests.stockedShop()
        try held.apply(.advance(days: 13))
        try converted.apply(.advance(days: 13))
        #expect(held.orders == converted.orders)
        let settled = held.payments.filter { $0.status == .settled }
        #expect(settled.count > 50)
        #expect(settled.allSatisfy { $0.settledHome == nil })
        #expect(converted.payments.filter { $0.status == .settled }.allSatisfy { $0.settledHome?.currency == .CNY })
        var homeFromPayouts = Int64(0)
        for currency in [Currency.USD, .EUR, .JPY] {
            let nets = settled.filter { $0.amount.currency == currency }.reduce(Int64(0)) { $0 + ($1.amount - $1.fee - $1.tax).minor }
            #expect(nets > 0)
            #expect(held.cash(currency).minor == nets)
            #expect(converted.cash(currency).minor == 0)
        }
        for p in converted.payments where p.status == .settled { homeFromPayouts += p.settledHome!.minor }
        #expect(converted.cash(.CNY).minor - held.cash(.CNY).minor == homeFromPayouts)
        // The held dollars can be converted later.
        let dollars = held.cash(.USD)
        try held.apply(.convert(amount: dollars, to: .CNY))
        #expect(held.cash(.USD) == .zero(.USD))
        RiskTests.expectBalanced(held)
    }

    // MARK: The whole mechanic

    /// cn-import: domestic shoppers pay by cn-wallet (rarely fraud, 20 CNY fee) or card (15 USD fee bought with CNY);
    /// the books balance, and cn-wallet payments and their disputes stay out of the card ratio.
    @Test func cnImportChargebacksBalance() throws {
        var world = try World(header: WorldHeader(seed: 3, scenario: .cnImport, startDate: SimDate(iso: "2026-03-01"), customers: 8_000)).mature()
        for action in world.demoShopActions() { try world.apply(action) }
        for listing in world.listings { world.contributeStock(sku: listing.sku, units: 20_000, unitCost: Money(major: 50, .CNY)) }
        try world.apply(.advance(days: 120))
        let card = world.riskBook.chargebacks.filter { $0.provider == "card" }
        #expect(!card.isEmpty)
        #expect(card.allSatisfy { $0.fee == Money(major: 15, .USD) && $0.amount.currency == .CNY && $0.amountPaid == $0.amount })
        #expect(world.riskBook.chargebacks.filter { $0.provider == "cn-wallet" }.allSatisfy { $0.feePaid == Money(major: 20, .CNY) })
        let walletPayments = world.payments.filter { $0.provider == "cn-wallet" }.count
        #expect(walletPayments > world.payments.count / 2)
        // The monitor counts card payments when they settle (up to the last simulated day); cn-wallet never.
        let counted = world.payments.filter { $0.settleDay < world.day && $0.provider == "card" }.count
        #expect(counted > 0)
        #expect(world.riskBook.tallies.reduce(0) { $0 + $1.cardNotPresentPayments } == counted)
        #expect(world.riskBook.tallies.reduce(0) { $0 + $1.walletDisputes }
                == world.riskBook.chargebacks.filter { $0.provider == "cn-wallet" }.count)
        RiskTests.expectBalanced(world)
    }

    @Test func globalExportRunIsBalancedAndDeterministic() throws {
        let settings: [Action] = [.set(key: "risk.verify_score_above", value: "80"), .set(key: "fx.auto_convert", value: "off")]
        var first = try RiskTests.stockedShop(seed: 99, start: "2026-11-01", customers: 4_000, settings: settings)
        var second = try RiskTests.stockedShop(seed: 99, start: "2026-11-01", customers: 4_000, settings: settings)
        try first.apply(.advance(days: 60))
        try first.apply(.convert(amount: first.cash(.USD), to: .CNY))
        try first.apply(.advance(days: 60))
        try second.apply(.advance(days: 60))
        try second.apply(.convert(amount: second.cash(.USD), to: .CNY))
        try second.apply(.advance(days: 60))
        #expect(first.riskBook.chargebacks.count > 0 && first.riskBook.months.count == 3)
        #expect(first.riskBook == second.riskBook)
        #expect(first.payments == second.payments)
        #expect(first.ledger.lines == second.ledger.lines)
        RiskTests.expectBalanced(first)
        let other = try { () throws -> World in
            var w = try RiskTests.stockedShop(seed: 100, start: "2026-11-01", customers: 4_000, settings: settings)
            try w.apply(.advance(days: 120))
            return w
        }()
        #expect(other.riskBook.chargebacks != first.riskBook.chargebacks)
    }
}
