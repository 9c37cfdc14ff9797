import Testing
@testable import BorderLabCore

/// The dispute-ratio monitor against DOMAIN.md's definition of Visa's VAMP ratio: monthly, (fraud reports + disputes) /
/// settled card-not-present transactions, in counts; card payments only; judged by every card programme in force
/// (Visa's 2.2% from 2025-06-01 with fees from 2025-10-01 and 1.5% from 2026-04-01, 8 USD per dispute, from 5 fraud
/// reports plus disputes a month; Mastercard's 1.5% of the previous month's transactions from 1 chargeback, 50 USD per
/// dispute: minimums scaled down by 1/300 from the real 1,500 and 100).
@Suite struct DisputeMonitorTests {
    static let visa2025June = "VISA-VAMP-2025-06"
    static let visa2025 = "VISA-VAMP-2025"
    static let visa2026 = "VISA-VAMP-2026"
    static let mastercard = "MASTERCARD-EXCESSIVE-CHARGEBACK"

    // MARK: Fixtures

    /// A global-export shop with nothing listed (so no shopper pays) starting on `start`.
    static func emptyShop(start: String) throws -> World {
        let date: SimDate = try #require(SimDate(iso: start))
        return try World(header: WorldHeader(seed: 11, scenario: .globalExport, startDate: date, customers: 50)).mature()
    }

    /// Appends a 20.00 USD payment by `provider` captured on `day` and settling on `settleDay`, as a checkout would.
    @discardableResult
    static func pay(_ world: inout World, _ provider: String, day: Int = 0, settleDay: Int) -> Int {
        let id = world.payments.count + 1
        world.payments.append(Payment(id: id, orderID: id, provider: provider, day: day, amount: Money(major: 20, .USD),
                                      fee: .zero(.USD), tax: .zero(.USD), settleDay: settleDay, status: .captured, settledHome: nil))
        World.schedule(&world.settlementsDue, day: settleDay, id: id)
        return id
    }

