/// Service and supervision: the engine's hooks into the daily tick (deliveries, arrivals, purchases, the service day).
///
/// The mechanics live beside this file: returns (World+Returns), tickets and SLA clocks (World+Tickets), sampling
/// inspection (World+Inspection, SamplingPlan), supplier documents, counterfeit batches and badges (World+Suppliers),
/// and the regulator (World+Regulator).
extension World {
    /// Share of deliveries that leave a review (*assumption*).
    static let reviewBP = 2_500
    /// Stars a counterfeit item costs in a review (*assumption*).
    static let counterfeitStarPenalty = 2.0
    /// Stars a defective or damaged item costs in a review (*assumption*, like a late parcel's 1.5).
    static let defectStarPenalty = 1.5
    /// Share of parcels that arrive damaged, in basis points (*assumption*: ~1%); the customer opens a ticket.
    static let damagedBP = 100
    /// Share of CBEC-taxed orders whose customer asks about the tax, in basis points (*assumption*: ~2%).
    static let taxQuestionBP = 200
    /// Share of customers who receive counterfeit goods and open a ticket about it, basis points (*assumption*: ~30%).
    static let counterfeitTicketBP = 3_000

    /// Daily service work: returns and resends that arrive, late parcels, SLA clocks, regulator spot checks, badges.
    mutating func serviceDay() {
        growServiceArrays()
        while serviceBook.holidayOrderDay.count <= day {
            let month = date(serviceBook.holidayOrderDay.count).month
            serviceBook.holidayOrderDay.append(month == 11 || month == 12)
        }
        schedulePromiseChecks()
        receiveReturns()
        deliverResends()
        checkLateParcels()
        runTicketClocks()
        regulatorDay()
        refreshBadges()
    }

    /// Keeps the per-lot and per-purchase-order arrays as long as the records they index.
    mutating func growServiceArrays() {
        while serviceBook.counterfeitUnits.count < lots.count {
            serviceBook.counterfeitUnits.append(0)
            serviceBook.counterfeitDelivered.append(0)
            serviceBook.counterfeitDeliveredValue.append(0)
        }
        while serviceBook.batchCounterfeit.count < purchaseOrders.count { serviceBook.batchCounterfeit.append(0) }
        if serviceBook.fakeProduct.isEmpty {
            let fake = supplierDocumentsFake()
            let supplierIndex = Dictionary(uniqueKeysWithValues: catalogue.suppliers.enumerated().map { ($1.id, $0) })
            serviceBook.fakeProduct = catalogue.products.map { supplierIndex[$0.supplierID].map { fake[$0] } ?? false }
        }
    }

    /// A purchase order was placed: from a supplier with fake documents the batch may be counterfeit. A daigou buys on
    /// demand (called from the order itself, so kept to array lookups): its batch is on hand at once.
    mutating func purchasePlaced(purchaseOrder id: Int) {
        growServiceArrays()
        let po = purchaseOrders[id - 1]
        let lot = po.lotID - 1
        guard serviceBook.fakeProduct[lots[lot].product],
              rng.uniform(.counterfeit, day: day, entity: id, index: 1) * 10_000 < Double(World.counterfeitBatchBP) else { return }
        serviceBook.batchCounterfeit[id - 1] = po.quantity
        if po.status == .received { serviceBook.counterfeitUnits[lot] += po.quantity }
    }

    /// A purchase order's batch arrived and is on hand: its counterfeit units join the lot; a booked inspection runs.
    mutating func batchArrived(purchaseOrder id: Int) {
        growServiceArrays()
        let lot = purchaseOrders[id - 1].lotID - 1
        serviceBook.counterfeitUnits[lot] += serviceBook.batchCounterfeit[id - 1]
        if let pending = serviceBook.inspections.firstIndex(where: { $0.purchaseOrderID == id && $0.day == nil }) {
            performInspection(pending)
        }
    }

