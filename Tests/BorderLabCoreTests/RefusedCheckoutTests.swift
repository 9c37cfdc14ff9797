@testable import BorderLabCore
import Testing

/// A checkout China's CBEC limits refuse is a row of `refusedCheckouts`, never an order (issue 8, §3).
@Suite struct RefusedCheckoutTests {
    @Test func twoUnitsOverTheTransactionLimitAreRefusedNotSoldAsOne() throws {
        // The standard limit: one unit at 2,600 CNY is within the 5,000 CNY per-transaction limit; two are not.
        var standard = try World(header: WorldHeader(seed: 3, scenario: .cnImport, customers: 300))
        let jewel = try #require(standard.product("DE-JEW-03"))
        try #require(jewel.positiveList)
        try standard.apply(.list(sku: jewel.id, price: Money(major: 2_600, .CNY)))
        #expect(standard.cbecRefusal(product: jewel, quantity: 1, customerYearToDate: 0) == nil)
        #expect(standard.cbecRefusal(product: jewel, quantity: 2, customerYearToDate: 0)
                == .multiItemOverTransactionLimit(dutiableValue: Money(major: 5_200, .CNY), limit: Money(major: 5_000, .CNY)))

        // In the calibrated world hardly a shopper's monthly budget covers two units over 5,000 CNY, so the checkouts are
        // exercised under an instructor's lower per-transaction limit (a cbec-limits event, 1,000 CNY): one unit at
        // 600 CNY, at the going price, clears; two do not. A mature shop's traffic brings enough shoppers.
        var header = WorldHeader(seed: 3, scenario: .cnImport, customers: 5_000)
        header.events = [ScheduledEvent(date: Scenario.cnImport.defaultStartDate, kind: .cbecLimits, perTransaction: 1_000, annual: 26_000)]
        var world = try World(header: header).mature()
        let sku = "JP-COS-08"
        let product = try #require(world.product(sku))
        try #require(product.positiveList)
        let price = Money(major: 600, .CNY)
        #expect(price <= world.rates.convert(world.goingPrice(product), to: .CNY), "listed at or below the going price")
        world.contributeStock(sku: sku, units: 500, unitCost: Money(major: 300, .CNY))
        try world.apply(.list(sku: sku, price: price))
        try world.apply(.advance(days: 90))
        #expect(world.cbecLimitsOverride?.perTransaction == Money(major: 1_000, .CNY))
        let refused = world.refusedCheckouts.filter { $0.reason == .perTransactionLimit }
        try #require(!refused.isEmpty, "some shoppers ask for two")
        for r in refused {
            #expect(r.sku == sku && r.quantity == 2)
            #expect(r.dutiableValue == Money(major: 1_200, .CNY))
            #expect(!world.orders.contains { $0.customer == r.customer && $0.day == r.day && $0.sku == sku },
                    "a refused shopper gets no silent one-unit order that day")
        }
        #expect(world.orders.contains { $0.sku == sku }, "single units sell")
        #expect(world.orders.filter { $0.sku == sku }.allSatisfy { $0.quantity == 1 })
        #expect(world.refusedCheckouts.map(\.id) == Array(1...world.refusedCheckouts.count))
        #expect(world.dayStats.reduce(0) { $0 + $1.refusedByCustoms } == world.refusedCheckouts.count)
    }
}
