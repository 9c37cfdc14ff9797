@testable import BorderLabCore
import Testing

/// Quotes apply the CBEC limits checkout applies: an instructor's cbec-limits event included (issue 8, §1 and §3).
@Suite struct EventLimitQuoteTests {
    /// A cn-import world whose instructor lowers China's CBEC limits to 1,000 CNY per order and 1,500 CNY a year from
    /// the first day, with DE-JEW-03 (18k gold pearl studs, on the positive list) listed at `price`.
    static func world(_ mode: ShopMode = .b2cComprehensive, price: Int64) throws -> World {
        var header = WorldHeader(seed: 5, scenario: .cnImport, mode: mode.rawValue, customers: 300)
        header.events = [ScheduledEvent(date: Scenario.cnImport.defaultStartDate, kind: .cbecLimits,
                                        perTransaction: 1_000, annual: 1_500)]
        var world = try World(header: header)
        try world.apply(.list(sku: "DE-JEW-03", price: Money(major: price, .CNY)))
        return world
    }

    static let lowered = CBECLimits(perTransaction: Money(major: 1_000, .CNY), annual: Money(major: 1_500, .CNY))

    @Test func aQuoteRefusesWhatTheLoweredAnnualLimitRefuses() throws {
        var world = try Self.world(price: 2_000)
        let jewel = try #require(world.product("DE-JEW-03"))
        // Day 0, before the event starts: the rule book's 5,000 / 26,000 CNY; one unit at 2,000 CNY clears.
        #expect(world.cbecLimitsInForce == RuleBook.cbecLimits.value(on: world.date()))
        #expect(world.cbecRefusal(product: jewel, quantity: 1, customerYearToDate: 0) == nil)

        try world.apply(.advance(days: 1))
        #expect(world.cbecLimitsInForce == Self.lowered)
        // One unit: dutiable value 2,000 CNY (no freight or insurance charged) > the 1,500 CNY annual limit.
        let why = CBECRefusal.overAnnualLimit(yearToDate: .zero(.CNY), dutiableValue: Money(major: 2_000, .CNY),
                                              limit: Money(major: 1_500, .CNY))
        #expect(world.cbecRefusal(product: jewel, quantity: 1, customerYearToDate: 0) == why)
        let quote = try world.quote(sku: "DE-JEW-03", quantity: 6, channel: .seaFreight, customs: .bonded)
        #expect(quote.customerRefusals.map(\.country) == ["CN"])
        #expect(quote.customerRefusals.map(\.reason) == [why.description])
        #expect(quote.customerTax.isEmpty, "checkout would refuse it, so the quote shows no tax for it")
        #expect(quote.cbecLimits == Self.lowered)
    }

    @Test func aQuoteShowsTheSingleItemDutyAboveTheLoweredPerOrderLimit() throws {
        var world = try Self.world(price: 1_200)
        try world.apply(.advance(days: 1))
        let jewel = try #require(world.product("DE-JEW-03"))
        // One unit at 1,200 CNY: above the 1,000 CNY per-order limit, within the 1,500 CNY year: a single item at
        // full duty. Pearl studs pay the 10% consumption tax of jewellery other than gold, silver and platinum:
        // tariff 8% × 1,200 = 96.00; CT (1,200 + 96) × 0.10 / 0.90 = 144.00; VAT 13% × (1,296 + 144) = 187.20;
        // 427.20 CNY in all. (Under the rule book's limits it would be retail: 0.7 × (133.33 + 173.33) = 214.67.)
        #expect(world.cbecRefusal(product: jewel, quantity: 1, customerYearToDate: 0) == nil)
        let terms = try #require(world.checkoutTerms(product: jewel, country: "CN", customs: .bonded, location: "bonded:CN",
                                                     quantity: 1, customerYearToDate: 0))
        try #require(terms.rates.consumptionBP == 1_000)
        #expect(terms.scheme == "cbec-single-item")
        #expect(terms.tax == Money(minor: 427_20, .CNY))
        #expect(terms.rates.tariffBP == 800, "the order records the tariff it paid")
        let quote = try world.quote(sku: "DE-JEW-03", quantity: 6, channel: .seaFreight, customs: .bonded)
        #expect(quote.customerRefusals.isEmpty)
        #expect(quote.customerTax.map(\.scheme) == ["cbec-single-item"])
        #expect(quote.customerTax.map(\.tax) == [Money(minor: 427_20, .CNY)])
        // Two units: 2,400 CNY passes the 1,500 CNY year first.
        #expect(world.cbecRefusal(product: jewel, quantity: 2, customerYearToDate: 0)
                == .overAnnualLimit(yearToDate: .zero(.CNY), dutiableValue: Money(major: 2_400, .CNY), limit: Money(major: 1_500, .CNY)))
    }

    @Test func twoUnitsOverTheLoweredPerOrderLimitAreRefusedInTheQuote() throws {
        var world = try Self.world(.daigou, price: 600)
        try world.apply(.advance(days: 1))
        // Two units at 600 CNY: 1,200 CNY > 1,000 CNY per order, more than one item: refused (within the year's 1,500).
        let why = CBECRefusal.multiItemOverTransactionLimit(dutiableValue: Money(major: 1_200, .CNY), limit: Money(major: 1_000, .CNY))
        let quote = try world.daigouQuote(sku: "DE-JEW-03", quantity: 2)
        #expect(quote.tax == nil)
        #expect(quote.refusal == why)
        // One unit at 600 CNY clears as retail: CT 600 × 0.10 / 0.90 = 66.667, VAT 13% × 666.667 = 86.667,
        // 0.7 × 153.333 = 107.33 CNY.
        let one = try world.daigouQuote(sku: "DE-JEW-03", quantity: 1)
        #expect(one.refusal == nil)
        #expect(one.tax == Money(minor: 107_33, .CNY))
        #expect(one.taxScheme == "cbec-retail")
    }
}