    /// A month built through the engine from its first day `start`: payments captured on day 0 and settled 2–7 days
    /// later, disputes opened on day 10 (fraud chargebacks, genuine not-received disputes), judged on the next month's
    /// first day. Returns the world one day after the verdict and the verdict.
    static func month(start: String, card: Int, fraud: Int, genuine: Int = 0, paypal: Int = 0, paypalDisputes: Int = 0,
                      wallet: Int = 0, walletDisputes: Int = 0) throws -> (World, DisputeMonth) {
        var world = try emptyShop(start: start)
        var cardIDs: [Int] = [], paypalIDs: [Int] = [], walletIDs: [Int] = []
        for i in 0..<card { cardIDs.append(pay(&world, "card", settleDay: 2 + i % 6)) }
        for i in 0..<paypal { paypalIDs.append(pay(&world, "paypal", settleDay: 2 + i % 4)) }
        for i in 0..<wallet { walletIDs.append(pay(&world, "cn-wallet", settleDay: 1 + i % 3)) }
        try world.apply(.advance(days: 10))
        for id in cardIDs.prefix(fraud) { world.openChargeback(payment: id, reason: .fraud) }
        for id in cardIDs.dropFirst(fraud).prefix(genuine) { world.openDispute(payment: id, reason: "not-received") }
        for id in paypalIDs.prefix(paypalDisputes) { world.openDispute(payment: id, reason: "complaint") }
        for id in walletIDs.prefix(walletDisputes) { world.openChargeback(payment: id, reason: .fraud) }
        let first = try #require(SimDate(iso: start))
        let next = try #require(SimDate(year: first.month == 12 ? first.year + 1 : first.year, month: first.month % 12 + 1, day: 1))
        try world.apply(.advance(days: next.daysSinceEpoch - first.daysSinceEpoch + 1 - world.day))
        #expect(world.payments.count == card + paypal + wallet, "no shopper paid in the empty shop")
        #expect(world.riskBook.months.count == 1)
        return (world, try #require(world.riskBook.months.first))
    }

    static func tally(settledCard: Int, fraud: Int, genuine: Int) -> RiskTally {
        var t = RiskTally(monthKey: 2025 * 12 + 10)
        t.cardNotPresentPayments = settledCard
        t.fraudChargebacks = fraud
        t.otherDisputes = genuine
        return t
    }

    /// The rules that flag `t`, Mastercard dividing by `previous` card payments (by default as many as `t`'s own).
    static func excessiveRules(_ t: RiskTally, _ firstOfMonth: String, previous: Int? = nil) -> [String] {
        checks(t, firstOfMonth, previous: previous).filter(\.excessive).map(\.ruleID)
    }

    static func checks(_ t: RiskTally, _ firstOfMonth: String, previous: Int? = nil) -> [DisputeProgrammeCheck] {
        DisputeMonitor.checks(t, previousTransactions: previous ?? t.cardNotPresentPayments, firstOfMonth: SimDate(iso: firstOfMonth)!)
    }

    // MARK: The rule rows

    /// Mastercard's 1.5% is in force throughout; Visa's VAMP rows from 2025-06-01 (2.2%, no fees), 2025-10-01 (2.2%,
    /// 8 USD per dispute) and 2026-04-01 (1.5%, 8 USD).
    @Test func programmesInForceByDate() throws {
        func rows(_ iso: String) -> [String] { DisputeMonitor.rules(for: SimDate(iso: iso)!).map(\.rule.id) }
        #expect(rows("2025-05-31") == [DisputeMonitorTests.mastercard])
        #expect(rows("2025-06-01") == [DisputeMonitorTests.visa2025June, DisputeMonitorTests.mastercard])
        #expect(rows("2025-09-30") == [DisputeMonitorTests.visa2025June, DisputeMonitorTests.mastercard])
        #expect(rows("2025-10-01") == [DisputeMonitorTests.visa2025, DisputeMonitorTests.mastercard])
        #expect(rows("2026-03-31") == [DisputeMonitorTests.visa2025, DisputeMonitorTests.mastercard])
        #expect(rows("2026-04-01") == [DisputeMonitorTests.visa2026, DisputeMonitorTests.mastercard])
        let april = DisputeMonitor.rules(for: SimDate(iso: "2026-04-01")!)
        #expect(april.map(\.key) == ["VISA", "MASTERCARD"])
        #expect(april.map(\.value.ratioBP) == [150, 150])
        #expect(DisputeMonitor.rules(for: SimDate(iso: "2025-11-01")!).map(\.value.ratioBP) == [220, 150])
        // Visa's real fee, 8 USD per dispute, from 2025-10-01; the scaled-down minimums, stated as assumptions.
        let fees = RuleBook.disputeMonitor.rows.map { "\($0.rule.id) \($0.value.minimumCount) \($0.value.penaltyPerDispute)" }
        #expect(fees == ["VISA-VAMP-2025-06 5 0.00 USD", "VISA-VAMP-2025 5 8.00 USD", "VISA-VAMP-2026 5 8.00 USD",
                         "MASTERCARD-EXCESSIVE-CHARGEBACK 1 50.00 USD"])
        for row in RuleBook.disputeMonitor.rows {
            #expect(row.rule.source.contains("Assumption") && row.rule.source.contains("1/300"), "\(row.rule.id)")
            let measure = row.key == "MASTERCARD" ? "previous month" : "fraud reports + disputes"
            #expect(row.rule.summary.contains(measure) && row.rule.summary.contains("settled"), "\(row.rule.id)")
            #expect(row.value.previousMonthTransactions == (row.key == "MASTERCARD"))
        }
        #expect(DisputeMonitor.programmes == ["VISA", "MASTERCARD"])
        #expect(!RuleBook.all.contains { $0.id == "CARD-DISPUTE-MONITOR-ASSUMED" })
    }

    // MARK: Hand-worked months, by the formula

    /// Ratios in basis points, half-up: 8 / 200 = 4.00%; 9 / 500 = 1.80%; 1 / 3 = 33.33%; nothing settled → nil.
    /// At the threshold exactly is excessive: 6 / 400 = 1.50%; 6 / 401 ≈ 1.496% is not.
    @Test func ratioAndThresholdGolden() {
        #expect(DisputeMonitor.ratioBP(count: 8, transactions: 200) == 400)
        #expect(DisputeMonitor.ratioBP(count: 9, transactions: 500) == 180)
        #expect(DisputeMonitor.ratioBP(count: 1, transactions: 3) == 3_333)
        #expect(DisputeMonitor.ratioBP(count: 2, transactions: 0) == nil)
        let april = RuleBook.disputeMonitor.value(on: SimDate(iso: "2026-04-01")!, key: "VISA")!
        #expect(DisputeMonitor.isExcessive(count: 6, transactions: 400, threshold: april))
        #expect(!DisputeMonitor.isExcessive(count: 6, transactions: 401, threshold: april))
        // A count at the minimum without any settled card payment is an unbounded ratio.
        #expect(DisputeMonitor.isExcessive(count: 5, transactions: 0, threshold: april))
    }

    /// VAMP's minimum counts fraud reports plus disputes: 2 fraud chargebacks + 1 genuine dispute = 2 + 3 = 5 ≥ 5, at
    /// 5 / 20 = 25% excessive by Visa; Mastercard's 3 chargebacks / 20 previous-month payments = 15% reach its 1.5%
    /// with its minimum of 1. 1 fraud + 2 genuine = 1 + 3 = 4 < 5 is below Visa's minimum, but still 15% for Mastercard.
    @Test func minimumCountsFraudReportsPlusDisputes() {
        let five = DisputeMonitorTests.tally(settledCard: 20, fraud: 2, genuine: 1)
        #expect(five.disputes == 3 && five.fraudReports == 2 && five.reportsAndDisputes == 5)
        #expect(DisputeMonitorTests.excessiveRules(five, "2026-04-01") == [DisputeMonitorTests.visa2026, DisputeMonitorTests.mastercard])
        let four = DisputeMonitorTests.tally(settledCard: 20, fraud: 1, genuine: 2)
        #expect(four.reportsAndDisputes == 4)
        #expect(DisputeMonitorTests.excessiveRules(four, "2026-04-01") == [DisputeMonitorTests.mastercard])
        // One penalty for the month, at the first flagging programme's fee per dispute (3 disputes, not 5 counts):
        // Visa 3 × 8 = 24.00 USD; by Mastercard alone 3 × 50 = 150.00 USD. Nothing flagged: no penalty.
        #expect(DisputeMonitor.penalty(five, checks: DisputeMonitorTests.checks(five, "2026-04-01")) == Money(major: 24, .USD))
        #expect(DisputeMonitor.penalty(four, checks: DisputeMonitorTests.checks(four, "2026-04-01")) == Money(major: 150, .USD))
        let quiet = DisputeMonitorTests.tally(settledCard: 400, fraud: 0, genuine: 1)
        #expect(DisputeMonitor.penalty(quiet, checks: DisputeMonitorTests.checks(quiet, "2026-04-01")) == nil)
    }

    /// Before 2025-10-01 VAMP flags a month without a fee: 10 fraud chargebacks / 200 = (10 + 10) / 200 = 10% in
    /// July 2025 is excessive by VISA-VAMP-2025-06, and the penalty is that of the first flagging programme that charges
    /// one: Mastercard's (10 chargebacks / 200 = 5%), 10 × 50 = 500.00 USD; with 2,000 previous-month payments
    /// Mastercard's 0.5% does not flag it and the penalty is 0.
    @Test func vampFlagsWithoutFeesBeforeOctober2025() {
        let t = DisputeMonitorTests.tally(settledCard: 200, fraud: 10, genuine: 0)
        #expect(DisputeMonitorTests.excessiveRules(t, "2025-07-01") == [DisputeMonitorTests.visa2025June, DisputeMonitorTests.mastercard])
        #expect(DisputeMonitor.penalty(t, checks: DisputeMonitorTests.checks(t, "2025-07-01")) == Money(major: 500, .USD))
        #expect(DisputeMonitor.penalty(t, checks: DisputeMonitorTests.checks(t, "2025-07-01", previous: 2_000)) == Money(major: 0, .USD))
        // From 2025-10-01 the same month costs Visa's fee: 10 disputes × 8 = 80.00 USD.
        #expect(DisputeMonitor.penalty(t, checks: DisputeMonitorTests.checks(t, "2025-10-01")) == Money(major: 80, .USD))
    }

    /// Mastercard divides the month's chargebacks by the previous month's card-not-present transactions: 8 chargebacks
    /// over 400 = 2.00% is excessive, over 600 = 1.33% is not; without a previous month (a world's first) it does not judge.
    @Test func mastercardUsesThePreviousMonthsTransactions() {
        let t = DisputeMonitorTests.tally(settledCard: 500, fraud: 0, genuine: 8)
        #expect(DisputeMonitorTests.excessiveRules(t, "2025-11-01", previous: 400) == [DisputeMonitorTests.mastercard])
        #expect(DisputeMonitorTests.excessiveRules(t, "2025-11-01", previous: 600).isEmpty)
        #expect(DisputeMonitor.checks(t, firstOfMonth: SimDate(iso: "2025-11-01")!).map(\.ruleID) == [DisputeMonitorTests.visa2025])
    }

    /// November 2025 — 500 settled card payments, 2 fraud chargebacks and 6 genuine disputes: VAMP (2 + 8) / 500 =
    /// 2.00% is below Visa's 2.2%, but Mastercard's 8 chargebacks / 500 = 1.60% reach its 1.5%. The same month judged
    /// by 2026-04-01's rows reaches Visa's 1.5% too; judged by 2025-09-01's, only Mastercard's row is in force.
    @Test func mastercardThresholdAppliesWhileVisaIsAt22() {
        let t = DisputeMonitorTests.tally(settledCard: 500, fraud: 2, genuine: 6)
        #expect(DisputeMonitor.ratioBP(count: t.reportsAndDisputes, transactions: t.cardNotPresentPayments) == 200)
        #expect(DisputeMonitorTests.excessiveRules(t, "2025-11-01") == [DisputeMonitorTests.mastercard])
        #expect(DisputeMonitorTests.excessiveRules(t, "2026-04-01") == [DisputeMonitorTests.visa2026, DisputeMonitorTests.mastercard])
        #expect(DisputeMonitorTests.excessiveRules(t, "2025-09-01") == [DisputeMonitorTests.mastercard])
        // 1.60% in April 2026 (2 fraud + 4 genuine: 2 + 6 = 8 of 500) is excessive by Visa's lowered threshold; its 6
        // chargebacks are 1.20% for Mastercard, and 1.60% is below Visa's 2.2% of March.
        let april = DisputeMonitorTests.tally(settledCard: 500, fraud: 2, genuine: 4)
        #expect(DisputeMonitorTests.excessiveRules(april, "2026-04-01") == [DisputeMonitorTests.visa2026])
        #expect(DisputeMonitorTests.excessiveRules(april, "2026-03-01").isEmpty)
    }

    // MARK: Hand-worked months, through the engine

    /// April 2026: 200 card payments settled in the month, 4 of them charged back as fraud; also 100 PayPal payments with
    /// 3 disputes and 50 cn-wallet payments with 2 fraud chargebacks, none of which count.
    /// Ratio = (4 fraud reports + 4 disputes) / 200 = 8 / 200 = 4.00% ≥ Visa's 1.5%, 8 ≥ 5: excessive (Mastercard does
    /// not judge the world's first month: it has no previous month's transactions);
    /// one penalty of 4 disputes × 8 USD = 32.00 USD. (Counting each fraud chargeback once and PayPal as card, as the
    /// sandbox used to, would give (4 + 3) / 300 = 2.33%.)
    @Test func fraudChargebackCountsTwiceAndOnlyCardPaymentsCount() throws {
        let (world, m) = try DisputeMonitorTests.month(start: "2026-04-01", card: 200, fraud: 4, paypal: 100, paypalDisputes: 3,
                                                       wallet: 50, walletDisputes: 2)
        let t = m.tally
        #expect(t.label == "2026-04")
        #expect(t.cardNotPresentPayments == 200)
        #expect(t.fraudChargebacks == 4 && t.otherDisputes == 0 && t.disputes == 4 && t.fraudReports == 4)
        #expect(t.reportsAndDisputes == 8)
        #expect(t.paypalDisputes == 3 && t.walletDisputes == 2)
        #expect(m.ratioBP == 400)
        #expect(m.ruleIDs == [DisputeMonitorTests.visa2026])
        #expect(m.excessive && m.excessiveRuleIDs == [DisputeMonitorTests.visa2026])
        #expect(m.penalty == Money(major: 32, .USD))
        #expect(world.ledger.balance(.disputeFees, .USD)
                == Money(major: 32, .USD) + Money(major: 15 * 4 + 20 * 3, .USD)) // penalty + card and PayPal dispute fees
        let events = world.events.filter { $0.kind == "dispute-ratio-excessive" }
        #expect(events.count == 1)
        #expect(events.first?.detail.contains("4 fraud reports + 4 disputes = 8 on 200 settled card payments (4.00%)") == true,
                "\(events.first?.detail ?? "")")
        #expect(events.first?.detail.contains("excessive by \(DisputeMonitorTests.visa2026) (1.50%)") == true, "\(events.first?.detail ?? "")")
        RiskTests.expectBalanced(world)
    }

    /// November 2025 through the engine, after an October of 400 settled card payments: 500 card payments settle in
    /// November, 2 of them are charged back as fraud and 6 disputed as not received. VAMP (2 + 8) / 500 = 2.00%: not
    /// excessive by VISA-VAMP-2025 (2.2%); Mastercard's 8 chargebacks / October's 400 = 2.00% reach its 1.5%; the
    /// penalty is 8 disputes × 50 USD = 400.00 USD, and `risk show` names the programme.
    @Test func november2025IsExcessiveByMastercard() throws {
        var world = try DisputeMonitorTests.emptyShop(start: "2025-10-01")
        for i in 0..<400 { DisputeMonitorTests.pay(&world, "card", day: 0, settleDay: 2 + i % 6) }
        try world.apply(.advance(days: 32)) // through 2025-11-01 (day 31), when October is judged
        var november: [Int] = []
        for i in 0..<500 { november.append(DisputeMonitorTests.pay(&world, "card", day: 32, settleDay: 34 + i % 6)) }
        try world.apply(.advance(days: 8)) // to day 40
        for id in november.prefix(2) { world.openChargeback(payment: id, reason: .fraud) }
        for id in november.dropFirst(2).prefix(6) { world.openDispute(payment: id, reason: "not-received") }
        try world.apply(.advance(days: 62 - world.day)) // through 2025-12-01 (day 61), when November is judged
        #expect(world.riskBook.months.count == 2)
        let m = try #require(world.riskBook.months.last)
        #expect(m.tally.label == "2025-11" && m.tally.cardNotPresentPayments == 500)
        #expect(m.tally.reportsAndDisputes == 10 && m.tally.disputes == 8 && m.ratioBP == 200)
        #expect(m.checks.map(\.excessive) == [false, true])
        #expect(m.excessive && m.excessiveRuleIDs == [DisputeMonitorTests.mastercard])
        #expect(m.penalty == Money(major: 400, .USD))
        let report = world.riskReport()
        let row = try #require(report.months.first { $0.month == "2025-11" })
        #expect(row.judged && row.excessive && row.excessiveRules == [DisputeMonitorTests.mastercard])
        #expect(row.thresholds.map(\.ruleID) == [DisputeMonitorTests.visa2025, DisputeMonitorTests.mastercard])
        #expect(row.thresholds.map(\.ratioBP) == [220, 150])
        #expect(row.cardPayments == 500 && row.fraudReports == 2 && row.disputes == 8 && row.reportsAndDisputes == 10)
        RiskTests.expectBalanced(world)
    }

    /// A payment counts in the month it settles, not the month it was captured: the world starts on 2025-10-30 (day 0);
    /// card payment A is captured on 2025-10-30 and settles on 2025-11-02 (day 3) — November's; card payment B, captured
    /// the same day, settles on 2025-10-31 (day 1) — October's; a PayPal payment settling on 2025-11-01 counts nowhere.
    @Test func paymentsCountInTheMonthTheySettle() throws {
        var world = try DisputeMonitorTests.emptyShop(start: "2025-10-30")
        let a = DisputeMonitorTests.pay(&world, "card", day: 0, settleDay: 3)
        DisputeMonitorTests.pay(&world, "card", day: 0, settleDay: 1)
        DisputeMonitorTests.pay(&world, "paypal", day: 0, settleDay: 2)
        try world.apply(.advance(days: 3)) // simulates 10-30, 10-31 and 11-01, when October is judged
        let october = try #require(world.riskBook.months.first)
        #expect(october.tally.label == "2025-10" && october.tally.cardNotPresentPayments == 1)
        // November so far (in progress): A has not settled yet.
        #expect(world.riskReport().months.last?.month == "2025-11" && world.riskReport().months.last?.cardPayments == 0)
        try world.apply(.advance(days: 1)) // 11-02: A settles
        #expect(world.payments[a - 1].status == .settled)
        #expect(world.riskReport().months.last?.cardPayments == 1)
        try world.apply(.advance(days: 30)) // through 12-01, when November is judged
        let november = try #require(world.riskBook.months.last)
        #expect(november.tally.label == "2025-11" && november.tally.cardNotPresentPayments == 1)
        #expect(november.ratioBP == 0 && !november.excessive && november.penalty == .zero(.USD))
        #expect(world.riskBook.tallies.reduce(0) { $0 + $1.cardNotPresentPayments } == 2)
    }
}
