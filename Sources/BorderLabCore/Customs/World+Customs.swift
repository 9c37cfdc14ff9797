/// Customs by mode for customer parcels: three-document matching, random inspections, holds and their release, and
/// parcels lost in transit. Storage fees are in World+Storage.
extension World {
    /// Daily customs work: record today's arrivals for ageing, run the holds and losses that fall due, charge storage.
    ///
    /// Runs after today's arrivals and deliveries and before the customers shop.
    mutating func customsDay() {
        syncCustomsLots()
        recordArrivedCohorts()
        runCustomsTasks()
        chargeStorage()
    }

    /// Sends a customer parcel on its way: normally it arrives on `arrivalDay`; customs may hold it, the carrier may lose it.
    ///
    /// Called for every order (the hot path): three counter-based draws and no strings unless something happens.
    /// The documents are matched when the parcel is declared, on its ship day; a mismatched parcel is not inspected too.
    mutating func dispatchParcel(order id: Int, arrivalDay: Int) {
        let o = id - 1
        // A rebate site's shoppers buy from merchants inside China: the merchant's parcel, no customs, nothing for the shop.
        if mode == .rebate {
            World.schedule(&deliveriesDue, day: arrivalDay, id: id)
            return
        }
        let customs = orders[o].customs
        guard CustomsPolicy.checked(customs) else {
            routeParcel(order: id, arrivalDay: arrivalDay)
            return
        }
        let circle = mode == .daigou && settings.circleOfFriends
        let key = rng.key(.customs, day: day)
        let mismatchBP = CustomsPolicy.mismatchBP(customs: customs, channel: orders[o].channel, circleOfFriends: circle)
        if CounterRNG.bits(key: key, entity: id, index: 0) % 10_000 < UInt64(mismatchBP) {
            holdParcel(order: id, reason: .mismatch, dueDay: day + CustomsPolicy.seizeAfterDays, transitLeft: arrivalDay - day)
            return
        }
        let category = catalogue.products[lots[orders[o].lotID - 1].product].category
        let inspectionBP = CustomsPolicy.inspectionBP(customs: customs, category: category, circleOfFriends: circle)
        if CounterRNG.bits(key: key, entity: id, index: 1) % 10_000 < UInt64(inspectionBP) {
            let extra = rng.integer(in: CustomsPolicy.inspectionDays, .customs, day: day, entity: id, index: 2)
            holdParcel(order: id, reason: .inspection, dueDay: day + extra, transitLeft: arrivalDay - day)
            routeParcel(order: id, arrivalDay: arrivalDay + extra)
            return
        }
        routeParcel(order: id, arrivalDay: arrivalDay)
    }

    /// Puts a parcel that customs let through on the carrier's queue: delivered on `arrivalDay`, or, with the channel's
    /// loss odds (`Channel.lossBP`, drawn once per order from the `loss` stream), lost: found missing on `arrivalDay` and
    /// asked about by the customer the day after the promise.
    mutating func routeParcel(order id: Int, arrivalDay: Int) {
        let o = id - 1
        let lossBP = orders[o].channel.lossBP
        if lossBP > 0, rng.bits(.loss, day: orders[o].day, entity: id) % 10_000 < UInt64(lossBP) {
            customsBook.schedule(.parcelLost(order: id), day: arrivalDay)
            let ask = max(orders[o].day + orders[o].promisedDays + 1, day + 1)
            customsBook.schedule(.lostParcelTicket(order: id), day: ask)
            return
        }
        World.schedule(&deliveriesDue, day: arrivalDay, id: id)
    }

    /// Opens a hold on a parcel: its units move to `heldAtCustoms`; an inspection pays its handling charge now and clears
    /// on `dueDay`; a mismatch opens a `customs-hold` ticket and waits for the shop until `dueDay`.
    mutating func holdParcel(order id: Int, reason: HoldReason, dueDay: Int, transitLeft: Int) {
        let o = id - 1
        let holdID = customsBook.holds.count + 1
        let charges = reason == .inspection
            ? payCharge(CustomsPolicy.inspectionCharge, to: .customsCharges, kind: .customs, reference: holdID)
            : .zero(scenario.homeCurrency)
        customsBook.holds.append(CustomsHold(
            id: holdID, day: day, orderID: id, lotID: orders[o].lotID, sku: orders[o].sku, units: orders[o].quantity,
            reason: reason, status: .held, dueDay: dueDay, transitLeft: transitLeft, endDay: nil, arrivalDay: nil,
            charges: charges))
        lots[orders[o].lotID - 1].heldAtCustoms += orders[o].quantity
        switch reason {
        case .inspection:
            customsBook.schedule(.clearInspection(hold: holdID), day: dueDay)
        case .mismatch:
            customsBook.schedule(.seizeDeadline(hold: holdID), day: dueDay)
            openTicket(order: id, kind: "customs-hold")
        }
    }

