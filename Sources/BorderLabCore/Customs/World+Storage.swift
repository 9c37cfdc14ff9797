/// Warehouse storage fees, charged daily per lot: overseas warehouses by the age of the stock, the bonded zone flat.
extension World {
    /// Extends the per-lot caches of the customs book to lots created since yesterday.
    mutating func syncCustomsLots() {
        while customsBook.site.count < lots.count {
            let lot = lots[customsBook.site.count]
            let product = catalogue.products[lot.product]
            customsBook.site.append(StorageSite(location: lot.location))
            customsBook.unitCubicCm.append(product.lengthCm * product.widthCm * product.heightCm)
            customsBook.cohorts.append([])
        }
    }

    /// Adds a cohort for every purchase order received today (receiveArrivals ran before customsDay).
    mutating func recordArrivedCohorts() {
        guard day < arrivalsDue.count else { return }
        for id in arrivalsDue[day] {
            let po = purchaseOrders[id - 1]
            guard po.status == .received else { continue }
            customsBook.cohorts[po.lotID - 1].append(StockCohort(arrivalDay: day, units: po.quantity))
        }
    }

    /// Charges today's storage: one ledger entry per lot with a non-zero fee (paid from home cash, converted with the
    /// bank's spread when the warehouse bills in USD), and one `storage_fees` row per tier.
    mutating func chargeStorage() {
        for l in lots.indices where customsBook.site[l] != .none && lots[l].onHand > 0 {
            let charges = StorageTier.charges(cohorts: customsBook.cohorts[l], onHand: lots[l].onHand,
                                              unitCubicCm: customsBook.unitCubicCm[l], day: day, site: customsBook.site[l])
            guard let first = charges.first else { continue }
            var total = Money.zero(first.fee.currency)
            for charge in charges {
                total += charge.fee
                customsBook.storageFees.append(StorageFee(lotID: l + 1, day: day, tier: charge.tier, units: charge.units,
                                                          cubicCm: charge.cubicCm, fee: charge.fee))
            }
            payCharge(total, to: .storageFees, kind: .storage, reference: l + 1)
        }
    }
}
