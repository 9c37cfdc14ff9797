/// Money back to customers and units out of the books: the shared moves of returns, losses, seizures and recalls.
extension World {
    /// Refunds part or all of an order to its customer: goods as a sales return, tax as a reduction of tax payable
    /// (customs refunds CBEC tax and VAT on goods that come back). The shop pays from home cash, converted to the
    /// customer's currency at the day's rate plus the bank's spread when they differ.
    ///
    /// - Returns: the home-currency amount paid.
    @discardableResult
    mutating func refundOrder(_ orderID: Int, goods: Money, tax: Money) -> Money {
        let total = goods + tax
        let home = scenario.homeCurrency
        ledger.open()
        ledger.line(.salesReturns, goods, day: day, kind: .refund, reference: orderID)
        ledger.line(.taxPayable, tax, day: day, kind: .refund, reference: orderID)
        let paid: Money
        if total.currency == home {
            paid = total
            ledger.line(.cash, -total, day: day, kind: .refund, reference: orderID)
        } else {
            paid = rates.cost(of: total, in: home, spreadBP: FXMarket.spreadBP)
            ledger.line(.fxClearing, -total, day: day, kind: .refund, reference: orderID)
            ledger.line(.fxClearing, paid, day: day, kind: .refund, reference: orderID)
            ledger.line(.cash, -paid, day: day, kind: .refund, reference: orderID)
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