    /// `customs-release`: the shop corrects the documents of a mismatch hold (a correction charge) and the parcel goes on,
    /// due at the customer after the rest of its transit.
    mutating func releaseHold(id: Int) throws(EngineError) {
        guard id >= 1, id <= customsBook.holds.count else { throw .unknownHold(id) }
        let hold = customsBook.holds[id - 1]
        guard hold.reason == .mismatch else { throw .notMismatchHold(id, clearsDay: hold.dueDay) }
        guard hold.status == .held else { throw .holdNotHeld(id, status: hold.status.rawValue) }
        let paid = payCharge(CustomsPolicy.correctionCharge, to: .customsCharges, kind: .customs, reference: id)
        let arrival = day + hold.transitLeft
        customsBook.holds[id - 1].status = .released
        customsBook.holds[id - 1].endDay = day
        customsBook.holds[id - 1].arrivalDay = arrival
        customsBook.holds[id - 1].charges += paid
        lots[hold.lotID - 1].heldAtCustoms -= hold.units
        routeParcel(order: hold.orderID, arrivalDay: arrival)
    }

    /// Runs today's customs tasks in the order they were scheduled.
    mutating func runCustomsTasks() {
        guard day < customsBook.due.count else { return }
        // Past days' queues are kept (a few tasks per hundred orders): tests and reports can see what fell due when.
        for task in customsBook.due[day] {
            switch task {
            case .clearInspection(let h):
                let hold = customsBook.holds[h - 1]
                customsBook.holds[h - 1].status = .cleared
                customsBook.holds[h - 1].endDay = day
                customsBook.holds[h - 1].arrivalDay = day + hold.transitLeft
                lots[hold.lotID - 1].heldAtCustoms -= hold.units
            case .seizeDeadline(let h):
                if customsBook.holds[h - 1].status == .held { seize(hold: h) }
            case .parcelLost(let id):
                parcelLost(order: id)
            case .lostParcelTicket(let id):
                openTicket(order: id, kind: "where-is-my-parcel")
            }
        }
    }

    /// A mismatch hold not released in time: the parcel is seized and returned to sender. Its units are written off
    /// (held → returned and written off), their cost moves from COGS to write-offs, and the customer gets goods and tax back.
    mutating func seize(hold h: Int) {
        let hold = customsBook.holds[h - 1]
        customsBook.holds[h - 1].status = .seized
        customsBook.holds[h - 1].endDay = day
        let l = hold.lotID - 1
        lots[l].heldAtCustoms -= hold.units
        lots[l].returned += hold.units
        lots[l].writtenOff += hold.units
        orders[hold.orderID - 1].status = .seized
        releaseCBECQuota(order: hold.orderID)
        discardCounterfeit(order: hold.orderID)
        let order = orders[hold.orderID - 1]
        refundParcel(order: order.id)
        ledger.post(day: day, kind: .seizedGoods, reference: hold.lotID, (.writeOffs, order.costHome), (.cogs, -order.costHome))
        events.append(WorldEvent(day: day, kind: "customs-seizure",
                                 detail: "hold \(h): order \(order.id) (\(hold.units) × \(hold.sku)) seized after \(CustomsPolicy.seizeAfterDays) days unreleased; customer refunded"))
    }

    /// A parcel that never arrives: shipment and order lost, its units counted lost, their cost moved from COGS to
    /// write-offs, and the customer refunded goods and tax on the day it should have arrived.
    mutating func parcelLost(order id: Int) {
        let o = id - 1
        shipments[o].lost = true
        orders[o].status = .lost
        let order = orders[o]
        lots[order.lotID - 1].lost += order.quantity
        discardCounterfeit(order: id)
        refundParcel(order: id)
        ledger.post(day: day, kind: .lostGoods, reference: order.lotID, (.writeOffs, order.costHome), (.cogs, -order.costHome))
    }

    /// Gives the customer of a parcel that never reaches them what they paid the shop: the goods and a daigou service
    /// fee (their tax comes back from the authority), unless they have the money back already.
    mutating func refundParcel(order id: Int) {
        refundOrder(id, withFee: true)
    }
}
