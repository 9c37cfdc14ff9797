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

    /// One card programme's rule row.
    public struct Threshold: Encodable, Sendable {
        public let ruleID: String
        /// `VISA` or `MASTERCARD`.
        public let programme: String
        public let ratioBP: Int
        /// The programme applies from this many fraud reports plus disputes in a month.
        public let minimumDisputes: Int
        public let penaltyPerDispute: MoneyJSON
        enum CodingKeys: String, CodingKey {
            case ruleID = "rule_id", programme, ratioBP = "ratio_bp", minimumDisputes = "minimum_disputes"
            case penaltyPerDispute = "penalty_per_dispute"
        }
    }

    public struct Month: Encodable, Sendable {
        /// `YYYY-MM`.
        public let month: String
        /// Card payments settled in the month (the denominator).
        public let cardPayments: Int
        /// Fraud reports on card payments (one per fraud chargeback).
        public let fraudReports: Int
        /// Disputes on card payments: fraud chargebacks plus genuine disputes.
        public let disputes: Int
        public let fraudChargebacks: Int
        /// fraud_reports + disputes (the numerator).
        public let reportsAndDisputes: Int
        public let ratioBP: Int?
        /// The programmes in force on the month's first day.
        public let thresholds: [Threshold]
        /// False for the month in progress (judged on the first of the next month).
        public let judged: Bool
        public let excessive: Bool
        /// The rules whose threshold the month reached (judged months only).
        public let excessiveRules: [String]
        public let penalty: MoneyJSON?
        public let fraudStopped: Int
        public let genuineLost: Int
        enum CodingKeys: String, CodingKey {
            case month, cardPayments = "card_payments", fraudReports = "fraud_reports", disputes, fraudChargebacks = "fraud_chargebacks"
            case reportsAndDisputes = "reports_and_disputes", ratioBP = "ratio_bp", thresholds, judged, excessive
            case excessiveRules = "excessive_rules", penalty, fraudStopped = "fraud_stopped", genuineLost = "genuine_lost"
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
    /// The card programmes' thresholds in force today.
    public let thresholdsToday: [Threshold]
    public let months: [Month]

    enum CodingKeys: String, CodingKey {
        case day, date, rule, verifiedCheckouts = "verified_checkouts", fraudStopped = "fraud_stopped", genuineLost = "genuine_lost"
        case chargebacks, chargebacksOpen = "chargebacks_open", chargebacksByReason = "chargebacks_by_reason"
        case chargebackLosses = "chargeback_losses", disputeFees = "dispute_fees", thresholdsToday = "thresholds_today", months
    }
}

extension World {
    /// The risk picture today (see ``RiskReport``).
    public func riskReport() -> RiskReport {
        func thresholds(_ first: SimDate) -> [RiskReport.Threshold] {
            DisputeMonitor.rules(for: first).map {
                RiskReport.Threshold(ruleID: $0.rule.id, programme: $0.key, ratioBP: $0.value.ratioBP,
                                     minimumDisputes: $0.value.minimumCount, penaltyPerDispute: MoneyJSON($0.value.penaltyPerDispute))
            }
        }
        let book = riskBook
        var months = book.months.map { m in
            RiskReport.Month(month: m.tally.label, cardPayments: m.tally.cardNotPresentPayments, fraudReports: m.tally.fraudReports,
                             disputes: m.tally.disputes, fraudChargebacks: m.tally.fraudChargebacks,
                             reportsAndDisputes: m.tally.reportsAndDisputes, ratioBP: m.ratioBP,
                             thresholds: thresholds(SimDate(year: m.tally.year, month: m.tally.month, day: 1)!),
                             judged: true, excessive: m.excessive, excessiveRules: m.excessiveRuleIDs, penalty: MoneyJSON(m.penalty),
                             fraudStopped: m.tally.fraudStopped, genuineLost: m.tally.genuineLost)
        }
        // Months not judged yet: the one in progress (and, before the first day of a world's first month ends, nothing).
        for t in book.tallies.dropFirst(book.months.count) {
            months.append(RiskReport.Month(
                month: t.label, cardPayments: t.cardNotPresentPayments, fraudReports: t.fraudReports, disputes: t.disputes,
                fraudChargebacks: t.fraudChargebacks, reportsAndDisputes: t.reportsAndDisputes,
                ratioBP: DisputeMonitor.ratioBP(count: t.reportsAndDisputes, transactions: t.cardNotPresentPayments),
                thresholds: thresholds(SimDate(year: t.year, month: t.month, day: 1)!),
                judged: false, excessive: false, excessiveRules: [], penalty: nil, fraudStopped: t.fraudStopped, genuineLost: t.genuineLost))
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
            thresholdsToday: thresholds(date()), months: months)
    }
}
