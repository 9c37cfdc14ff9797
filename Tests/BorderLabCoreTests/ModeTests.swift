@testable import BorderLabCore
import Testing

/// Golden cases for the business modes, worked out by hand from the rules in DESIGN.md and the mode constants.
@Suite struct ModeTests {
    static func world(_ scenario: Scenario, _ mode: ShopMode, seed: UInt64 = 1, customers: Int = 400,
                      events: [ScheduledEvent] = []) throws -> World {
        try World(header: WorldHeader(seed: seed, scenario: scenario, mode: mode.rawValue, customers: customers, events: events)).mature()
    }

    static func balanced(_ world: World) -> Bool {
        Currency.allCases.allSatisfy { world.ledger.imbalance($0) == 0 } && world.lots.allSatisfy(\.unitsBalance)
    }

    @Test func everyScenarioOffersItsModes() throws {
        #expect(ShopMode.modes(for: .cnImport).map(\.rawValue) == ["daigou", "b2c-comprehensive", "b2c-vertical", "direct-delivery", "rebate"])
        #expect(ShopMode.modes(for: .globalExport).map(\.rawValue) == ["b2c-comprehensive", "b2c-vertical", "b2b-platform"])
        #expect(throws: EngineError.unknownMode("daigou", scenario: "global-export", allowed: ["b2c-comprehensive", "b2c-vertical", "b2b-platform"])) {
            try Self.world(.globalExport, .daigou)
        }
    }

    /// Daigou: JP-COS-01 listed at 180.00 CNY with an 8% service fee.
    /// Goods 180.00; CBEC tax on an ordinary cosmetic (VAT 13%, no consumption tax) = 0.7 × 13% × 180 = 16.38;
    /// fee 8% × 180 = 14.40; the shopper pays 210.78. The buyer pays the shelf price abroad: first tier 1,650 JPY × 110% =
    /// 1,815 JPY per unit, converted at the day's mid rate plus the 50 bp bank spread, rounded half-up once.
    @Test func daigouBuysAbroadOnlyAfterTheOrderAndChargesAServiceFee() throws {
        var world = try Self.world(.cnImport, .daigou)
        try world.apply(.set(key: "daigou.service_fee", value: "8"))
        try world.apply(.list(sku: "JP-COS-01", price: Money(major: 180, .CNY)))
        let product = world.product("JP-COS-01")!
        let terms = try #require(world.checkoutTerms(product: product, country: "CN", customs: .directMail, location: "hub:JP",
                                                     quantity: 1, customerYearToDate: 0))
        #expect(terms.goods == Money(minor: 18_000, .CNY))
        #expect(terms.tax == Money(minor: 1_638, .CNY))
        #expect(terms.fee == Money(minor: 1_440, .CNY))
        #expect(terms.landed == Money(minor: 21_078, .CNY))
        #expect(world.purchaseOrders.isEmpty && world.lots[0].onHand == 0, "nothing is bought before an order")
        try world.apply(.advance(days: 20))
        let order = try #require(world.orders.first)
        let po = try #require(world.purchaseOrders.first)
        #expect(po.day == order.day && po.quantity == order.quantity && po.sku == "JP-COS-01")
        #expect(po.unitPrice == Money(minor: 1_815, .JPY))
        let mid = Int128(world.fxHistory[po.day].mid(.JPY))
        // 1,815 × q JPY × mid/10⁶ CNY per JPY × 100 fen × 1.005, half-up.
        let expected = divideHalfUp(Int128(1_815 * po.quantity) * mid * 100 * 10_050, 1_000_000 * 10_000)
        #expect(po.goodsHome.minor == expected)
        #expect(order.promisedDays == Channel.dedicatedLine.promisedDays + World.daigouShoppingDays)
        #expect(world.purchaseOrders.count == world.orders.count, "one purchase abroad per order")
        #expect(world.lots.allSatisfy { $0.onHand == 0 })
        let fees = world.ledger.lines.filter { $0.account == .feeRevenue }.reduce(Int64(0)) { $0 + $1.credit }
        let expectedFees = world.orders.reduce(Int64(0)) { $0 + $1.goods.basisPoints(800).minor }
        #expect(fees == expectedFees)
        #expect(Self.balanced(world))
    }

    /// Direct delivery: listing at 200.00 CNY with a 15% commission: each unit books 30.00 CNY fee revenue and 170.00
    /// owed to the supplier; the supplier ships and pays its parcel; the platform pays suppliers every seventh day.
    @Test func directDeliveryKeepsACommissionAndPaysSuppliersWeekly() throws {
        // 12,000 customers: the new platform's early traffic is a fifth of a shop's, and shoppers convert 1–6% of visits.
        var world = try Self.world(.cnImport, .directDelivery, customers: 12_000)
        #expect(throws: EngineError.notSigned(sku: "JP-COS-01", supplier: "jp-kyoto-beauty")) {
            try world.apply(.list(sku: "JP-COS-01", price: Money(major: 200, .CNY)))
        }
        try world.apply(.signSupplier(id: "jp-kyoto-beauty"))
        #expect(throws: EngineError.alreadySigned("jp-kyoto-beauty")) { try world.apply(.signSupplier(id: "jp-kyoto-beauty")) }
        #expect(world.cash(.CNY) == Money(major: 500_000 - 20_000, .CNY), "the onboarding cost is paid up front")
        try world.apply(.set(key: "platform.commission", value: "15"))
        try world.apply(.list(sku: "JP-COS-01", price: Money(major: 200, .CNY)))
        // 40 days: a new platform's traffic is low, and 200.00 CNY is above the going price (152.46).
        try world.apply(.advance(days: 40))
        #expect(!world.orders.isEmpty)
        let units = world.orders.reduce(0) { $0 + $1.quantity }
        let fee = world.ledger.lines.filter { $0.account == .feeRevenue }.reduce(Int64(0)) { $0 + $1.credit - $1.debit }
        #expect(fee == Int64(units) * 3_000)
        #expect(world.shipments.allSatisfy { $0.cost.minor == 0 }, "suppliers pay their own parcels")
        #expect(world.ledger.balance(.revenue, .CNY).minor == 0, "an agent books no sales of its own")
        // Payout days are 6, 13, …, 34 and 41 (the last day simulated was 39): what was owed by day 34 has been paid, at 170.00 a unit.
        let owedLines = world.ledger.lines.filter { $0.account == .supplierPayable }
        let paid = owedLines.reduce(Int64(0)) { $0 + $1.debit }
        let unitsBy34 = world.orders.filter { $0.day <= 34 }.reduce(0) { $0 + $1.quantity }
        #expect(paid == Int64(unitsBy34) * 17_000)
        #expect(Self.balanced(world))
    }

    /// Direct delivery: the supplier's minimum price is 80% of the typical retail price. JP-COS-01 retails at
    /// 198.00 CNY, so 198.00 × 0.80 = 158.40 CNY is the lowest price it ships at, listed or repriced.
    @Test func directDeliverySuppliersRefusePricesBelowTheirMinimum() throws {
        var world = try Self.world(.cnImport, .directDelivery)
        try world.apply(.signSupplier(id: "jp-kyoto-beauty"))
        let minimum = Money(minor: 15_840, .CNY)
        #expect(throws: EngineError.belowSupplierMinimum(sku: "JP-COS-01", supplier: "jp-kyoto-beauty", minimum: minimum)) {
            try world.apply(.list(sku: "JP-COS-01", price: Money(minor: 15_839, .CNY)))
        }
        try world.apply(.list(sku: "JP-COS-01", price: minimum))
        #expect(throws: EngineError.belowSupplierMinimum(sku: "JP-COS-01", supplier: "jp-kyoto-beauty", minimum: minimum)) {
            try world.apply(.reprice(sku: "JP-COS-01", price: Money(major: 5, .CNY)))
        }
        #expect(world.listing("JP-COS-01")?.price == minimum)
        // A greedier platform: at 30% the supplier wants 198.00 × 0.80 × 0.88 / 0.70 = 199.131… → 199.13 CNY, so the
        // listing at 158.40 blocks the change until it is repriced; above 50% no supplier ships at all.
        let at30 = Money(minor: 19_913, .CNY)
        #expect(World.supplierMinimum(retail: Money(major: 198, .CNY), commissionBP: 3_000) == at30)
        #expect(throws: EngineError.belowSupplierMinimum(sku: "JP-COS-01", supplier: "jp-kyoto-beauty", minimum: at30)) {
            try world.apply(.set(key: "platform.commission", value: "30"))
        }
        #expect(world.settings.commissionBP == 1_200, "a refused setting changes nothing")
        try world.apply(.reprice(sku: "JP-COS-01", price: at30))
        try world.apply(.set(key: "platform.commission", value: "30"))
        #expect(throws: EngineError.self) { try world.apply(.set(key: "platform.commission", value: "100")) }
        #expect(world.settings.commissionBP == 3_000)
    }

    /// Own stock: the cost of serving one unit is the latest purchase's landed cost per unit plus the one-unit
    /// parcel from the lot; daigou: the shelf price abroad (tier 1 × 1.10 at the day's rate with spread) plus the
    /// dedicated line.
    @Test func theCostOfServingAUnitComesFromThePurchaseOrTheShelf() throws {
        var b2c = try Self.world(.cnImport, .b2cComprehensive)
        #expect(b2c.unitCostToServe(sku: "KR-COS-01") == nil, "nothing bought yet")
        try b2c.apply(.buy(sku: "KR-COS-01", quantity: 50, channel: .express, customs: .directMail, warehouse: nil))
        let po = b2c.purchaseOrders[0]
        let cost = try #require(b2c.unitCostToServe(sku: "KR-COS-01"))
        #expect(cost.landed == Money(minor: divideHalfUp(Int128(po.landedHome.minor), 50), .CNY))
        #expect(cost.parcel == Channel.express.cost(chargeableGrams: b2c.product("KR-COS-01")!.chargeableGrams))
        let daigou = try Self.world(.cnImport, .daigou)
        let product = daigou.product("KR-COS-01")!
        let shelf = product.tiers[0].unitPrice.basisPoints(11_000)
        #expect(daigou.unitCostToServe(sku: "KR-COS-01")?.landed == daigou.rates.cost(of: shelf, in: .CNY, spreadBP: FXMarket.spreadBP))
        #expect(try Self.world(.cnImport, .rebate).unitCostToServe(sku: "KR-COS-01") == nil, "merchants pay for goods")
    }

    /// Rebate: a cosmetic earns a 10% commission; with a 40% share the shopper gets 40% of it back at once.
    /// JP-COS-01 at 198.00 CNY: commission 19.80, cashback 7.92, so the shopper's landed price falls by 7.92.
    @Test func rebatePaysBackPartOfTheCommissionAndMerchantsReverseFakeOrders() throws {
        var world = try Self.world(.cnImport, .rebate)
        try world.apply(.set(key: "rebate.share", value: "40"))
        #expect(throws: EngineError.priceSetByMerchant(sku: "JP-COS-01", price: Money(major: 198, .CNY))) {
            try world.apply(.list(sku: "JP-COS-01", price: Money(major: 150, .CNY)))
        }
        try world.apply(.list(sku: "JP-COS-01", price: Money(major: 198, .CNY)))
        let product = world.product("JP-COS-01")!
        let terms = try #require(world.checkoutTerms(product: product, country: "CN", customs: .bonded, location: "merchant:CN",
                                                     quantity: 1, customerYearToDate: 0))
        #expect(terms.fee == Money(minor: -792, .CNY))
        #expect(throws: EngineError.self) { try world.apply(.set(key: "rebate.ad_budget", value: "100000.01 CNY")) }
        try world.apply(.set(key: "rebate.ad_budget", value: "300 CNY"))
        try world.apply(.advance(days: 40))
        let genuine = world.modeBook.attributions.filter { $0.orderID != 0 }
        let fake = world.modeBook.attributions.filter { $0.orderID == 0 }
        #expect(!genuine.isEmpty && !fake.isEmpty)
        // 300 CNY / 0.60 per click = 500 clicks a day, 30% of them bots = 150.
        #expect(world.modeBook.traffic.allSatisfy { $0.clicks == 500 && $0.botClicks == 150 })
        for a in genuine { #expect(a.commission == Money(minor: 1_980, .CNY) * world.orders[a.orderID - 1].quantity) }
        #expect(fake.filter { $0.day + 30 <= world.day - 1 }.allSatisfy { $0.status == .reversed })
        #expect(world.payments.allSatisfy { $0.provider == "merchant" && $0.tax.minor == 0 })
        #expect(Self.balanced(world))
    }

    /// The paper's contrast: a registration fee keeps suppliers away but is paid up front; a commission is paid per
    /// trade. Same seed, same commission; a 20,000 CNY yearly fee leaves fewer suppliers than no fee.
    @Test func aRegistrationFeeKeepsSuppliersAwayButEarnsUpFront() throws {
        var free = try Self.world(.globalExport, .b2bPlatform, customers: 2_000)
        var paid = free
        try paid.apply(.set(key: "platform.registration_fee", value: "20000 CNY"))
        try free.apply(.advance(days: 120))
        try paid.apply(.advance(days: 120))
        #expect(paid.modeBook.platform.activeSuppliers < free.modeBook.platform.activeSuppliers)
        let joined = paid.modeBook.platform.members.filter { $0.side == .supplier }.count
        let registration = paid.ledger.lines.filter { $0.account == .feeRevenue && $0.kind == .registrationFee }.reduce(Int64(0)) { $0 + $1.credit }
        #expect(registration == Int64(joined) * 2_000_000)
        for trade in free.modeBook.platform.trades { #expect(trade.commission == trade.value.basisPoints(300)) }
        #expect(throws: EngineError.self) { try paid.apply(.list(sku: "CN-ELE-01", price: Money(major: 20, .USD))) }
        #expect(throws: EngineError.self) {
            try paid.apply(.buy(sku: "CN-ELE-01", quantity: 100, channel: .seaFreight, customs: .b2bDirect, warehouse: nil))
        }
        #expect(Self.balanced(free) && Self.balanced(paid))
    }

    @Test func aVerticalShopSellsOneCategoryAndEarnsTrust() throws {
        var vertical = try Self.world(.cnImport, .b2cVertical, customers: 2_000)
        var broad = try Self.world(.cnImport, .b2cComprehensive, customers: 2_000)
        for w in [0, 1] {
            var world = w == 0 ? vertical : broad
            world.contributeStock(sku: "JP-COS-01", units: 5_000, unitCost: Money(major: 60, .CNY))
            try world.apply(.list(sku: "JP-COS-01", price: Money(major: 198, .CNY)))
            if w == 0 { vertical = world } else { broad = world }
        }
        #expect(throws: EngineError.wrongCategory(sku: "DE-INF-01", category: "infant-formula", shopCategory: "cosmetics")) {
            try vertical.apply(.list(sku: "DE-INF-01", price: Money(major: 300, .CNY)))
        }
        #expect(throws: EngineError.wrongCategory(sku: "DE-INF-01", category: "infant-formula", shopCategory: "cosmetics")) {
            try vertical.apply(.buy(sku: "DE-INF-01", quantity: 100, channel: .airFreight, customs: .bonded, warehouse: nil))
        }
        try vertical.apply(.advance(days: 30))
        try broad.apply(.advance(days: 30))
        #expect(vertical.orders.count > broad.orders.count, "a specialist converts better: \(vertical.orders.count) vs \(broad.orders.count)")
    }

    /// A vertical shop's first purchase fixes its category, so it cannot buy stock of a second one it could never list.
    @Test func aVerticalShopsFirstPurchaseFixesItsCategory() throws {
        var world = try Self.world(.cnImport, .b2cVertical)
        try world.apply(.buy(sku: "JP-COS-01", quantity: 20, channel: .airFreight, customs: .bonded, warehouse: nil))
        #expect(throws: EngineError.wrongCategory(sku: "AU-INF-01", category: "infant-formula", shopCategory: "cosmetics")) {
            try world.apply(.buy(sku: "AU-INF-01", quantity: 100, channel: .airFreight, customs: .bonded, warehouse: nil))
        }
        try world.apply(.list(sku: "JP-COS-01", price: Money(major: 198, .CNY)))
    }

    /// Platforms pay 15,000 CNY a month in advance: a world starting on 2026-10-20 pays the 12 days left of October's 31
    /// on day 0 (15,000 × 12 / 31 = 5,806.451… → 5,806.45 CNY) and the whole of November on day 12 (2026-11-01), so
    /// 20,806.45 CNY by day 20; a world starting on 2026-11-01 pays November once on day 0, not twice.
    @Test func platformsPayTheirRunningCostFromTheFirstMonth() throws {
        func costs(_ world: World) -> Int64 { world.ledger.balance(.serviceCosts, .CNY).minor }
        var october = try World(header: WorldHeader(seed: 1, scenario: .cnImport, mode: "direct-delivery", customers: 100))
        try october.apply(.advance(days: 1))
        #expect(costs(october) == 580_645)
        try october.apply(.advance(days: 19))
        #expect(costs(october) == 2_080_645)
        var november = try World(header: WorldHeader(seed: 1, scenario: .globalExport, mode: "b2b-platform", customers: 100))
        #expect(november.header.startDate.day == 1)
        try november.apply(.advance(days: 1))
        #expect(costs(november) == 1_500_000)
    }

    /// Daigou holds no stock, so a resend buys the replacement abroad again: one more purchase order at the shelf price.
    @Test func aDaigouResendBuysTheReplacementAbroad() throws {
        var world = try Self.world(.cnImport, .daigou, customers: 3_000)
        for action in world.demoActions() { try world.apply(action) }
        var ticket: Ticket?
        for _ in 0..<60 where ticket == nil {
            try world.apply(.advance(days: 1))
            ticket = world.serviceBook.tickets.first { $0.status == .open }
        }
        let open = try #require(ticket, "a daigou shop gets tickets within 60 days")
        let order = world.orders[open.orderID - 1]
        let purchases = world.purchaseOrders.count
        try world.apply(.replyTicket(id: open.id, action: .resend))
        #expect(world.purchaseOrders.count == purchases + 1)
        #expect(world.purchaseOrders.last?.sku == order.sku && world.purchaseOrders.last?.quantity == order.quantity)
        #expect(world.serviceBook.resends.last?.orderID == order.id)
        #expect(Self.balanced(world))
    }

    /// Shoppers come to a rebate site for its cashback: organic visits are 0.5 + 1.25 × share of a normal shop's
    /// (0.5 at 0%, 0.875 at 30%, 1.75 at 100%), so keeping everything is not best and giving everything away earns nothing:
    /// commission kept × visits ≈ 0.5 × 1 = 0.5 at 0%, 0.875 × 0.7 ≈ 0.61 at 30%, 0 at 100%.
    @Test func aRebateSitesCashbackDrawsShoppersSoTheBestShareIsInBetween() throws {
        #expect(World.cashbackTraffic(shareBP: 0) == 0.5 && World.cashbackTraffic(shareBP: 4_000) == 1.0)
        func profit(share: String) throws -> (Int64, Int) {
            var world = try Self.world(.cnImport, .rebate, customers: 3_000)
            try world.apply(.set(key: "rebate.share", value: share))
            for action in world.demoActions() where { if case .set = action { return false } else { return true } }() {
                try world.apply(action)
            }
            try world.apply(.advance(days: 60))
            return (world.profitAndLoss().netProfit, world.dayStats.reduce(0) { $0 + $1.visits })
        }
        let none = try profit(share: "0"), middle = try profit(share: "30"), all = try profit(share: "100")
        #expect(none.1 < middle.1 && middle.1 < all.1, "visits rise with the share: \(none.1), \(middle.1), \(all.1)")
        #expect(middle.0 > none.0 && middle.0 > all.0, "profits \(none.0), \(middle.0), \(all.0)")
        #expect(all.0 == 0, "paying all of each commission back earns nothing (this site buys no traffic)")
    }

    @Test func settingsParseAndRefuseWithTheExpectedForm() throws {
        #expect(ShopSettings.parsePercentBP("12.5%") == 1_250)
        #expect(ShopSettings.parsePercentBP("8") == 800)
        #expect(ShopSettings.parsePercentBP("0.05") == 5)
        #expect(ShopSettings.parsePercentBP("1.234") == nil)
        #expect(ShopSettings.parsePercentBP("-3") == nil)
        #expect(ShopSettings.parsePercentBP("99999999999999999") == nil, "no overflow on a hostile value")
        #expect(ShopSettings.parsePercentBP("1.+5") == nil && ShopSettings.parsePercentBP("+5") == nil)
        var world = try Self.world(.cnImport, .daigou)
        #expect(throws: EngineError.badSetting(key: "daigou.service_fee", value: "lots", expected: "a percent from 0 to 100, e.g. 12 or 12.5")) {
            try world.apply(.set(key: "daigou.service_fee", value: "lots"))
        }
        #expect(throws: EngineError.self) { try world.apply(.set(key: "rebate.share", value: "10")) }
        #expect(throws: EngineError.unknownSetting("daigou.fee", known: ShopSettings.keys.map(\.key))) {
            try world.apply(.set(key: "daigou.fee", value: "10"))
        }
        try world.apply(.set(key: "risk.verify_above", value: "500.00 CNY"))
        #expect(world.settings.verifyAbove == Money(major: 500, .CNY))
        #expect(throws: EngineError.self) { try world.apply(.set(key: "risk.verify_above", value: "50 USD")) }
    }
}
