/// Chargebacks: a disputed payment is taken back by the provider, with a dispute fee on top. The goods are gone
/// (no unit moves): the fraud bot or the customer keeps them.
extension World {
    /// Card dispute fee (DOMAIN.md: Stripe, about 15 USD).
    static let cardDisputeFee = Money(major: 15, .USD)
    /// PayPal chargeback fee (DOMAIN.md: 20 USD).
    static let paypalDisputeFee = Money(major: 20, .USD)
    /// cn-wallet dispute fee (*assumption*: 20 CNY; domestic wallets settle disputes cheaply).
    static let walletDisputeFee = Money(major: 20, .CNY)
    /// How long after the payment a customer may still dispute it (DOMAIN.md: up to 120 days, *assumption*).
    static let disputeWindowDays = 120

    static func disputeFee(provider: String) -> Money {
        switch provider {
        case PaymentProvider.paypal.id: paypalDisputeFee
        case PaymentProvider.cnWallet.id: walletDisputeFee
        default: cardDisputeFee
        }
    }

    /// A genuine customer disputes a payment (item not received, complaint ignored): a chargeback with a dispute fee
    /// follows, and on a card payment it counts in the dispute ratio.
    ///
    /// Ignored when the payment is unknown, already disputed, a fraud payment (its owner's dispute is on its way), or
    /// older than the 120-day dispute window.
    /// - Parameter reason: `not-received` or `complaint` (anything else counts as a complaint).
    mutating func openDispute(payment id: Int, reason: String) {
        guard id >= 1, id <= payments.count, !payments[id - 1].fraud else { return }
        guard day - payments[id - 1].day <= World.disputeWindowDays else { return }
        let kind = Chargeback.Reason(rawValue: reason) ?? .complaint
        openChargeback(payment: id, reason: kind == .fraud ? .complaint : kind)
    }

    /// Opens a dispute on payment `id` today; the provider takes the money now if the payment has settled, or on its
    /// settlement day otherwise.
    mutating func openChargeback(payment id: Int, reason: Chargeback.Reason) {
        guard riskBook.disputeOfPayment[id] == nil else { return }
        // A customer who has the order's money back already (the payment id is the order id) has nothing to dispute.
        guard !serviceBook.refundedOrders.contains(id) else { return }
        let p = payments[id - 1]
        let settled = p.status == .settled
        let chargeback = Chargeback(
            id: riskBook.chargebacks.count + 1, paymentID: id, orderID: p.orderID, provider: p.provider, reason: reason,
            dayOpened: day, dayDue: settled ? day : max(day, p.settleDay), amount: p.amount,
            fee: World.disputeFee(provider: p.provider), status: .open, amountPaid: nil, feePaid: nil)
        riskBook.chargebacks.append(chargeback)
        riskBook.disputeOfPayment[id] = chargeback.id
        // In the month opened: on a card payment, a fraud chargeback (also a fraud report) or a genuine dispute for the
        // dispute ratio; on PayPal or cn-wallet, outside the card programmes.
        let t = tallyIndex(day: day)
        if DisputeMonitor.counts(provider: p.provider) {
            if reason == .fraud { riskBook.tallies[t].fraudChargebacks += 1 } else { riskBook.tallies[t].otherDisputes += 1 }
        } else if p.provider == PaymentProvider.paypal.id {
            riskBook.tallies[t].paypalDisputes += 1
        } else {
            riskBook.tallies[t].walletDisputes += 1
        }
        events.append(WorldEvent(day: day, kind: "chargeback",
                                 detail: "payment \(id) (order \(p.orderID), \(p.amount)) disputed: \(reason.rawValue)"))
        if settled {
            chargeBack(chargeback.id)
        } else {
            World.schedule(&riskBook.chargesDue, day: chargeback.dayDue, id: chargeback.id)
        }
    }

    /// The provider takes the disputed amount (to chargeback_losses) and its fee (to dispute_fees) from the shop's cash.
    mutating func chargeBack(_ id: Int) {
        let c = riskBook.chargebacks[id - 1]
        guard c.status == .open else { return }
        let amountPaid = payFromCash(c.amount, to: .chargebackLosses, kind: .chargeback, reference: c.paymentID)
        let feePaid = payFromCash(c.fee, to: .disputeFees, kind: .dispute, reference: c.paymentID)
        riskBook.chargebacks[id - 1].status = .chargedBack
        riskBook.chargebacks[id - 1].amountPaid = amountPaid
        riskBook.chargebacks[id - 1].feePaid = feePaid
        payments[c.paymentID - 1].status = .chargedBack
    }
}
