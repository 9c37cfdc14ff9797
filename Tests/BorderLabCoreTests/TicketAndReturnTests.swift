@testable import BorderLabCore
import Testing

/// Tickets with SLA clocks and the shop's replies; returns by category over a stocked run.
@Suite struct TicketAndReturnTests {
    /// The cn-import fixture's opening and `days` days: a stocked shop with orders, deliveries and returns.
    static func stockedRun(days: Int, seed: UInt64 = 17, customers: Int = 600) throws -> World {
        try WorldFixtures.run(seed: seed, .cnImport, customers: customers, WorldFixtures.cnImportOpening + [.advance(days: days)])
    }

    /// A delivered order whose lot still has stock for a resend, with no ticket of any kind yet.
    static func quietOrder(_ world: World) throws -> Order {
        try #require(world.orders.first { order in
            order.status == .delivered && world.lots[order.lotID - 1].onHand >= order.quantity
                && !world.serviceBook.tickets.contains { $0.orderID == order.id }
                && !world.serviceBook.returns.contains { $0.orderID == order.id }
        })
    }

    static func open(_ world: inout World, _ order: Order, _ kind: TicketKind) -> Int {
        world.openTicket(order: order.id, kind: kind.rawValue)
        return world.serviceBook.tickets.count
    }

    // MARK: The answer table

    @Test func answerTableGradesReplies() {
        let cases: [(TicketKind, TicketAction, lost: Bool, held: Bool, World.AnswerGrade)] = [
            (.whereIsMyParcel, .explain, false, false, .right), (.whereIsMyParcel, .explain, true, false, .wrong),
            (.whereIsMyParcel, .resend, true, false, .right), (.whereIsMyParcel, .refund, true, false, .right),
            (.whereIsMyParcel, .refund, false, false, .generous), (.whereIsMyParcel, .escalate, false, false, .wrong),
            (.damaged, .resend, false, false, .right), (.damaged, .refund, false, false, .right),
            (.damaged, .explain, false, false, .wrong), (.damaged, .escalate, false, false, .wrong),
            (.counterfeit, .refund, false, false, .right), (.counterfeit, .escalate, false, false, .right),
            (.counterfeit, .resend, false, false, .wrong), (.counterfeit, .explain, false, false, .wrong),
            (.taxQuestion, .explain, false, false, .right), (.taxQuestion, .escalate, false, false, .wrong),
            (.taxQuestion, .refund, false, false, .generous), (.taxQuestion, .resend, false, false, .wrong),
            (.customsHold, .resend, false, true, .generous), (.customsHold, .resend, false, false, .wrong),
            (.customsHold, .explain, false, false, .right), (.customsHold, .explain, false, true, .wrong),
            (.customsHold, .escalate, false, false, .wrong),
        ]
        for c in cases {
            #expect(World.grade(c.1, kind: c.0, parcelLost: c.lost, parcelHeld: c.held) == c.4, "\(c.0) \(c.1) lost \(c.lost) held \(c.held)")
        }
        #expect(TicketKind(name: "lost-parcel") == .whereIsMyParcel && TicketKind(name: "customs-hold") == .customsHold)
    }

    // MARK: Replies

    /// Refund of a damaged parcel in cn-import (CNY storefront, CNY home): cash goes down by exactly the goods, sales
    /// returns up by the goods; the CBEC tax goes back to the consumer (the taxpayer) from customs, so tax payable does
    /// not move; the ticket closes with a right answer.
    @Test func refundClosesTheTicketAndPaysTheGoods() throws {
        var world = try Self.stockedRun(days: 30)
        let order = try Self.quietOrder(world)
        let id = Self.open(&world, order, .damaged)
        let cash = world.cash(.CNY), returns = world.ledger.balance(.salesReturns, .CNY), tax = world.ledger.balance(.taxPayable, .CNY)
        try world.apply(.replyTicket(id: id, action: .refund))
        #expect(world.cash(.CNY) == cash - order.goods)
        #expect(world.ledger.balance(.salesReturns, .CNY) == returns + order.goods)
        #expect(world.ledger.balance(.taxPayable, .CNY) == tax)
        let t = world.serviceBook.tickets[id - 1]
        #expect(t.status == .closed && t.closedDay == world.day && t.rightAnswer == true && !t.penalised)
        #expect(throws: EngineError.ticketNotOpen(id: id, status: "closed")) { try world.apply(.replyTicket(id: id, action: .refund)) }
        #expect(throws: EngineError.unknownTicket(99_999)) { try world.apply(.replyTicket(id: 99_999, action: .explain)) }
        #expect(world.cash(.CNY) == cash - order.goods, "refused replies change nothing")
    }

    /// Resend: the lot ships the order's units again (onHand −q, sold +q) at landed cost plus the carrier's charge, both to
    /// service_costs; the parcel arrives after the channel's transit.
    @Test func resendShipsFromTheSameLotAtTheShopsCost() throws {
        var world = try Self.stockedRun(days: 30)
        let order = try Self.quietOrder(world)
        let lot = order.lotID - 1
        let before = world.lots[lot]
        let service = world.ledger.balance(.serviceCosts, .CNY)
        let id = Self.open(&world, order, .damaged)
        try world.apply(.replyTicket(id: id, action: .resend))
        let resend = try #require(world.serviceBook.resends.last)
        let unitCost = divideHalfUp(Int128(before.costOnHand) * Int128(order.quantity), Int128(before.onHand))
        let freight = before.outbound.cost(chargeableGrams: world.product(order.sku)!.chargeableGrams * order.quantity)
        #expect(world.lots[lot].onHand == before.onHand - order.quantity && world.lots[lot].sold == before.sold + order.quantity)
        #expect(resend.costHome == unitCost + freight.minor)
        #expect(world.ledger.balance(.serviceCosts, .CNY) == service + Money(minor: unitCost, .CNY) + freight)
        #expect(world.serviceBook.tickets[id - 1].rightAnswer == true)
        try world.apply(.advance(days: resend.dueDay - world.day + 1))
        #expect(world.serviceBook.resends.last?.deliveredDay == resend.dueDay)
        #expect(world.lots.allSatisfy { $0.unitsBalance })
    }

    /// With the lot's shelf emptied (written off), a resend is refused and the ticket stays open.
    @Test func resendWithoutStockIsRefused() throws {
        var world = try Self.stockedRun(days: 30)
        let order = try Self.quietOrder(world)
        let id = Self.open(&world, order, .damaged)
        world.writeOffOnHand(lot: order.lotID - 1, units: world.lots[order.lotID - 1].onHand)
        let lines = world.ledger.lines.count
        #expect(throws: EngineError.nothingToResend(ticket: id, sku: order.sku, needed: order.quantity, onHand: 0)) {
            try world.apply(.replyTicket(id: id, action: .resend))
        }
        #expect(world.serviceBook.tickets[id - 1].status == .open && world.ledger.lines.count == lines)
    }

    /// Explaining a damaged parcel is wrong: the customer reacts once, and the ticket still closes.
    @Test func wrongAnswerUpsetsTheCustomerOnce() throws {
        var world = try Self.stockedRun(days: 30)
        let order = try Self.quietOrder(world)
        let id = Self.open(&world, order, .damaged)
        try world.apply(.replyTicket(id: id, action: .explain))
        let t = world.serviceBook.tickets[id - 1]
        #expect(t.rightAnswer == false && t.penalised && t.status == .closed)
        if t.consequence?.contains("bad-review") == true {
            let review = try #require(world.reviews.last { $0.orderID == order.id })
            #expect(review.stars <= 2)
        }
    }

    /// Opened on day d: the reply SLA runs out at the end of d + 1, resolution at the end of d + 3; unanswered, the ticket
    /// expires on day d + 14.
    @Test func slaClocksBreachAndExpire() throws {
        var world = try Self.stockedRun(days: 30)
        let order = try Self.quietOrder(world)
        let id = Self.open(&world, order, .taxQuestion)
        let d = world.day
        try world.apply(.advance(days: 2)) // serviceDay of d + 1: still within
        #expect(!world.serviceBook.tickets[id - 1].replyBreached)
        try world.apply(.advance(days: 1)) // serviceDay of d + 2 > d + 1
        #expect(world.serviceBook.tickets[id - 1].replyBreached && world.serviceBook.tickets[id - 1].penalised)
        #expect(!world.serviceBook.tickets[id - 1].resolveBreached)
        try world.apply(.advance(days: 2)) // serviceDay of d + 4 > d + 3
        #expect(world.serviceBook.tickets[id - 1].resolveBreached)
        try world.apply(.advance(days: 10)) // serviceDay of d + 14
        #expect(world.serviceBook.tickets[id - 1].status == .expired && world.serviceBook.tickets[id - 1].closedDay == d + 14)
        #expect(throws: EngineError.ticketNotOpen(id: id, status: "expired")) { try world.apply(.replyTicket(id: id, action: .explain)) }
    }

    /// Escalated on its opening day, a counterfeit ticket is closed by the platform 2 days later, within the 3-day SLA.
    @Test func escalationClosesAfterThePlatformDecides() throws {
        var world = try Self.stockedRun(days: 30)
        let order = try Self.quietOrder(world)
        let id = Self.open(&world, order, .counterfeit)
        let d = world.day
        _ = Self.open(&world, order, .counterfeit)
        #expect(world.serviceBook.tickets.count == id, "the same complaint is not filed twice while open")
        try world.apply(.replyTicket(id: id, action: .escalate))
        #expect(world.serviceBook.tickets[id - 1].status == .escalated)
        #expect(throws: EngineError.ticketNotOpen(id: id, status: "escalated")) { try world.apply(.replyTicket(id: id, action: .refund)) }
        try world.apply(.advance(days: 3))
        let t = world.serviceBook.tickets[id - 1]
        #expect(t.status == .closed && t.closedDay == d + 2 && !t.resolveBreached && t.rightAnswer == true)
    }

    // MARK: Returns

    /// DOMAIN.md rates: apparel 30% (in 25–40%), electronics 10%, kitchenware 12%, cosmetics 5%; holiday orders × 1.17,
    /// so a holiday apparel order returns at 3,000 × 1.17 = 3,510 bp.
    @Test func returnRatesFollowDomainFigures() {
        #expect(World.returnBP(.apparel) == 3_000 && World.returnBP(.electronics) == 1_000)
        #expect(World.returnBP(.kitchenware) == 1_200 && World.returnBP(.cosmetics) == 500)
        #expect(Double(World.returnBP(.apparel)) * World.holidayReturnFactor == 3_510)
        #expect(World.defectiveReturnBP > World.returnBP(.apparel) && World.counterfeitReturnBP > World.returnBP(.apparel))
    }

    /// A 120-day stocked cn-import run: returns happen, each order returns at most once and each received return is
    /// counted once in its lot; refunds, return shipping and the cost moves match the records; the books balance.
    @Test func stockedRunWithReturnsBalancesAndCountsReturnsOnce() throws {
        let world = try Self.stockedRun(days: 120)
        let returns = world.serviceBook.returns
        #expect(returns.count >= 5, "returns: \(returns.count) of \(world.orders.count) orders")
        #expect(Set(returns.map(\.orderID)).count == returns.count)
        for (index, lot) in world.lots.enumerated() {
            // Returned units: customers' returns received, plus parcels customs seized (sent back to the shop's account).
            let back = returns.filter { $0.lotID == index + 1 && $0.received }.reduce(0) { $0 + $1.quantity }
            let seized = world.customsBook.holds.filter { $0.lotID == index + 1 && $0.status == .seized }.reduce(0) { $0 + $1.units }
            #expect(lot.returned == back + seized, "lot \(lot.id)")
        }
        #expect(returns.allSatisfy { $0.dueDay - $0.decidedDay >= 7 && $0.dueDay - $0.decidedDay <= 30 })
        #expect(returns.allSatisfy { world.orders[$0.orderID - 1].deliveredDay == $0.decidedDay })
        #expect(returns.contains { $0.received && $0.resaleable } && returns.contains { !$0.received })
        // Refunds in CNY (the cn-import storefront): each received return paid goods + tax once.
        let received = returns.filter(\.received)
        for r in received {
            let order = world.orders[r.orderID - 1]
            #expect(r.refundHome == order.goods.minor, "goods only: customs gives the tax back to the consumer")
            #expect(r.shippingHome == world.shipments[r.orderID - 1].cost.minor)
        }
        // No tickets were answered: the refunds are the returns, and the parcels lost in transit or seized by customs.
        var refunded = received.reduce(Int64(0)) { $0 + world.orders[$1.orderID - 1].goods.minor }
        refunded += world.orders.filter { $0.status == .lost }.reduce(Int64(0)) { $0 + $1.goods.minor }
        refunded += world.customsBook.holds.filter { $0.status == .seized }.reduce(Int64(0)) { $0 + world.orders[$1.orderID - 1].goods.minor }
        #expect(world.ledger.balance(.salesReturns, .CNY).minor == refunded)
        // Cost back: resaleable returns moved their cost from cogs to inventory, the rest from cogs to write_offs.
        let backCost = received.filter(\.resaleable).reduce(Int64(0)) { $0 + world.orders[$1.orderID - 1].costHome.minor }
        let reversals = world.ledger.lines.filter { $0.kind == .refund && $0.account == .inventory }.reduce(Int64(0)) { $0 + $1.debit }
        #expect(reversals == backCost)
        for currency in Currency.allCases { #expect(world.ledger.imbalance(currency) == 0) }
        #expect(world.lots.allSatisfy { $0.unitsBalance })
        // Customers complained too: tickets opened by themselves (damaged, tax questions, late parcels).
        #expect(!world.serviceBook.tickets.isEmpty)
    }

    @Test func stockedRunIsDeterministic() throws {
        let a = try Self.stockedRun(days: 120), b = try Self.stockedRun(days: 120)
        #expect(a.serviceBook.returns == b.serviceBook.returns)
        #expect(a.serviceBook.tickets == b.serviceBook.tickets)
        #expect(a.reviews == b.reviews)
        #expect(a.ledger.lines == b.ledger.lines)
        #expect(a.lots == b.lots)
        let c = try Self.stockedRun(days: 120, seed: 18)
        #expect(c.serviceBook.returns != a.serviceBook.returns, "another seed, other returns")
    }
}
