@testable import BorderLabCore
import Testing

/// A checkout China's CBEC limits refuse is a row of `refusedCheckouts`, never an order (issue 8, §3).
@Suite struct RefusedCheckoutTests {
    @Test func twoUnitsOverTheTransactionLimitAreRefusedNotSoldAsOne() throws {
        var world = try World(header: WorldHeader(seed: 3, scenario: .cnImport, customers: 20_000))
        let sku = "DE-JEW-03"
        let product = try #require(world.product(sku))
        try #require(product.positiveList)
        // One unit at 2,600 CNY is within the 5,000 CNY limit; two are not.
        world.contributeStock(sku: sku, units: 500, unitCost: Money(major: 1_000, .CNY))
        try world.apply(.list(sku: sku, price: Money(major: 2_600, .CNY)))
        try world.apply(.advance(days: 90))
        let refused = world.refusedCheckouts.filter { $0.reason == .perTransactionLimit }
        try #require(!refused.isEmpty, "some shoppers ask for two")
        for r in refused {
            #expect(r.sku == sku && r.quantity == 2)
            #expect(r.dutiableValue == Money(major: 5_200, .CNY))
            #expect(!world.orders.contains { $0.customer == r.customer && $0.day == r.day && $0.sku == sku },
                    "a refused shopper gets no silent one-unit order that day")
        }
        #expect(world.orders.filter { $0.sku == sku }.allSatisfy { $0.quantity == 1 })
        #expect(world.refusedCheckouts.map(\.id) == Array(1...world.refusedCheckouts.count))
        #expect(world.dayStats.reduce(0) { $0 + $1.refusedByCustoms } == world.refusedCheckouts.count)
    }
}
