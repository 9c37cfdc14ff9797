/// Returns: whether a delivered order comes back, and what happens when it does.
///
/// A return is decided on the delivery day and arrives 7–30 days later. The shop then refunds goods and tax
/// (`refundOrder`), pays the return shipping (service_costs), and puts the units back on the shelf when they can be sold
/// again (their cost back from cogs into inventory and the lot's `costOnHand`) or writes them off (cost from cogs to
/// write_offs). Units: `returned += q`, then `onHand += q` or `writtenOff += q`.
///
/// *Assumptions*: return shipping costs what the outbound parcel cost (the same carrier back; 0 where suppliers pay the
/// parcels); a daigou's service fee is not refunded; units of an on-demand lot (daigou, direct-delivery) never go back on
/// a shelf the shop does not have, so they are written off at their cost.
extension World {
    /// Return rate by category, basis points, for an ordinary (not faulty) delivery.
    ///
    /// DOMAIN.md (2024): apparel 25–40% (30% taken), electronics 8–12% (10%), home goods 10–15% (kitchenware 12%),
    /// beauty about 5% (cosmetics 5%). *Assumptions* for the categories DOMAIN.md does not give: supplements 4% and
    /// infant formula 2% (sealed food, rarely returnable once opened), watches 12%, jewellery 15%.
    static func returnBP(_ category: Category) -> Int {
        switch category {
        case .apparel: 3_000
        case .electronics: 1_000
        case .kitchenware: 1_200
        case .cosmetics: 500
        case .supplements: 400
        case .infantFormula: 200
        case .watches: 1_200
        case .jewellery: 1_500
        }
    }

    /// Holiday-season orders (placed in November or December) are returned 17% more often (DOMAIN.md, NRF 2024).
    static let holidayReturnFactor = 1.17
    /// Return rate of a delivery with a defective unit, basis points (*assumption*: most customers send it back).
    static let defectiveReturnBP = 6_000
    /// Return rate of a delivery with counterfeit units whose customer did not open a ticket (*assumption*).
    static let counterfeitReturnBP = 5_000
    /// Share of changed-mind returns fit to sell again, basis points (*assumption*: ~80%); faulty ones never are.
    static let resaleableBP = 8_000
    /// Days from delivery until the return is back and refunded (*assumption*, within the usual 30-day window).
    static let returnDays = 7...30

    /// Decides on the delivery day whether an order will come back, and schedules the return.
    mutating func decideReturn(order orderID: Int, counterfeit: Bool, defective: Bool, key: UInt64) {
        let lotID = orders[orderID - 1].lotID, orderDay = orders[orderID - 1].day
        let reason: ReturnReason
        var bp: Double
        if counterfeit {
            reason = .counterfeit; bp = Double(World.counterfeitReturnBP)
        } else if defective {
            reason = .defective; bp = Double(World.defectiveReturnBP)
        } else {
            reason = .changedMind
            bp = Double(World.returnBP(catalogue.products[lots[lotID - 1].product].category))
            if orderDay < serviceBook.holidayOrderDay.count, serviceBook.holidayOrderDay[orderDay] { bp *= World.holidayReturnFactor }
        }
        guard CounterRNG.unit(CounterRNG.bits(key: key, entity: orderID, index: 4)) * 10_000 < bp else { return }
        let id = serviceBook.returns.count + 1
        let due = day + rng.integer(in: World.returnDays, .returns, day: day, entity: orderID, index: 6)
        serviceBook.returns.append(ReturnRecord(id: id, orderID: orderID, sku: lots[lotID - 1].sku, lotID: lotID,
                                                quantity: orders[orderID - 1].quantity, decidedDay: day, dueDay: due, reason: reason))
        World.schedule(&serviceBook.returnsDue, day: due, id: id)
    }

    /// Returns that arrive today: refund, return shipping, and the units back on the shelf or written off.
    mutating func receiveReturns() {
        guard day < serviceBook.returnsDue.count else { return }
        for id in serviceBook.returnsDue[day] { receiveReturn(id) }
    }

    mutating func receiveReturn(_ id: Int) {
        let record = serviceBook.returns[id - 1]
        let order = orders[record.orderID - 1]
        let lot = record.lotID - 1
        // A daigou's service fee stays with the shop on a return (the service was given).
        let refund = refundOrder(order.id, withFee: false)?.minor ?? 0
        let shipping = payCharge(shipments[order.id - 1].cost, to: .serviceCosts, kind: .returnCosts, reference: order.id)
        let resaleable = record.reason == .changedMind && !lots[lot].onDemand
            && rng.uniform(.returns, day: day, entity: order.id, index: 7) * 10_000 < Double(World.resaleableBP)
        let cost = order.costHome
        lots[lot].returned += record.quantity
        if resaleable {
            lots[lot].onHand += record.quantity
            lots[lot].costOnHand += cost.minor
            ledger.post(day: day, kind: .refund, reference: order.id, (.inventory, cost), (.cogs, -cost))
        } else {
            lots[lot].writtenOff += record.quantity
            ledger.post(day: day, kind: .returnCosts, reference: order.id, (.writeOffs, cost), (.cogs, -cost))
        }
        serviceBook.returns[id - 1].received = true
        orders[order.id - 1].status = .returned
        returnCBECQuota(order: order.id)
        serviceBook.returns[id - 1].resaleable = resaleable
        serviceBook.returns[id - 1].refundHome = refund
        serviceBook.returns[id - 1].shippingHome = shipping.minor
    }
}