    /// A parcel reached its customer: counterfeit and defective units show, then reviews, complaints and returns follow.
    mutating func parcelDelivered(order orderID: Int) {
        // Field reads, not a copy of the order: this runs for every parcel delivered.
        let o = orderID - 1
        let lotIndex = orders[o].lotID - 1
        if lotIndex >= serviceBook.counterfeitUnits.count { growServiceArrays() }
        let productIndex = lots[lotIndex].product
        let quantity = orders[o].quantity
        let defectBP = catalogue.products[productIndex].defectBP
        let quality = catalogue.products[productIndex].quality
        let returnsKey = rng.key(.returns, day: day)
        let counterfeit = serviceBook.counterfeitUnits[lotIndex] > 0 ? drawCounterfeit(order: orderID) : 0
        // One draw per parcel: with q units each defective at defectBP, the chance any is ≈ q × defectBP.
        let defective = CounterRNG.bits(key: returnsKey, entity: orderID, index: 1) % 10_000 < UInt64(defectBP * quantity)
        let damaged = CounterRNG.bits(key: returnsKey, entity: orderID, index: 2) % 10_000 < UInt64(World.damagedBP)
        let onTime = day - orders[o].day <= orders[o].promisedDays
        leaveReview(order: orderID, quality: quality, onTime: onTime, counterfeit: counterfeit > 0, faulty: defective || damaged)
        // A rebate site only sent the shopper to a merchant, who handles its own complaints and returns.
        guard mode != .rebate else { return }
        if damaged {
            openTicket(order: orderID, kind: TicketKind.damaged.rawValue)
        } else if counterfeit > 0,
                  CounterRNG.bits(key: returnsKey, entity: orderID, index: 3) % 10_000 < UInt64(World.counterfeitTicketBP) {
            openTicket(order: orderID, kind: TicketKind.counterfeit.rawValue)
        } else {
            decideReturn(order: orderID, counterfeit: counterfeit > 0, defective: defective, key: returnsKey)
        }
        if CounterRNG.bits(key: returnsKey, entity: orderID, index: 5) % 10_000 < UInt64(World.taxQuestionBP),
           orders[o].tax.minor > 0, orders[o].taxScheme.hasPrefix("cbec") {
            openTicket(order: orderID, kind: TicketKind.taxQuestion.rawValue)
        }
    }

    /// A parcel that never reaches its customer (lost, seized): the counterfeit units among its own take leave the lot's
    /// counter the same way a delivery would draw them, without a customer to notice.
    mutating func discardCounterfeit(order orderID: Int) {
        let lot = orders[orderID - 1].lotID - 1
        guard lot < serviceBook.counterfeitUnits.count, serviceBook.counterfeitUnits[lot] > 0 else { return }
        let quantity = orders[orderID - 1].quantity
        for i in 0..<quantity {
            let pool = lots[lot].onHand + quantity - i
            let share = Double(serviceBook.counterfeitUnits[lot]) / Double(max(pool, 1))
            if rng.uniform(.counterfeit, day: day, entity: orderID, index: 10 + i) < share { serviceBook.counterfeitUnits[lot] -= 1 }
        }
    }

    /// How many of a delivered order's units are counterfeit: a draw without replacement from the lot's units not yet
    /// delivered (the parcel's own units plus the shelf), whose counterfeit share is the lot's counter.
    mutating func drawCounterfeit(order orderID: Int) -> Int {
        let lot = orders[orderID - 1].lotID - 1
        let quantity = orders[orderID - 1].quantity
        var found = 0
        for i in 0..<quantity {
            let pool = lots[lot].onHand + quantity - i
            let share = Double(serviceBook.counterfeitUnits[lot]) / Double(max(pool, 1))
            if rng.uniform(.counterfeit, day: day, entity: orderID, index: 10 + i) < share {
                found += 1
                serviceBook.counterfeitUnits[lot] -= 1
            }
        }
        guard found > 0 else { return 0 }
        serviceBook.counterfeitDelivered[lot] += found
        let paid = orders[orderID - 1].goods
        let goods = Money(minor: divideHalfUp(Int128(paid.minor) * Int128(found), Int128(quantity)), paid.currency)
        serviceBook.counterfeitDeliveredValue[lot] += rates.convert(goods, to: scenario.homeCurrency).minor
        return found
    }

    /// A review after delivery: quality, lateness, counterfeit and faulty goods set the stars.
    mutating func leaveReview(order orderID: Int, quality: Double, onTime: Bool, counterfeit: Bool, faulty: Bool) {
        let index = listingOfProduct[lots[orders[orderID - 1].lotID - 1].product]
        guard CounterRNG.bits(key: rng.key(.review, day: day), entity: orderID) % 10_000 < World.reviewBP, index >= 0 else { return }
        let noise = rng.normal(.review, day: day, entity: orderID, index: 1)
        var raw = 1.0 + 4.0 * quality + 0.7 * noise - (onTime ? 0 : 1.5)
        if counterfeit { raw -= World.counterfeitStarPenalty }
        if faulty { raw -= World.defectStarPenalty }
        addReview(order: orderID, stars: min(5, max(1, Int(raw.rounded(.toNearestOrAwayFromZero)))), onTime: onTime)
    }

    mutating func addReview(order orderID: Int, stars: Int, onTime: Bool) {
        let index = listingOfProduct[lots[orders[orderID - 1].lotID - 1].product]
        guard index >= 0 else { return }
        reviews.append(Review(id: reviews.count + 1, orderID: orderID, sku: listings[index].sku, day: day, stars: stars, onTime: onTime))
        listings[index].reviewCount += 1
        listings[index].starSum += stars
    }

    /// Extra choice utility of a listing (a verified badge), added to every segment's V. Called per listing per day.
    func serviceChoiceBonus(listing: Int) -> Double {
        listing < serviceBook.badgeBonus.count ? serviceBook.badgeBonus[listing] : 0
    }
}
