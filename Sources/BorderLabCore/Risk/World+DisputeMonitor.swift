/// The card networks' dispute-ratio monitor, scaled down to a sandbox shop (rule rows `RuleBook.disputeMonitor`).
///
/// Monthly, in counts: ratio = (fraud chargebacks + disputes opened in the month) / card-not-present payments (card
/// and PayPal) captured in the month. cn-wallet payments and their disputes are outside the card programmes.
public enum DisputeMonitor {
    /// The ratio in basis points, rounded half-up; nil without payments.
    public static func ratioBP(disputes: Int, payments: Int) -> Int? {
        payments == 0 ? nil : Int(divideHalfUp(Int128(disputes) * 10_000, Int128(payments)))
    }

    /// Whether a month is excessive: at least the minimum of disputes, and a ratio at or above the threshold
    /// (compared exactly, before any rounding; disputes without payments are an unbounded ratio).
    public static func isExcessive(disputes: Int, payments: Int, threshold: DisputeMonitorThreshold) -> Bool {
        disputes >= threshold.minimumDisputes && disputes * 10_000 >= threshold.ratioBP * payments
    }

    /// The penalty of a month: the per-dispute penalty times its disputes when excessive, else zero.
    public static func penalty(disputes: Int, payments: Int, threshold: DisputeMonitorThreshold) -> Money {
        isExcessive(disputes: disputes, payments: payments, threshold: threshold)
            ? threshold.penaltyPerDispute * disputes : .zero(threshold.penaltyPerDispute.currency)
    }

    /// The rule row that judges the month starting on `firstOfMonth`.
    public static func rule(for firstOfMonth: SimDate) -> DatedValue<DisputeMonitorThreshold>? {
        RuleBook.disputeMonitor.row(on: firstOfMonth)
    }
}

extension World {
    /// On the first day of each month, judges the calendar month before (by the rule in force on that month's first
    /// day): records it, and when excessive charges the penalty to dispute_fees and raises `dispute-ratio-excessive`.
    mutating func monitorDisputes() {
        let today = date()
        guard day > 0, today.day == 1 else { return }
        let last = today.adding(days: -1)
        let index = tallyIndex(day: day - 1)
        let tally = riskBook.tallies[index]
        guard let first = SimDate(year: last.year, month: last.month, day: 1), let row = DisputeMonitor.rule(for: first) else { return }
        let threshold = row.value
        let disputes = tally.disputes, payments = tally.cardNotPresentPayments
        let excessive = DisputeMonitor.isExcessive(disputes: disputes, payments: payments, threshold: threshold)
        let penalty = DisputeMonitor.penalty(disputes: disputes, payments: payments, threshold: threshold)
        let id = riskBook.months.count + 1
        var paid = Money.zero(scenario.homeCurrency)
        if excessive {
            paid = payFromCash(penalty, to: .disputeFees, kind: .disputePenalty, reference: id)
            let ratio = DisputeMonitor.ratioBP(disputes: disputes, payments: payments).map { World.percentText(bp: $0) } ?? "no payments"
            events.append(WorldEvent(day: day, kind: "dispute-ratio-excessive",
                                     detail: "\(tally.label): \(disputes) disputes on \(payments) card payments (\(ratio)), threshold \(World.percentText(bp: threshold.ratioBP)) [\(row.rule.id)]: penalty \(penalty)"))
        }
        riskBook.months.append(DisputeMonth(
            id: id, tally: tally, firstDay: max(0, day - last.day), lastDay: day - 1,
            ratioBP: DisputeMonitor.ratioBP(disputes: disputes, payments: payments), ruleID: row.rule.id,
            threshold: threshold, excessive: excessive, penalty: penalty, penaltyPaid: paid, dayJudged: day))
    }

    /// 150 → "1.50%".
    static func percentText(bp: Int) -> String {
        let fraction = bp % 100
        return "\(bp / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
