@testable import BorderLabCore
import Testing

/// Where two mechanics meet the same order: it is refunded once, whichever comes first.
@Suite struct CrossMechanicTests {
    /// A customer whose parcel customs holds is refunded through the ticket; the hold is never released, so customs
    /// seizes the parcel 14 days later. The customer got goods and tax back once, not twice.
    @Test func aTicketRefundThenASeizureRefundsOnce() throws {
        // The first day of the first seed with a held mismatch whose customs-hold ticket is still open.
        var found: (World, CustomsHold, Ticket)?
        search: for seed: UInt64 in 1...20 {
            var w = try WorldFixtures.run(seed: seed, .cnImport, customers: 3_000, CustomsFixtures.cnImport)
            for _ in 0..<40 {
                try w.apply(.advance(days: 1))
                for hold in w.customsBook.holds where hold.reason == .mismatch && hold.status == .held {
                    if let t = w.serviceBook.tickets.first(where: { $0.orderID == hold.orderID && $0.status == .open }) {
                        found = (w, hold, t)
                        break search
                    }
                }
            }
        }
        guard let (start, hold, ticket) = found else { Issue.record("no mismatch hold in 20 seeds"); return }
        var world = start
        try world.apply(.replyTicket(id: ticket.id, action: .refund))
        try world.apply(.advance(days: 16))
        #expect(world.customsBook.holds[hold.id - 1].status == .seized)
        let refunds = world.ledger.lines.filter { $0.account == .salesReturns && $0.reference == Int32(hold.orderID) }
        let order = world.orders[hold.orderID - 1]
        #expect(refunds.count == 1)
        let refunded = refunds.reduce(Int64(0)) { $0 + $1.debit }
        #expect(refunded == order.goods.minor)
        let final = world
        for currency in Currency.allCases { #expect(final.ledger.imbalance(currency) == 0) }
        #expect(final.lots.allSatisfy { $0.unitsBalance })
    }

    /// A lost parcel is refunded by customs on the day it should have arrived; the customer's later
    /// where-is-my-parcel ticket answered with a refund does not pay again.
    @Test func aLostParcelIsNotRefundedAgainThroughItsTicket() throws {
        var world = try WorldFixtures.run(seed: 1, .cnImport, customers: 3_000, CustomsFixtures.cnImport)
        var pair: (Order, Ticket)?
        for _ in 0..<120 where pair == nil {
            try world.apply(.advance(days: 1))
            for order in world.orders where order.status == .lost {
                if let t = world.serviceBook.tickets.first(where: { $0.orderID == order.id && $0.status == .open }) { pair = (order, t) }
            }
        }
        let (order, ticket) = try #require(pair, "a lost parcel's ticket opens within 120 days")
        let before = world.ledger.balance(.salesReturns, .CNY)
        try world.apply(.replyTicket(id: ticket.id, action: .refund))
        #expect(world.ledger.balance(.salesReturns, .CNY) == before, "order \(order.id) was refunded when it was found lost")
    }

    /// Once a lost parcel has been refunded, its where-is-my-parcel ticket wants an explanation: paying or shipping again
    /// is generosity, not the right answer (it used to grade a resend of a refunded parcel as right).
    @Test func aRefundedCustomerWantsAnExplanation() {
        #expect(World.grade(.explain, kind: .whereIsMyParcel, parcelLost: true, parcelHeld: false, refunded: true) == .right)
        #expect(World.grade(.resend, kind: .whereIsMyParcel, parcelLost: true, parcelHeld: false, refunded: true) == .generous)
        #expect(World.grade(.refund, kind: .customsHold, parcelLost: false, parcelHeld: false, refunded: true) == .generous)
        #expect(World.grade(.escalate, kind: .damaged, parcelLost: false, parcelHeld: false, refunded: true) == .wrong)
        // Without the refund, a lost parcel still needs one.
        #expect(World.grade(.explain, kind: .whereIsMyParcel, parcelLost: true, parcelHeld: false) == .wrong)
    }
}
