import Testing
@testable import BorderLabCore

/// Customs holds, their release and seizure, parcel loss, and the books after long runs with all of them.
@Suite struct CustomsTests {
    /// True when the carrier loses parcel `id` once customs lets it go (the same draw the engine makes).
    static func drawnLost(_ world: World, _ id: Int) -> Bool {
        let order = world.orders[id - 1]
        return world.rng.bits(.loss, day: order.day, entity: id) % 10_000 < UInt64(order.channel.lossBP)
    }

    /// A stocked cn-import world advanced day by day until customs has just held a parcel for a document mismatch
    /// (one the carrier will not lose), with the world at the start of the next day.
    static func mismatchHold(seed: UInt64 = 7) throws -> (World, CustomsHold) {
        var world = try WorldFixtures.run(seed: seed, .cnImport, customers: 6_000, CustomsFixtures.cnImport)
        for _ in 0..<120 {
            try world.apply(.advance(days: 1))
            if let hold = world.customsBook.held.first(where: {
                $0.reason == .mismatch && $0.day == world.day - 1 && !drawnLost(world, $0.orderID)
            }) {
                return (world, hold)
            }
        }
        throw EngineError.unknownHold(0) // no mismatch in 120 days: the fixture no longer exercises the mechanic
    }

    // MARK: Odds

    @Test func mismatchOddsByCustomsModeChannelAndCircleOfFriends() {
        func bp(_ customs: CustomsMode, _ channel: Channel, _ circle: Bool = false) -> Int {
            CustomsPolicy.mismatchBP(customs: customs, channel: channel, circleOfFriends: circle)
        }
        #expect(bp(.bonded, .bondedDelivery) == 20)
        #expect(bp(.directMail, .express) == 100)
        #expect(bp(.directMail, .dedicatedLine) == 100)
        #expect(bp(.directMail, .postal) == 200)
        #expect(bp(.directMail, .epacket) == 200)
        #expect(bp(.directMail, .postal, true) == 600)
        #expect(bp(.overseasWarehouse, .overseasWarehouse) == 0)
        #expect(bp(.overseasWarehouse, .overseasWarehouse, true) == 0)
        #expect(bp(.b2bDirect, .seaFreight) == 0)
    }

