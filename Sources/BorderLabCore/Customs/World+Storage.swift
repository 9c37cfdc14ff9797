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
            customsBook.accruedUnitDays.append(contentsOf: repeatElement(0, count: StorageTier.allCases.count))
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

    /// Accrues today's storage of every lot by age tier, and on the first day of a month bills the month before: one
    /// `storage_fees` row per lot and tier, one ledger entry per lot (paid from home cash, converted with the bank's
    /// spread when the warehouse bills in USD). Monthly bills keep the journal small; the fee is exact either way
    /// (rate × cm³-days, rounded half-up once per bill and tier).
    mutating func chargeStorage() {
        if day > 0 && date().day == 1 { billStorage() }
        let tiers = StorageTier.allCases.count
        for l in lots.indices where lots[l].onHand > 0 && customsBook.site[l] != .none {
            StorageTier.accrue(cohorts: customsBook.cohorts[l], onHand: lots[l].onHand, day: day, site: customsBook.site[l],
                               into: &customsBook.accruedUnitDays, base: l * tiers)
        }
    }

    /// Bills the storage accrued from `periodStart` to yesterday.
    mutating func billStorage() {
        let tiers = StorageTier.allCases
        for l in lots.indices where customsBook.site[l] != .none {
            var total: Money?
            for tier in tiers {
                let index = l * tiers.count + Int(tier.rawValue)
                let unitDays = customsBook.accruedUnitDays[index]
                guard unitDays > 0 else { continue }
                customsBook.accruedUnitDays[index] = 0
                let cubicCmDays = unitDays * Int64(customsBook.unitCubicCm[l])
                let rate = tier.ratePerCubicMetre
                let fee = Money(minor: divideHalfUp(Int128(rate.minor) * Int128(cubicCmDays), 1_000_000), rate.currency)
                guard fee.minor > 0 else { continue }
                customsBook.storageFees.append(StorageFee(lotID: l + 1, day: day, fromDay: customsBook.periodStart, toDay: day - 1,
                                                          tier: tier, unitDays: unitDays, cubicCmDays: cubicCmDays, fee: fee))
                total = (total ?? .zero(fee.currency)) + fee
            }
            if let total { payCharge(total, to: .storageFees, kind: .storage, reference: l + 1) }
        }
        customsBook.periodStart = day
    }
}
