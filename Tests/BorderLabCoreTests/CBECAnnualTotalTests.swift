@testable import BorderLabCore
import Testing

/// What a sale records of the rules it was taxed under, and how China's CBEC annual total follows parcels that do not
/// stay imported (Caiguanshui [2016] No. 18: returns within 30 days of release; a seized parcel was never released).
@Suite struct CBECAnnualTotalTests {
    /// Each customer's annual total is the sum of the dutiable values its orders of that year still count: a seized
    /// parcel counts 0, a return received within 30 days of release counts 0, everything else its dutiable value.
    static func expectTotalsFollowOrders(_ world: World) {
        var sums = [Int64](repeating: 0, count: world.population.cbecYearToDate.count)
        for order in world.orders where Int(world.population.cbecYear[order.customer - 1]) == world.date(order.day).year {
            sums[order.customer - 1] += order.cbecDutiableFen
        }
        for c in sums.indices where world.population.cbecYear[c] != 0 {
            #expect(world.population.cbecYearToDate[c] == sums[c], "customer \(c + 1)")
        }
    }

    /// A mismatch hold left unreleased is seized on its 14th day: the order stops counting and its customer's annual
    /// total drops by the order's dutiable value (goods, no freight charged in the sandbox).
    @Test func aSeizedParcelNeverCounts() throws {
        var (world, hold) = try CustomsTests.mismatchHold()
        let o = hold.orderID - 1
        let counted = world.orders[o].cbecDutiableFen
        #expect(counted == world.orders[o].goods.minor && counted > 0)
        Self.expectTotalsFollowOrders(world)
        try world.apply(.advance(days: hold.dueDay - world.day + 1))
        #expect(world.orders[o].status == .seized && world.orders[o].cbecDutiableFen == 0)
        Self.expectTotalsFollowOrders(world)
    }

    /// Over a stocked run with returns, the totals follow the orders; returns received within 30 days of release
    /// count 0, later ones keep counting.
    @Test func returnsWithinThirtyDaysLeaveTheAnnualTotal() throws {
        let world = try TicketAndReturnTests.stockedRun(days: 60)
        let received = world.serviceBook.returns.filter(\.received)
        #expect(!received.isEmpty)
        for record in received {
            let order = world.orders[record.orderID - 1]
            let window = world.customsReleaseDay(order: order.id) + World.cbecReturnWindowDays
            #expect((order.cbecDutiableFen == 0) == (record.dueDay <= window), "order \(order.id)")
        }
        Self.expectTotalsFollowOrders(world)
    }

    /// cn-import orders record China's rates: VAT 13% (the world is in 2026), tariff 0 within the limits, consumption
    /// tax 0 on the fixture's goods (lotions, formula, supplements: below the cosmetic price line or out of scope).
    @Test func ordersRecordTheRatesTheyWereTaxedAt() throws {
        let world = try TicketAndReturnTests.stockedRun(days: 20)
        let retail = world.orders.filter { $0.taxScheme == "cbec-retail" }
        #expect(!retail.isEmpty)
        #expect(retail.allSatisfy { $0.rates == AppliedRates(vatBP: 1300, consumptionBP: 0, tariffBP: 0) })
    }

    /// An instructor's extra duty (policy change) is a border measure: parcels pay it, a 9810 sale from stock already
    /// in the overseas warehouse does not. Germany's local sale pays the rule book's 19% (apparel, 2026).
    @Test func policyDutyNeverHitsOverseasWarehouseSales() throws {
        var world = try WorldFixtures.world(seed: 1, .globalExport)
        let product = WorldFixtures.product("CN-APP-04")
        let de = try #require(world.scenario.customerCountries.firstIndex(of: "DE"))
        let plain = try #require(world.checkoutTerms(product: product, country: "DE", customs: .overseasWarehouse,
                                                     location: "overseas:DE", quantity: 1, customerYearToDate: 0))
        #expect(plain.rates.vatBP == 1900 && plain.tax == plain.goods.basisPoints(1900))
        world.modeBook.policySurchargeBP[de] = 1_000
        world.modeBook.policyUntil[de] = 10_000
        let local = try #require(world.checkoutTerms(product: product, country: "DE", customs: .overseasWarehouse,
                                                     location: "overseas:DE", quantity: 1, customerYearToDate: 0))
        #expect(local == plain)
        let parcel = try #require(world.checkoutTerms(product: product, country: "DE", customs: .directMail,
                                                      location: "hub:CN", quantity: 1, customerYearToDate: 0))
        #expect(parcel.scheme.hasSuffix("+policy") && parcel.rates.tariffBP >= 1_000)
    }
}

/// Carriers weigh differently: express divides L × W × H by 5,000, dedicated lines by 6,000, postal services and ePacket
/// charge actual weight.
@Test func channelsWeighByTheirOwnDivisor() {
    // CN-KIT-01 steamer: 1,200 g, 30 × 30 × 20 cm = 18,000 cm³: express 18,000 / 5,000 = 3.6 kg; dedicated line
    // 18,000 / 6,000 = 3.0 kg; postal and ePacket 1.2 kg.
    let steamer = WorldFixtures.product("CN-KIT-01")
    #expect(Channel.express.chargeableGrams(of: steamer) == 3_600)
    #expect(Channel.dedicatedLine.chargeableGrams(of: steamer) == 3_000)
    #expect(Channel.postal.chargeableGrams(of: steamer) == 1_200 && Channel.epacket.chargeableGrams(of: steamer) == 1_200)
    // Express 60.00 + 140.00 per kg × 3.6 = 564.00 CNY, against 60.00 + 140.00 × 3.0 = 480.00 at the old divisor.
    #expect(Channel.express.cost(chargeableGrams: Channel.express.chargeableGrams(of: steamer)) == Money(major: 564, .CNY))
}

/// A quote shows the single-item tax of a unit above 5,000 CNY and says when customs would refuse one unit.
@Test func quotesShowTheSingleItemTaxAndTheAnnualLimitRefusal() throws {
    let world = try WorldFixtures.world(seed: 1, .cnImport)
    // DE-WAT-02, automatic (9102.21), 17,800.00 CNY: one unit above 5,000 pays full duty: tariff 11% = 1,958.00;
    // CT (≥ 10,000 CNY) = 19,758.00 × 0.20 / 0.80 = 4,939.50; VAT = (19,758.00 + 4,939.50) × 0.13 = 3,210.675;
    // total 10,108.175 → 10,108.18.
    let dress = try world.quote(sku: "DE-WAT-02", quantity: 1, channel: .express, customs: .directMail, warehouse: nil)
    let cn = try #require(dress.customerTax.first { $0.country == "CN" })
    #expect(cn.scheme == "cbec-single-item" && cn.tax == Money(minor: 10_108_18, .CNY))
    #expect(dress.customerRefusals.isEmpty)
    // DE-WAT-01 at 32,800.00 CNY is above the 26,000 CNY annual limit on its own: the quote says customs refuses it.
    let chrono = try world.quote(sku: "DE-WAT-01", quantity: 1, channel: .express, customs: .directMail, warehouse: nil)
    #expect(chrono.customerTax.isEmpty)
    let refusal = try #require(chrono.customerRefusals.first)
    #expect(refusal.country == "CN" && refusal.reason.contains("26000.00 CNY annual CBEC limit"))
}