    @Test func inspectionOddsByCategory() {
        func bp(_ category: Category, _ circle: Bool = false, _ customs: CustomsMode = .directMail) -> Int {
            CustomsPolicy.inspectionBP(customs: customs, category: category, circleOfFriends: circle)
        }
        for risky in [Category.cosmetics, .watches, .jewellery, .apparel] { #expect(bp(risky) == 400) }
        for other in [Category.supplements, .electronics, .kitchenware, .infantFormula] { #expect(bp(other) == 150) }
        #expect(bp(.cosmetics, true) == 500)   // 4% × 2 = 8%, capped at the 5% top of the 1–5% range
        #expect(bp(.electronics, true) == 300)
        #expect(bp(.cosmetics, false, .overseasWarehouse) == 0)
    }

    // MARK: Holds

    /// Hold on day H, released on day R: the parcel needs the rest of its transit T = due − ship, so it arrives on
    /// R + T (not on its original due day); the shop pays 30.00 CNY; the units leave held_at_customs.
    @Test func releasedMismatchHoldMovesTheDelivery() throws {
        var (world, hold) = try Self.mismatchHold()
        let shipment = world.shipments[hold.orderID - 1]
        let lotBefore = world.lots[hold.lotID - 1]
        #expect(lotBefore.heldAtCustoms >= hold.units)
        #expect(!world.deliveriesDue.joined().contains(hold.orderID), "a held parcel has no delivery scheduled")
        try world.apply(.advance(days: 3)) // the shop takes three days to notice
        #expect(world.customsBook.holds[hold.id - 1].status == .held)
        let cash = world.cash(.CNY), charges = world.ledger.balance(.customsCharges, .CNY)
        let held = world.lots[hold.lotID - 1].heldAtCustoms
        try world.apply(.releaseHold(id: hold.id))
        let released = world.customsBook.holds[hold.id - 1]
        let transit = shipment.dueDay - shipment.shipDay
        #expect(released.status == .released)
        #expect(released.endDay == world.day)
        #expect(released.arrivalDay == world.day + transit)
        #expect(released.charges == Money(minor: 3_000, .CNY))
        #expect(world.cash(.CNY) == cash - Money(minor: 3_000, .CNY))
        #expect(world.ledger.balance(.customsCharges, .CNY) == charges + Money(minor: 3_000, .CNY))
        #expect(world.lots[hold.lotID - 1].heldAtCustoms == held - hold.units)
        try world.apply(.advance(days: transit + 1))
        let order = world.orders[hold.orderID - 1]
        #expect(order.status == .delivered)
        #expect(order.deliveredDay == released.arrivalDay)
        #expect(order.deliveredDay! > shipment.dueDay, "the hold delayed it")
        #expect(world.lots.allSatisfy { $0.unitsBalance })
    }

    /// Not released: customs keeps it through day H+13 (the shop may still release it at the start of day H+14) and
    /// seizes it on day H+14. The units go held → returned and written off; the customer gets goods and tax back
    /// (CNY storefront, CNY home: no conversion); the landed cost moves from COGS to write-offs.
    @Test func unreleasedMismatchHoldIsSeizedAfterFourteenDays() throws {
        var (world, hold) = try Self.mismatchHold()
        #expect(hold.dueDay == hold.day + 14)
        try world.apply(.advance(days: hold.dueDay - world.day))
        #expect(world.customsBook.holds[hold.id - 1].status == .held, "the last day to release it")
        let lot = world.lots[hold.lotID - 1]
        try world.apply(.advance(days: 1))
        let seized = world.customsBook.holds[hold.id - 1]
        #expect(seized.status == .seized)
        #expect(seized.endDay == hold.day + 14)
        #expect(seized.arrivalDay == nil)
        let after = world.lots[hold.lotID - 1]
        #expect(after.writtenOff == lot.writtenOff + hold.units)
        #expect(after.returned == lot.returned + hold.units)
        #expect(world.lots.allSatisfy { $0.unitsBalance })
        let order = world.orders[hold.orderID - 1]
        #expect(order.deliveredDay == nil)
        let refund = world.ledger.lines.filter { $0.kind == .refund && Int($0.reference) == order.id }
        #expect(refund.allSatisfy { Int($0.day) == hold.dueDay })
        #expect(refund.first { $0.account == .salesReturns }?.debit == order.goods.minor)
        // The shop pays back the goods; the consumer's CBEC tax comes back from customs, not through the shop's cash.
        #expect(refund.first { $0.account == .cash }?.credit == order.goods.minor)
        #expect(refund.first { $0.account == .taxPayable } == nil)
        let writeOff = world.ledger.lines.filter { $0.kind == .seizedGoods && Int($0.reference) == hold.lotID && Int($0.day) == hold.dueDay }
        #expect(writeOff.first { $0.account == .writeOffs }?.debit == order.costHome.minor)
        #expect(writeOff.first { $0.account == .cogs }?.credit == order.costHome.minor)
        #expect(world.events.contains { $0.kind == "customs-seizure" && $0.day == hold.dueDay })
        #expect(throws: EngineError.holdNotHeld(hold.id, status: "seized")) { try world.apply(.releaseHold(id: hold.id)) }
        for currency in Currency.allCases { #expect(world.ledger.imbalance(currency) == 0) }
    }

    @Test func releaseRefusalsNameTheFixAndChangeNothing() throws {
        var (world, hold) = try Self.mismatchHold()
        try world.apply(.advance(days: 5))
        let lines = world.ledger.lines.count, holds = world.customsBook.holds, lots = world.lots
        for id in [0, -3, holds.count + 1] {
            #expect(throws: EngineError.unknownHold(id)) { try world.apply(.releaseHold(id: id)) }
        }
        let inspection = try #require(holds.first { $0.reason == .inspection })
        #expect(throws: EngineError.notMismatchHold(inspection.id, clearsDay: inspection.dueDay)) {
            try world.apply(.releaseHold(id: inspection.id))
        }
        #expect(world.ledger.lines.count == lines)
        #expect(world.customsBook.holds == holds)
        #expect(world.lots == lots)
        try world.apply(.releaseHold(id: hold.id))
        #expect(throws: EngineError.holdNotHeld(hold.id, status: "released")) { try world.apply(.releaseHold(id: hold.id)) }
        #expect(EngineError.unknownHold(99).description.contains("`borderlab customs list --all`"))
        #expect(EngineError.notMismatchHold(4, clearsDay: 12).description.contains("clears by itself (day 12)"))
        #expect(EngineError.holdNotHeld(4, status: "released").description.contains("`borderlab customs list`"))
    }

    // MARK: Loss

    /// 2 × 2,500 supplements by 9610 postal (loss 0.80%, mismatch 2.0%, inspection 1.5%) to 20,000 shoppers for 150 days.
    /// Every finished parcel is lost exactly when its draw says so, and the counts sit near the odds (wide bounds:
    /// about ±3.5 standard deviations).
    @Test func lossAndHoldRatesFollowTheOdds() throws {
        var actions: [Action] = []
        for sku in ["NZ-SUP-05", "US-SUP-02"] {
            actions.append(.buy(sku: sku, quantity: 2_500, channel: .postal, customs: .directMail, warehouse: nil))
            actions.append(.list(sku: sku, price: CustomsFixtures.product(sku).typicalRetail))
        }
        let world = try WorldFixtures.run(seed: 1, .cnImport, customers: 30_000, actions + [.advance(days: 150)])
        let finished = world.orders.filter { $0.status != .shipped }
        let lost = finished.filter { $0.status == .lost }
        let expected = Double(finished.count) * 0.008
        #expect(finished.count > 2_000)
        #expect(Double(lost.count) > expected * 0.5 && Double(lost.count) < expected * 1.6, "\(lost.count) lost, \(expected) expected")
        #expect(finished.filter { ($0.status == .lost) != Self.drawnLost(world, $0.id) }.count == 0)
        for order in lost {
            #expect(world.shipments[order.id - 1].lost)
            #expect(order.deliveredDay == nil)
            let refund = world.ledger.lines.filter { $0.kind == .refund && Int($0.reference) == order.id && $0.account == .cash }
            #expect(refund.map(\.credit) == [order.goods.minor])
            let ask = order.day + order.promisedDays + 1
            #expect(world.customsBook.due.indices.contains(ask) && world.customsBook.due[ask].contains(.lostParcelTicket(order: order.id)))
        }
        #expect(world.lots.reduce(0) { $0 + $1.lost } == lost.reduce(0) { $0 + $1.quantity })
        let holds = world.customsBook.holds
        let mismatches = holds.filter { $0.reason == .mismatch }.count
        let inspections = holds.filter { $0.reason == .inspection }.count
        let mismatchExpected = Double(world.orders.count) * 0.02
        let inspectionExpected = Double(world.orders.count - mismatches) * 0.015
        #expect(Double(mismatches) > mismatchExpected * 0.6 && Double(mismatches) < mismatchExpected * 1.4, "\(mismatches) vs \(mismatchExpected)")
        #expect(Double(inspections) > inspectionExpected * 0.6 && Double(inspections) < inspectionExpected * 1.4, "\(inspections) vs \(inspectionExpected)")
        #expect(world.lots.allSatisfy { $0.unitsBalance })
    }

    // MARK: Long runs

    /// 120 days of a stocked world: holds of both kinds happen, storage is charged, and the books and units hold.
    @Test(arguments: [Scenario.cnImport, .globalExport])
    func booksAndUnitsHoldAfter120Days(scenario: Scenario) throws {
        let actions = CustomsFixtures.opening(scenario) + [.advance(days: 60), .advance(days: 60)]
        let world = try WorldFixtures.run(seed: 11, scenario, customers: 2_000, actions)
        let holds = world.customsBook.holds
        #expect(!holds.isEmpty)
        #expect(!world.customsBook.storageFees.isEmpty)
        for currency in Currency.allCases { #expect(world.ledger.imbalance(currency) == 0, "\(currency)") }
        #expect(world.lots.allSatisfy { $0.unitsBalance })
        for lot in world.lots {
            let held = holds.filter { $0.lotID == lot.id && $0.status == .held }.reduce(0) { $0 + $1.units }
            #expect(lot.heldAtCustoms == held, "lot \(lot.id)")
        }
        for hold in holds {
            let order = world.orders[hold.orderID - 1]
            switch hold.status {
            case .held, .seized:
                #expect(order.deliveredDay == nil, "hold \(hold.id)")
            case .released, .cleared:
                let arrival = try #require(hold.arrivalDay)
                if arrival < world.day {
                    #expect(order.deliveredDay == arrival || order.status == .lost, "hold \(hold.id)")
                }
            }
        }
        #expect(world.ledger.balance(.customsCharges, .CNY).minor == holds.reduce(0) { $0 + $1.charges.minor })
        if scenario.isImport {
            #expect(holds.contains { $0.reason == .inspection } && holds.contains { $0.reason == .mismatch })
        }
        // Determinism: the same seed and actions give the same holds, fees and books.
        let again = try WorldFixtures.run(seed: 11, scenario, customers: 2_000, actions)
        #expect(again.customsBook.holds == holds)
        #expect(again.customsBook.storageFees == world.customsBook.storageFees)
        #expect(again.ledger.lines == world.ledger.lines)
        #expect(again.orders == world.orders)
    }

    /// A daigou shop buys on demand and mails each order 9610 by dedicated line: 1.0% mismatches. Selling to a circle
    /// of friends, parcels are declared as gifts: 6%. (Bounds about ±4 standard deviations at these order counts.)
    @Test func circleOfFriendsRaisesMismatches() throws {
        func run(circle: Bool) throws -> World {
            var world = try World(header: WorldHeader(seed: 4, scenario: .cnImport, mode: "daigou", customers: 20_000)).mature()
            for action: Action in [
                .set(key: "daigou.circle_of_friends", value: circle ? "on" : "off"),
                .list(sku: "NZ-SUP-05", price: CustomsFixtures.product("NZ-SUP-05").typicalRetail),
                .list(sku: "US-SUP-02", price: CustomsFixtures.product("US-SUP-02").typicalRetail),
                .advance(days: 90),
            ] { try world.apply(action) }
            return world
        }
        func share(_ world: World) -> Double {
            Double(world.customsBook.holds.filter { $0.reason == .mismatch }.count) / Double(world.orders.count)
        }
        let normal = try run(circle: false), circle = try run(circle: true)
        #expect(normal.orders.count > 1_500 && circle.orders.count > 1_500)
        #expect(share(normal) > 0.003 && share(normal) < 0.02, "\(share(normal))")
        #expect(share(circle) > 0.04 && share(circle) < 0.08, "\(share(circle))")
        for world in [normal, circle] {
            for currency in Currency.allCases { #expect(world.ledger.imbalance(currency) == 0) }
            #expect(world.lots.allSatisfy { $0.unitsBalance })
        }
        // A lost or seized daigou parcel refunds what the shopper paid the shop, the service fee included (the tax comes
        // back from customs).
        let refunded = circle.orders.filter { order in
            order.status == .lost || circle.customsBook.holds.contains { $0.orderID == order.id && $0.status == .seized }
        }
        #expect(!refunded.isEmpty)
        for order in refunded {
            let cash = circle.ledger.lines.filter { $0.kind == .refund && Int($0.reference) == order.id && $0.account == .cash }
            // A customer who disputed the payment first (an ignored customs-hold ticket) got the money back that way.
            if circle.riskBook.chargebacks.contains(where: { $0.orderID == order.id }) {
                #expect(cash.isEmpty, "order \(order.id): charged back and refunded")
                continue
            }
            let payment = circle.payments[order.id - 1]
            #expect(cash.map(\.credit) == [payment.amount.minor - payment.tax.minor])
            let fee = circle.ledger.lines.filter { $0.kind == .refund && Int($0.reference) == order.id && $0.account == .feeRevenue }
            #expect(fee.map(\.debit) == [payment.amount.minor - payment.tax.minor - order.goods.minor])
        }
    }
}
