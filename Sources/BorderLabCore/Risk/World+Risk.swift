/// Payments and risk: fraud bots, chargebacks with dispute fees, the shop's verification rule, the dispute-ratio monitor,
/// and currency conversion.
public struct RiskBook: Sendable {
    public init() {}
}

/// What the payment provider's screening decided at checkout.
struct PaymentScreen {
    /// False when the shopper gave up at the extra verification (or a fraud bot was stopped by it).
    var proceed = true
    var score = 0
    var fraud = false
    var verified = false
}

extension World {
    /// Daily payments work: chargebacks that fall due, the monthly dispute-ratio check.
    mutating func riskDay() {}

    /// Screens a checkout of `amount` (in the shopper's currency) by customer `c` from country index `ci`.
    func screenPayment(customer c: Int, countryIndex ci: Int, amount: Money) -> PaymentScreen { PaymentScreen() }

    /// A genuine customer disputes a payment (item not received, complaint ignored): a chargeback with a dispute fee
    /// follows, and it counts in the dispute ratio.
    mutating func openDispute(payment id: Int, reason: String) {}

    /// `fx-convert`: converts cash at the day's rate plus the bank's spread.
    mutating func convert(_ amount: Money, to currency: Currency) throws(EngineError) {
        throw .notInMode(action: "convert currency yet", mode: mode.rawValue, fix: "This release of BorderLab converts at settlement.")
    }

    mutating func settlePayments() {
        guard day < settlementsDue.count else { return }
        let home = scenario.homeCurrency
        for id in settlementsDue[day] {
            let p = payments[id - 1]
            let net = p.amount - p.fee - p.tax
            ledger.open()
            ledger.line(.paymentFees, p.fee, day: day, kind: .settlement, reference: id)
            ledger.line(.taxPayable, p.tax, day: day, kind: .settlement, reference: id)
            ledger.line(.receivable, -p.amount, day: day, kind: .settlement, reference: id)
            if p.amount.currency == home {
                ledger.line(.cash, net, day: day, kind: .settlement, reference: id)
                payments[id - 1].settledHome = net
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

}
