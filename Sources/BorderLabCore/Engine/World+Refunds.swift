/// Money back to customers and units out of the books: the shared moves of returns, losses, seizures and recalls.
extension World {
    /// Claims the one refund an order may get: false when the customer already has the money back (refunded by another
    /// mechanic — a return, a ticket, customs — or charged back through their card).
    mutating func claimRefund(order id: Int) -> Bool {
        guard riskBook.disputeOfPayment[id] == nil else { return false }
        return serviceBook.refundedOrders.insert(id).inserted
    }

    /// True when the customer of an order has its money back (a refund or a chargeback).
    public func moneyReturned(order id: Int) -> Bool {
        serviceBook.refundedOrders.contains(id) || riskBook.disputeOfPayment[id] != nil
    }

    /// Refunds an order to its customer, once (see ``claimRefund(order:)``).
    ///
    /// The shop gives back what it earned on the sale: the goods as a sales return — for a direct-delivery platform its
    /// commission (fee_revenue, at the rate of the day of sale) and the supplier's share (supplier_payable) — and, with
    /// `withFee`, a daigou's service fee (fee_revenue). The tax the customer paid goes back to them from the tax
    /// authority (China's CBEC: the consumer is the taxpayer and customs refunds it on returned goods; EU IOSS and other
    /// VAT: credited on the next return), so it never passes through the shop's cash: the provider remits it at
    /// settlement as usual. The shop pays from home cash, converted to the customer's currency at the day's rate plus
    /// the bank's spread when they differ.
    ///
    /// - Returns: the home-currency amount paid, or nil when the customer already had the money back.
    @discardableResult
    mutating func refundOrder(_ id: Int, withFee: Bool) -> Money? {
        guard claimRefund(order: id) else { return nil }
        let goods = orders[id - 1].goods
        var fee = Money.zero(goods.currency)
        if withFee, id <= payments.count, payments[id - 1].amount.currency == goods.currency {
            fee = payments[id - 1].amount - goods - orders[id - 1].tax
            if fee.minor < 0 { fee = .zero(goods.currency) }
        }
        let total = goods + fee
        let home = scenario.homeCurrency
        ledger.open()
        if mode == .directDelivery {
            let commission = goods.basisPoints(modeBook.commissionBPAtSale[id - 1])
            ledger.line(.feeRevenue, commission, day: day, kind: .refund, reference: id)
            ledger.line(.supplierPayable, goods - commission, day: day, kind: .refund, reference: id)
        } else {
            ledger.line(.salesReturns, goods, day: day, kind: .refund, reference: id)
        }
        ledger.line(.feeRevenue, fee, day: day, kind: .refund, reference: id)
        let paid: Money
        if total.currency == home {
            paid = total
            ledger.line(.cash, -total, day: day, kind: .refund, reference: id)
        } else {
            paid = rates.cost(of: total, in: home, spreadBP: FXMarket.spreadBP)
            ledger.line(.fxClearing, -total, day: day, kind: .refund, reference: id)
            ledger.line(.fxClearing, paid, day: day, kind: .refund, reference: id)
            ledger.line(.cash, -paid, day: day, kind: .refund, reference: id)
        }
        ledger.close()
        return paid
    }

    /// Pays a charge in any currency from home cash (converted at the day's rate plus spread when foreign), booked to
    /// `account`: storage fees, dispute fees, fines, inspection and verification costs.
    ///
    /// - Returns: the home-currency amount paid.
    @discardableResult
    mutating func payCharge(_ amount: Money, to account: Account, kind: EntryKind, reference: Int) -> Money {
        let home = scenario.homeCurrency
        guard amount.minor != 0 else { return .zero(home) }
        let paid = amount.currency == home ? amount : rates.cost(of: amount, in: home, spreadBP: FXMarket.spreadBP)
        ledger.post(day: day, kind: kind, reference: reference, (account, paid), (.cash, -paid))
        return paid
    }

    /// Takes `units` off a lot's shelf as written off (damaged, seized, recalled, rejected), moving their cost from
    /// inventory to write-offs. - Returns: the cost written off.
    @discardableResult
    mutating func writeOffOnHand(lot lotIndex: Int, units: Int, kind: EntryKind = .writeOff) -> Money {
        let n = min(units, lots[lotIndex].onHand)
        guard n > 0 else { return .zero(scenario.homeCurrency) }
        let cost = Money(minor: divideHalfUp(Int128(lots[lotIndex].costOnHand) * Int128(n), Int128(lots[lotIndex].onHand)),
                         scenario.homeCurrency)
        lots[lotIndex].onHand -= n
        lots[lotIndex].writtenOff += n
        lots[lotIndex].costOnHand -= cost.minor
        ledger.post(day: day, kind: kind, reference: lotIndex + 1, (.writeOffs, cost), (.inventory, -cost))
        return cost
    }
}
