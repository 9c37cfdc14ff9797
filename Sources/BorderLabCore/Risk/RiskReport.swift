/// What `borderlab risk show` prints: the verification rule in force, what it did, chargebacks, and the monthly
/// dispute ratios against the monitor's thresholds. Keys are snake_case in JSON.
public struct RiskReport: Encodable, Sendable {
    public struct Rule: Encodable, Sendable {
        /// Extra verification above this checkout amount (storefront currency), or nil.
        public let verifyAbove: MoneyJSON?
        /// Extra verification above this risk score, or nil.
        public let verifyScoreAbove: Int?
        public let autoConvert: Bool
        enum CodingKeys: String, CodingKey {
            case verifyAbove = "verify_above", verifyScoreAbove = "verify_score_above", autoConvert = "auto_convert"
        }
    }

    public struct Threshold: Encodable, Sendable {
        public let ruleID: String
        public let ratioBP: Int
        public let minimumDisputes: Int
        public let penaltyPerDispute: MoneyJSON
        enum CodingKeys: String, CodingKey {
            case ruleID = "rule_id", ratioBP = "ratio_bp", minimumDisputes = "minimum_disputes", penaltyPerDispute = "penalty_per_dispute"
        }
    }

    public struct Month: Encodable, Sendable {
        /// `YYYY-MM`.
        public let month: String
        public let cardPayments: Int
        public let disputes: Int
        public let fraudChargebacks: Int
        public let ratioBP: Int?
        public let threshold: Threshold?
        /// False for the month in progress (judged on the first of the next month); its card payments are counted each
        /// morning, so the last simulated day's are not in yet.
        public let judged: Bool
        public let excessive: Bool
        public let penalty: MoneyJSON?
        public let fraudStopped: Int
        public let genuineLost: Int
        enum CodingKeys: String, CodingKey {
            case month, cardPayments = "card_payments", disputes, fraudChargebacks = "fraud_chargebacks", ratioBP = "ratio_bp"
            case threshold, judged, excessive, penalty, fraudStopped = "fraud_stopped", genuineLost = "genuine_lost"
        }
    }

    public let day: Int
    public let date: String
    public let rule: Rule
    public let verifiedCheckouts: Int
    public let fraudStopped: Int
    public let genuineLost: Int
    public let chargebacks: Int
    public let chargebacksOpen: Int
    /// Chargebacks by reason (fraud, not-received, complaint), every reason listed.
    public let chargebacksByReason: [String: Int]
    /// Balances of chargeback_losses and dispute_fees per currency (only currencies with a balance).
    public let chargebackLosses: [MoneyJSON]
    public let disputeFees: [MoneyJSON]
    /// The monitor's threshold in force today.
    public let thresholdToday: Threshold?
    public let months: [Month]

    enum CodingKeys: String, CodingKey {
        case day, date, rule, verifiedCheckouts = "verified_checkouts", fraudStopped = "fraud_stopped", genuineLost = "genuine_lost"
        case chargebacks, chargebacksOpen = "chargebacks_open", chargebacksByReason = "chargebacks_by_reason"
        case chargebackLosses = "chargeback_losses", disputeFees = "dispute_fees", thresholdToday = "threshold_today", months
    }
}

extension World {
    /// The risk picture today (see ``RiskReport``).
    public func riskReport() -> RiskReport {
        func threshold(_ row: DatedValue<DisputeMonitorThreshold>?) -> RiskReport.Threshold? {
            row.map {
                RiskReport.Threshold(ruleID: $0.rule.id, ratioBP: $0.value.ratioBP, minimumDisputes: $0.value.minimumDisputes,
                                     penaltyPerDispute: MoneyJSON($0.value.penaltyPerDispute))
            }
        }
        let book = riskBook
        var months = book.months.map { m in
            RiskReport.Month(month: m.tally.label, cardPayments: m.tally.cardNotPresentPayments, disputes: m.tally.disputes,
                             fraudChargebacks: m.tally.fraudChargebacks, ratioBP: m.ratioBP,
                             threshold: threshold(RuleBook.disputeMonitor.row(on: SimDate(year: m.tally.year, month: m.tally.month, day: 1)!)),
                             judged: true, excessive: m.excessive, penalty: MoneyJSON(m.penalty),
                             fraudStopped: m.tally.fraudStopped, genuineLost: m.tally.genuineLost)
        }
        // Months not judged yet: the one in progress (and, before the first day of a world's first month ends, nothing).
        for t in book.tallies.dropFirst(book.months.count) {
            months.append(RiskReport.Month(
                month: t.label, cardPayments: t.cardNotPresentPayments, disputes: t.disputes, fraudChargebacks: t.fraudChargebacks,
                ratioBP: DisputeMonitor.ratioBP(disputes: t.disputes, payments: t.cardNotPresentPayments),
                threshold: threshold(RuleBook.disputeMonitor.row(on: SimDate(year: t.year, month: t.month, day: 1)!)),
                judged: false, excessive: false, penalty: nil, fraudStopped: t.fraudStopped, genuineLost: t.genuineLost))
        }
        var byReason: [String: Int] = [:]
        for reason in Chargeback.Reason.allCases { byReason[reason.rawValue] = 0 }
        for c in book.chargebacks { byReason[c.reason.rawValue, default: 0] += 1 }
        let balances = { (account: Account) in
            Currency.allCases.map { self.ledger.balance(account, $0) }.filter { $0.minor != 0 }.map(MoneyJSON.init)
        }
        return RiskReport(
            day: day, date: date().iso,
            rule: .init(verifyAbove: settings.verifyAbove.map(MoneyJSON.init), verifyScoreAbove: settings.verifyScoreAbove,
                        autoConvert: settings.autoConvert),
            verifiedCheckouts: book.verifiedCheckouts, fraudStopped: book.fraudStopped, genuineLost: book.genuineLost,
            chargebacks: book.chargebacks.count, chargebacksOpen: book.chargebacks.filter { $0.status == .open }.count,
            chargebacksByReason: byReason, chargebackLosses: balances(.chargebackLosses), disputeFees: balances(.disputeFees),
            thresholdToday: threshold(RuleBook.disputeMonitor.row(on: date())), months: months)
    }
}
