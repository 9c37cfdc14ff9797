/// Payments and risk: fraud bots, chargebacks with dispute fees, the shop's verification rule, the dispute-ratio monitor,
/// and currency conversion.
public struct RiskBook: Sendable, Equatable {
    /// Every dispute, in the order opened.
    public internal(set) var chargebacks: [Chargeback] = []
    /// The monitor's verdict on each finished month, in order.
    public internal(set) var months: [DisputeMonth] = []
    /// Cash conversions the shop made (`fx convert`).
    public internal(set) var conversions: [FXConversion] = []
    /// Running counts per calendar month since the world's start month (index 0), the current month included.
    public internal(set) var tallies: [RiskTally] = []

    /// Payment ids of fraud payments by the day their card owner disputes them.
    var fraudDue: [[Int]] = []
    /// Genuine disputes by the day the card issuer opens them (payment ids; a payment's id is its order's id).
    var genuineDue: [[Int]] = []
    /// Chargeback ids by the day the provider takes the money (disputes opened before their payment settled).
    var chargesDue: [[Int]] = []
    /// Payment id → chargeback id: a payment is disputed at most once.
    var disputeOfPayment: [Int: Int] = [:]
    /// How many payments the daily scan has counted and checked for fraud.
    var scannedPayments = 0
    /// Today's key of the fraud stream and index of today's tally, set by `riskDay` before customers shop.
    var fraudKey: UInt64 = 0
    var todayTally = 0

    public init() {}

    /// Totals over all months.
    public var fraudStopped: Int { tallies.reduce(0) { $0 + $1.fraudStopped } }
    public var genuineLost: Int { tallies.reduce(0) { $0 + $1.genuineLost } }
    public var verifiedCheckouts: Int { tallies.reduce(0) { $0 + $1.verifiedCheckouts } }
}

extension World {
    /// Daily payments work: count yesterday's payments, open the chargebacks that fall due, take the money of those
    /// whose payment has now settled, and on the first of a month judge the month before.
    mutating func riskDay() {
        riskBook.fraudKey = rng.key(.fraud, day: day)
        riskBook.todayTally = tallyIndex(day: day)
        scanNewPayments()
        if day < riskBook.fraudDue.count {
            for id in riskBook.fraudDue[day] { openChargeback(payment: id, reason: .fraud) }
        }
        if day < riskBook.genuineDue.count {
            for id in riskBook.genuineDue[day] {
                let never = orders[id - 1].deliveredDay == nil
                openDispute(payment: id, reason: never ? Chargeback.Reason.notReceived.rawValue : Chargeback.Reason.complaint.rawValue)
            }
        }
        if day < riskBook.chargesDue.count {
            for id in riskBook.chargesDue[day] { chargeBack(id) }
        }
        monitorDisputes()
    }

    /// Schedules each fraud payment's dispute 14–56 days after it (DOMAIN.md: chargebacks arrive 2–8 weeks after the
    /// sale). One pass over each payment, once. (The monitor counts card payments when they settle: `settlePayments`.)
    mutating func scanNewPayments() {
        while riskBook.scannedPayments < payments.count {
            // Field reads, not a copy of the payment record, on this once-per-payment pass.
            let i = riskBook.scannedPayments
            riskBook.scannedPayments += 1
            let paidDay = payments[i].day
            if payments[i].fraud {
                let id = payments[i].id
                let lag = rng.integer(in: World.fraudDisputeDays, .chargeback, day: paidDay, entity: id)
                World.schedule(&riskBook.fraudDue, day: paidDay + lag, id: id)
            }
        }
    }

    /// The index in `riskBook.tallies` of the calendar month of `day`, growing the list as needed.
    mutating func tallyIndex(day: Int) -> Int {
        let start = World.monthKey(header.startDate)
        let index = World.monthKey(date(day)) - start
        while riskBook.tallies.count <= index {
            riskBook.tallies.append(RiskTally(monthKey: start + riskBook.tallies.count))
        }
        return index
    }

    static func monthKey(_ date: SimDate) -> Int { date.year * 12 + date.month - 1 }

    /// Settles the payments due today: the provider keeps its fee, remits the tax, and pays out the rest — converted to
    /// the home currency at the day's rate less the spread (`fx.auto_convert on`, the default), or held as cash in the
    /// payment's currency (`off`), to be converted later with `borderlab fx convert`.
    ///
    /// Each card payment settling today counts as a settled card-not-present transaction of this month's dispute ratio.
    mutating func settlePayments() {
        guard day < settlementsDue.count, !settlementsDue[day].isEmpty else { return }
        let home = scenario.homeCurrency
        let tally = tallyIndex(day: day)
        for id in settlementsDue[day] {
            let p = payments[id - 1]
            if DisputeMonitor.counts(provider: p.provider) { riskBook.tallies[tally].cardNotPresentPayments += 1 }
            let net = p.amount - p.fee - p.tax
            ledger.open()
            ledger.line(.paymentFees, p.fee, day: day, kind: .settlement, reference: id)
            ledger.line(.taxPayable, p.tax, day: day, kind: .settlement, reference: id)
            ledger.line(.receivable, -p.amount, day: day, kind: .settlement, reference: id)
            if p.amount.currency == home {
                ledger.line(.cash, net, day: day, kind: .settlement, reference: id)
                payments[id - 1].settledHome = net
            } else if !settings.autoConvert {
                ledger.line(.cash, net, day: day, kind: .settlement, reference: id)
            } else {
                // The provider pays out in the home currency: the conversion passes through FX clearing.
                let netHome = rates.convert(net, to: home, spreadBP: FXMarket.spreadBP)
                ledger.line(.fxClearing, net, day: day, kind: .settlement, reference: id)
                ledger.line(.cash, netHome, day: day, kind: .settlement, reference: id)
                ledger.line(.fxClearing, -netHome, day: day, kind: .settlement, reference: id)
                payments[id - 1].settledHome = netHome
            }
            ledger.close()
            payments[id - 1].status = .settled
        }
    }

    /// Pays `amount` out of cash, booked to `account`: from cash in its own currency when it is the home currency or
    /// the shop holds enough of it (payouts kept with `fx.auto_convert off`, or bought with `fx convert`), otherwise
    /// with home cash bought at the day's rate plus the bank's spread (through FX clearing, as `refundOrder` does).
    ///
    /// - Returns: what left the cash account, in the currency it left in.
    @discardableResult
    mutating func payFromCash(_ amount: Money, to account: Account, kind: EntryKind, reference: Int) -> Money {
        let home = scenario.homeCurrency
        if amount.currency == home || cash(amount.currency) >= amount {
            ledger.post(day: day, kind: kind, reference: reference, (account, amount), (.cash, -amount))
            return amount
        }
        let paid = rates.cost(of: amount, in: home, spreadBP: FXMarket.spreadBP)
        ledger.post(day: day, kind: kind, reference: reference,
                    (account, amount), (.fxClearing, -amount), (.fxClearing, paid), (.cash, -paid))
        return paid
    }
}
