/// A payment the card owner or the customer disputed: the provider takes the amount back and charges a dispute fee.
public struct Chargeback: Sendable, Hashable {
    /// Why the payment was disputed.
    public enum Reason: String, Sendable, CaseIterable {
        /// A fraud bot paid with a stolen card; the card owner disputes the charge.
        case fraud
        /// A genuine customer says the goods never came.
        case notReceived = "not-received"
        /// A genuine customer whose complaint the shop ignored turns to the card issuer.
        case complaint
    }

    public enum Status: String, Sendable {
        /// Opened; the provider takes the money when the payment has settled.
        case open
        /// The amount and the fee have been taken from the shop's cash.
        case chargedBack = "charged_back"
    }

    public let id: Int
    public let paymentID: Int
    public let orderID: Int
    /// `card`, `paypal` or `cn-wallet`.
    public let provider: String
    public let reason: Reason
    /// The day the card owner (or customer) filed the dispute; on a card payment it counts in that month's dispute ratio
    /// (a fraud chargeback twice: as a fraud report and as a dispute).
    public let dayOpened: Int
    /// The day the provider takes the money back: the opening day, or the settlement day if the payment had not settled.
    public let dayDue: Int
    /// The whole payment (goods and tax), in the payment's currency.
    public let amount: Money
    /// The provider's dispute fee (card 15 USD, PayPal 20 USD, cn-wallet *assumption*).
    public let fee: Money
    public internal(set) var status: Status
    /// What left the shop's cash for the amount: in the payment currency when the shop held enough of it, else home
    /// currency bought at the day's rate plus the bank's spread. Nil while open.
    public internal(set) var amountPaid: Money?
    /// What left the shop's cash for the fee, likewise. Nil while open.
    public internal(set) var feePaid: Money?
}

/// One calendar month of the card transactions and disputes, as the dispute-ratio monitor counts them, and the
/// checkouts the shop's extra verification saw.
///
/// Only payments by card (the `card` provider) are card transactions; the shop sells online, so every one of them is
/// card-not-present. PayPal and cn-wallet payments are outside the card programmes: their disputes are counted apart.
public struct RiskTally: Sendable, Hashable {
    /// year × 12 + month − 1.
    public let monthKey: Int
    /// Card payments settled in the month (the ratio's denominator: settled card-not-present transactions). A payment
    /// counts in the month of its settlement day, 2–7 days after capture, even if it was disputed before settling.
    public internal(set) var cardNotPresentPayments = 0
    /// Fraud chargebacks on card payments opened in the month.
    public internal(set) var fraudChargebacks = 0
    /// Genuine disputes (not received, complaint) on card payments opened in the month.
    public internal(set) var otherDisputes = 0
    /// Disputes on PayPal payments opened in the month (not card transactions, not in the ratio).
    public internal(set) var paypalDisputes = 0
    /// Disputes on cn-wallet payments opened in the month (outside the card networks' programmes, not in the ratio).
    public internal(set) var walletDisputes = 0
    /// Checkouts sent through extra verification that went on to pay.
    public internal(set) var verifiedCheckouts = 0
    /// Fraud bots stopped by extra verification.
    public internal(set) var fraudStopped = 0
    /// Genuine shoppers who gave up at extra verification.
    public internal(set) var genuineLost = 0

    /// Disputes on card payments opened in the month: fraud chargebacks plus genuine disputes (each counted once).
    public var disputes: Int { fraudChargebacks + otherDisputes }
    /// Fraud reports (TC40) on card payments in the month: the card owner who disputes a stolen-card payment also
    /// reports it as fraud, so every fraud chargeback is a fraud report too.
    public var fraudReports: Int { fraudChargebacks }
    /// The ratio's numerator: fraud reports plus disputes, so a fraud chargeback counts twice and a genuine dispute once.
    public var reportsAndDisputes: Int { fraudReports + disputes }

    public var year: Int { monthKey / 12 }
    public var month: Int { monthKey % 12 + 1 }
    /// `YYYY-MM`.
    public var label: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}

/// One card programme's verdict on a finished month.
public struct DisputeProgrammeCheck: Sendable, Hashable {
    /// The programme's key in `RuleBook.disputeMonitor` (`VISA`, `MASTERCARD`).
    public let programme: String
    /// The programme's rule row in force on the month's first calendar day.
    public let ruleID: String
    public let threshold: DisputeMonitorThreshold
    /// At least the minimum count of fraud reports plus disputes, and a ratio at or above the threshold.
    public let excessive: Bool
}

/// The dispute-ratio monitor's verdict on one finished month.
public struct DisputeMonth: Sendable, Hashable {
    public let id: Int
    public let tally: RiskTally
    /// First and last simulated day of the month (the first is the world's day 0 for a month it started in).
    public let firstDay: Int
    public let lastDay: Int
    /// (fraud reports + disputes) / settled card-not-present payments in basis points, rounded half-up; nil without
    /// settled card payments.
    public let ratioBP: Int?
    /// Each card programme in force on the month's first calendar day, in the order of `RuleBook.disputeMonitor`.
    public let checks: [DisputeProgrammeCheck]
    /// Excessive under at least one programme in force.
    public let excessive: Bool
    /// The penalty in the threshold's currency (zero when not excessive): one a month, however many programmes flag it.
    public let penalty: Money
    /// What left the shop's cash for it (home currency unless the shop held the penalty's currency).
    public let penaltyPaid: Money
    /// The day the verdict was made (the first day of the next month).
    public let dayJudged: Int

    /// The rule rows in force on the month's first day, one per programme.
    public var ruleIDs: [String] { checks.map(\.ruleID) }
    /// The rule rows whose threshold the month reached (empty when not excessive).
    public var excessiveRuleIDs: [String] { checks.filter(\.excessive).map(\.ruleID) }
}

/// A conversion of cash between two currencies (`borderlab fx convert`).
public struct FXConversion: Sendable, Hashable {
    public let id: Int
    public let day: Int
    /// What the shop gave.
    public let from: Money
    /// What it received: at the day's mid rate less the bank's spread, rounded half-up once.
    public let to: Money
    /// Mid rates of both currencies that day, CNY per unit in millionths.
    public let fromMidMicro: Int64
    public let toMidMicro: Int64
    public let spreadBP: Int
}
