/// The card networks' dispute-ratio monitor, scaled down to a sandbox shop (rule rows `RuleBook.disputeMonitor`).
///
/// Monthly, in counts, as Visa's VAMP defines it: ratio = (fraud reports + disputes) / card-not-present card
/// transactions settled in the month. Only `card` payments are card transactions (all card-not-present: the shop sells
/// online); PayPal and cn-wallet payments and their disputes are outside the card programmes. A fraud chargeback is both
/// a fraud report and a dispute, so it counts twice; a genuine dispute counts once. Disputes and fraud reports count in
/// the month they are opened, transactions in the month they settle. Every programme in force judges the month: Visa's
/// VAMP on the month's own transactions, Mastercard's ECM on the previous month's; the month is excessive when it
/// reaches any of them.
public enum DisputeMonitor {
    /// Whether payments of `provider` are card transactions the programmes count (only `card`).
    public static func counts(provider: String) -> Bool { provider == PaymentProvider.card.id }

    /// The ratio in basis points, rounded half-up; nil without transactions.
    /// - Parameters:
    ///   - count: fraud reports plus disputes in the month.
    ///   - transactions: settled card-not-present transactions in the month.
    public static func ratioBP(count: Int, transactions: Int) -> Int? {
        transactions == 0 ? nil : Int(divideHalfUp(Int128(count) * 10_000, Int128(transactions)))
    }

    /// Whether a month is excessive under one programme: at least its minimum count of fraud reports plus disputes, and
    /// a ratio at or above its threshold (compared exactly, before any rounding; a count without transactions is an
    /// unbounded ratio).
    public static func isExcessive(count: Int, transactions: Int, threshold: DisputeMonitorThreshold) -> Bool {
        count >= threshold.minimumCount && count * 10_000 >= threshold.ratioBP * transactions
    }

    /// The programmes' rule rows in force on `firstOfMonth`, one per programme, in the order the programmes first
    /// appear in `RuleBook.disputeMonitor` (Visa, then Mastercard).
    public static func rules(for firstOfMonth: SimDate) -> [DatedValue<DisputeMonitorThreshold>] {
        programmes.compactMap { RuleBook.disputeMonitor.row(on: firstOfMonth, key: $0) }
    }

    /// The programme keys of `RuleBook.disputeMonitor`, in the order of their first row.
    public static let programmes: [String] = {
        var keys: [String] = []
        for row in RuleBook.disputeMonitor.rows where !keys.contains(row.key) { keys.append(row.key) }
        return keys
    }()

    /// What a programme counts: Visa's VAMP fraud reports plus disputes (a fraud chargeback twice), Mastercard its
    /// chargebacks (each once).
    public static func count(_ tally: RiskTally, programme: String) -> Int {
        programme == "MASTERCARD" ? tally.disputes : tally.reportsAndDisputes
    }

    /// Each programme in force on the month's first day, judging the month's tally; a programme that divides by the
    /// previous month's transactions (Mastercard) judges only when `previousTransactions` is known.
    public static func checks(_ tally: RiskTally, previousTransactions: Int? = nil, firstOfMonth: SimDate) -> [DisputeProgrammeCheck] {
        rules(for: firstOfMonth).compactMap { row in
            let transactions = row.value.previousMonthTransactions ? previousTransactions : tally.cardNotPresentPayments
            guard let transactions else { return nil }
            return DisputeProgrammeCheck(programme: row.key, ruleID: row.rule.id, threshold: row.value,
                                         excessive: isExcessive(count: count(tally, programme: row.key), transactions: transactions,
                                                                threshold: row.value))
        }
    }

    /// The month's penalty: one per month however many programmes flag it, at the rate of the first programme that
    /// flags it and charges a fee (Visa's before Mastercard's), times the month's card disputes (a fraud chargeback
    /// counted once); zero when only a programme without fees flags it; nil when no programme flags the month.
    public static func penalty(_ tally: RiskTally, checks: [DisputeProgrammeCheck]) -> Money? {
        let flagged = checks.filter(\.excessive)
        guard let first = flagged.first else { return nil }
        let charging = flagged.first { $0.threshold.penaltyPerDispute.minor > 0 } ?? first
        return charging.threshold.penaltyPerDispute * tally.disputes
    }
}

extension World {
    /// On the first day of each month, judges the calendar month before by every card programme in force on that
    /// month's first day: records it, and when any programme finds it excessive charges one penalty to dispute_fees and
    /// raises `dispute-ratio-excessive`, naming the programmes.
    mutating func monitorDisputes() {
        let today = date()
        guard day > 0, today.day == 1 else { return }
        let last = today.adding(days: -1)
        let index = tallyIndex(day: day - 1)
        let tally = riskBook.tallies[index]
        guard let first = SimDate(year: last.year, month: last.month, day: 1) else { return }
        let previous = index > 0 ? riskBook.tallies[index - 1].cardNotPresentPayments : nil
        let checks = DisputeMonitor.checks(tally, previousTransactions: previous, firstOfMonth: first)
        guard !checks.isEmpty else { return }
        let ratioBP = DisputeMonitor.ratioBP(count: tally.reportsAndDisputes, transactions: tally.cardNotPresentPayments)
        let penalty = DisputeMonitor.penalty(tally, checks: checks)
        let id = riskBook.months.count + 1
        var paid = Money.zero(scenario.homeCurrency)
        if let penalty {
            if penalty.minor > 0 { paid = payFromCash(penalty, to: .disputeFees, kind: .disputePenalty, reference: id) }
            let ratio = ratioBP.map { World.percentText(bp: $0) } ?? "no settled card payments"
            let verdicts = checks.map { "\($0.excessive ? "excessive" : "not excessive") by \($0.ruleID) (\(World.percentText(bp: $0.threshold.ratioBP)))" }
            events.append(WorldEvent(day: day, kind: "dispute-ratio-excessive",
                                     detail: "\(tally.label): \(tally.fraudReports) fraud reports + \(tally.disputes) disputes = \(tally.reportsAndDisputes) on \(tally.cardNotPresentPayments) settled card payments (\(ratio)); \(verdicts.joined(separator: ", ")): \(penalty.minor > 0 ? "penalty \(penalty)" : "no fee (the programme charges none yet)")"))
        }
        riskBook.months.append(DisputeMonth(
            id: id, tally: tally, firstDay: max(0, day - last.day), lastDay: day - 1, ratioBP: ratioBP, checks: checks,
            excessive: penalty != nil, penalty: penalty ?? .zero(checks[0].threshold.penaltyPerDispute.currency),
            penaltyPaid: paid, dayJudged: day))
    }

    /// 150 → "1.50%".
    static func percentText(bp: Int) -> String {
        let fraction = bp % 100
        return "\(bp / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
