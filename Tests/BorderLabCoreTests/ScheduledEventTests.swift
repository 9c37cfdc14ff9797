@testable import BorderLabCore
import Foundation
import Testing

/// Instructor events from a scenario file, each against the same world without it.
@Suite struct ScheduledEventTests {
    static let start = Scenario.cnImport.defaultStartDate

    static func world(_ events: [ScheduledEvent], scenario: Scenario = .cnImport, customers: Int = 600) throws -> World {
        try World(header: WorldHeader(seed: 9, scenario: scenario, customers: customers, events: events)).mature()
    }

    /// −10% on USD on day 5: that day's mid rate is the unshocked one less a tenth (integer micro-CNY, truncated);
    /// the days before are untouched.
    @Test func anFXShockMovesTheRateOnItsDay() throws {
        var plain = try Self.world([])
        var shocked = try Self.world([ScheduledEvent(date: Self.start.adding(days: 5), kind: .fxShock, currency: .USD, percent: -10)])
        try plain.apply(.advance(days: 6))
        try shocked.apply(.advance(days: 6))
        for d in 0..<5 { #expect(plain.fxHistory[d] == shocked.fxHistory[d]) }
        let before = plain.fxHistory[5].mid(.USD)
        #expect(shocked.fxHistory[5].mid(.USD) == before - before / 10)
        #expect(shocked.events.contains { $0.kind == "fx-shock" && $0.day == 5 })
    }

    /// A strike at Chinese ports from day 0 for 20 days: a bonded purchase due to arrive inside the window waits for day 20.
    @Test func aPortStrikeHoldsGoodsUntilItEnds() throws {
        let buy = Action.buy(sku: "JP-COS-01", quantity: 100, channel: .airFreight, customs: .bonded, warehouse: nil)
        var plain = try Self.world([])
        var struck = try Self.world([ScheduledEvent(date: Self.start, kind: .portStrike, country: "CN", days: 20)])
        try plain.apply(buy)
        try struck.apply(buy)
        let due = plain.purchaseOrders[0].arrivalDay
        #expect(due < 20)
        try plain.apply(.advance(days: 25))
        try struck.apply(.advance(days: 25))
        #expect(plain.events.contains { $0.kind == "stock-arrived" && $0.day == due })
        #expect(struck.events.contains { $0.kind == "stock-arrived" && $0.day == 20 })
        #expect(!struck.events.contains { $0.kind == "stock-arrived" && $0.day < 20 })
    }

    /// A supplier fails before dispatching: its purchase order is cancelled and the full landed cost comes back.
    @Test func aSupplierFailureCancelsAndRefundsUndispatchedOrders() throws {
        var world = try Self.world([ScheduledEvent(date: Self.start.adding(days: 1), kind: .supplierFailure, days: 30, supplier: "jp-kyoto-beauty")])
        let cash = world.cash(.CNY)
        try world.apply(.buy(sku: "JP-COS-01", quantity: 100, channel: .airFreight, customs: .bonded, warehouse: nil))
        #expect(world.purchaseOrders[0].dispatchDay > 1)
        try world.apply(.advance(days: 2))
        #expect(world.purchaseOrders[0].status == .cancelled)
        // Everything comes back; only the marketplace's annual fee (day 0, a self-operated B2C shop) has left.
        #expect(world.cash(.CNY) == cash - World.marketplaceAnnualFee(isImport: true))
        #expect(world.lots[0].purchased == 0 && world.lots[0].inTransit == 0 && world.lots[0].unitsBalance)
        #expect(throws: EngineError.supplierUnavailable(supplier: "jp-kyoto-beauty", untilDay: 31)) {
            try world.apply(.buy(sku: "JP-COS-01", quantity: 100, channel: .airFreight, customs: .bonded, warehouse: nil))
        }
        #expect(world.ledger.balance(.inventory, .CNY).minor == 0)
    }

    /// A 25% policy duty for US shoppers: the checkout tax of a 20.00 USD item rises by 25% of the goods (5.00 USD).
    @Test func aPolicyChangeAddsDutyAtCheckout() throws {
        var plain = try Self.world([], scenario: .globalExport)
        var policy = try Self.world([ScheduledEvent(date: Scenario.globalExport.defaultStartDate, kind: .policyChange, percent: 25, country: "US", days: 10)],
                                    scenario: .globalExport)
        for i in [0, 1] {
            var w = i == 0 ? plain : policy
            try w.apply(.list(sku: "CN-ELE-01", price: Money(major: 20, .USD)))
            try w.apply(.advance(days: 1))
            if i == 0 { plain = w } else { policy = w }
        }
        let product = plain.product("CN-ELE-01")!
        let a = try #require(plain.checkoutTerms(product: product, country: "US", customs: .directMail, location: "warehouse:CN", quantity: 1, customerYearToDate: 0))
        let b = try #require(policy.checkoutTerms(product: product, country: "US", customs: .directMail, location: "warehouse:CN", quantity: 1, customerYearToDate: 0))
        #expect(b.tax - a.tax == Money(minor: 500, .USD))
        try policy.apply(.advance(days: 10))
        let c = try #require(policy.checkoutTerms(product: product, country: "US", customs: .directMail, location: "warehouse:CN", quantity: 1, customerYearToDate: 0))
        #expect(c.tax == a.tax, "the policy ends after its 10 days")
    }

    /// A viral 1-star review drives shoppers away from the product while it lasts.
    @Test func aViralReviewMovesDemand() throws {
        var plain = try Self.world([], customers: 3_000)
        var viral = try Self.world([ScheduledEvent(date: Self.start, kind: .viralReview, days: 30, sku: "JP-COS-01", stars: 1)], customers: 3_000)
        for i in [0, 1] {
            var w = i == 0 ? plain : viral
            w.contributeStock(sku: "JP-COS-01", units: 5_000, unitCost: Money(major: 60, .CNY))
            try w.apply(.list(sku: "JP-COS-01", price: Money(major: 198, .CNY)))
            try w.apply(.advance(days: 30))
            if i == 0 { plain = w } else { viral = w }
        }
        #expect(viral.orders.count < plain.orders.count * 2 / 3, "\(viral.orders.count) vs \(plain.orders.count)")
    }

    @Test func badEventsAreRefusedWithTheirNumber() {
        let bad = ScheduledEvent(date: Self.start, kind: .fxShock, currency: .CNY, percent: 5)
        #expect(throws: EngineError.badEvent(index: 1, problem: "fx-shock needs a currency other than CNY (USD, EUR, JPY, GBP, AUD)")) {
            try Self.world([ScheduledEvent(date: Self.start, kind: .viralReview, sku: "JP-COS-01", stars: 5), bad])
        }
        #expect(throws: EngineError.self) {
            try Self.world([ScheduledEvent(date: Self.start, kind: .supplierFailure, supplier: "nobody")])
        }
    }

    @Test func eventsTravelInTheLogHeaderAndOnlyWhenThereAreAny() throws {
        let plain = WorldHeader(seed: 1, scenario: .cnImport)
        let json = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        #expect(!json.contains("events"), "old logs keep their exact header line")
        let withEvents = WorldHeader(seed: 1, scenario: .cnImport,
                                     events: [ScheduledEvent(date: Self.start, kind: .portStrike, country: "ALL", days: 3, note: "dock strike")])
        let decoded = try JSONDecoder().decode(WorldHeader.self, from: JSONEncoder().encode(withEvents))
        #expect(decoded == withEvents)
    }
}
