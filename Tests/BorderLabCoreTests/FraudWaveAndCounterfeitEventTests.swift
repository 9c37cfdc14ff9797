@testable import BorderLabCore
import Foundation
import Testing

/// The two events that let an instructor stage a payment-risk or a quality crisis, each against the same world
/// without it.
@Suite struct FraudWaveAndCounterfeitEventTests {
    static func exportShop(_ events: [ScheduledEvent]) throws -> World {
        var world = try World(header: WorldHeader(seed: 7, scenario: .globalExport, startDate: SimDate(iso: "2026-03-01"),
                                                  customers: 6_000, events: events)).mature()
        for action in world.demoShopActions() { try world.apply(action) }
        for listing in world.listings { world.contributeStock(sku: listing.sku, units: 20_000, unitCost: Money(major: 20, .CNY)) }
        return world
    }

    /// percent 1000 makes eleven times as many fraud bots (3,000 → 33,000 per million card checkouts) for 30 days:
    /// the fraud payments of those days multiply, and the event is in the events table.
    @Test func aFraudWaveMultipliesFraudBotsWhileItLasts() throws {
        let start = SimDate(iso: "2026-03-01")!
        var plain = try Self.exportShop([])
        var wave = try Self.exportShop([ScheduledEvent(date: start, kind: .fraudWave, percent: 1_000, days: 30)])
        try plain.apply(.advance(days: 30))
        try wave.apply(.advance(days: 30))
        let before = plain.payments.filter(\.fraud).count
        let during = wave.payments.filter(\.fraud).count
        #expect(during >= 10)
        #expect(during >= 4 * max(before, 1), "fraud payments \(before) without the wave, \(during) with it")
        #expect(wave.events.contains { $0.kind == "fraud-wave" && $0.day == 0 })
        // Genuine shoppers are the same people either way: the wave adds fraud, it does not take custom away.
        #expect(wave.payments.filter { !$0.fraud }.count >= plain.payments.filter { !$0.fraud }.count * 8 / 10)
    }

    /// A bonded batch of 100 JP-COS-01 arrives and waits unlisted; a counterfeit-batch event of 40% on day 25 makes
    /// exactly 40 of the 100 units on hand counterfeit (100 × 40 / 100), and the event says so.
    @Test func aCounterfeitBatchTaintsTheStockOnHand() throws {
        let start = Scenario.cnImport.defaultStartDate
        func shop(_ events: [ScheduledEvent]) throws -> World {
            var world = try World(header: WorldHeader(seed: 9, scenario: .cnImport, customers: 600, events: events)).mature()
            try world.apply(.buy(sku: "JP-COS-01", quantity: 100, channel: .airFreight, customs: .bonded, warehouse: nil))
            return world
        }
        var plain = try shop([])
        var tainted = try shop([ScheduledEvent(date: start.adding(days: 25), kind: .counterfeitBatch, percent: 40, sku: "JP-COS-01")])
        try plain.apply(.advance(days: 26))
        try tainted.apply(.advance(days: 26))
        #expect(tainted.lots[0].onHand == 100)
        let plainFakes = plain.serviceBook.counterfeitUnits[0]
        #expect(tainted.serviceBook.counterfeitUnits[0] == min(100, plainFakes + 40))
        #expect(tainted.events.contains { $0.kind == "counterfeit-batch" && $0.day == 25 && $0.detail.hasPrefix("40 units of JP-COS-01") })
    }

    /// Both events are checked like every other: out-of-range percent and an unknown SKU are refused with the fix.
    @Test func badFieldsAreRefused() {
        let date = Scenario.cnImport.defaultStartDate
        let catalogue = Catalogue.standard
        let wave = ScheduledEvent(date: date, kind: .fraudWave, percent: 10)
        #expect(wave.problem(catalogue: catalogue, scenario: .cnImport)?.field == "percent")
        let fake = ScheduledEvent(date: date, kind: .counterfeitBatch, percent: 50, sku: "NO-SUCH-1")
        #expect(fake.problem(catalogue: catalogue, scenario: .cnImport)?.message.contains("borderlab market offers") == true)
        let whole = ScheduledEvent(date: date, kind: .counterfeitBatch, percent: 101, sku: "JP-COS-01")
        #expect(whole.problem(catalogue: catalogue, scenario: .cnImport)?.field == "percent")
    }
}
