@testable import BorderLabCore
import Testing

/// The world's economics stay inside the bands of the real trade (README, "Calibration"; issue 8 §1).
@Suite struct CalibrationTests {
    static func row(_ scenario: Scenario, _ mode: ShopMode, _ strategy: CalibrationStrategy, seed: UInt64 = 1) throws -> CalibrationRow {
        try Calibration.run(scenario: scenario, mode: mode, strategy: strategy, seed: seed)
    }

    @Test(arguments: [UInt64(1), 2])
    func sensibleImportB2CSitsInsideTheRealTradesBands(seed: UInt64) throws {
        let r = try Self.row(.cnImport, .b2cComprehensive, .sensible, seed: seed)
        #expect((0.01...0.06).contains(r.conversionRate), "conversion \(r.conversionRate)")
        #expect((0.20...0.45).contains(r.grossMarginRate), "gross margin \(r.grossMarginRate)")
        #expect((0.05...0.30).contains(r.netMarginRate), "net margin \(r.netMarginRate)")
        #expect(r.customersReachedShare < 0.4, "reached \(r.customersReachedShare)")
        // The shop pays its marketplace and its marketing.
        #expect(r.profitAndLoss.marketplaceFees > 0 && r.profitAndLoss.marketing > 0)
    }

    @Test func sensibleExportB2CConvertsAndEarnsLikeTheRealTrade() throws {
        let r = try Self.row(.globalExport, .b2cComprehensive, .sensible)
        #expect((0.01...0.06).contains(r.conversionRate), "conversion \(r.conversionRate)")
        #expect((0.20...0.45).contains(r.grossMarginRate), "gross margin \(r.grossMarginRate)")
        #expect(r.customersReachedShare < 0.4, "reached \(r.customersReachedShare)")
        #expect((0.05...0.30).contains(r.netMarginRate), "net margin \(r.netMarginRate)")
    }

    @Test(arguments: [Scenario.cnImport, .globalExport])
    func naiveStrategiesEarnUnderHalfTheSensibleProfitOrLose(_ scenario: Scenario) throws {
        let sensible = try Self.row(scenario, .b2cComprehensive, .sensible)
        for strategy in [CalibrationStrategy.doublePrice, .ignoreLandedCost] {
            let naive = try Self.row(scenario, .b2cComprehensive, strategy)
            #expect(naive.netProfitMinor < 0 || 2 * naive.netProfitMinor < sensible.netProfitMinor,
                    "\(scenario.id) \(strategy.rawValue): \(naive.netProfitMinor) against sensible \(sensible.netProfitMinor)")
        }
    }

    /// The vertical shop: one category (the one whose going price leaves most over what an order costs: formula in
    /// cn-import, electronics abroad), listed 10% over the going price in cn-import. Before engine 0.4.0 a formula
    /// specialist converted 7.4–8.1% and the export specialist (kitchenware, picked by landed cost alone) lost money.
    @Test(arguments: [Scenario.cnImport, .globalExport], [UInt64(1), 2, 3])
    func sensibleVerticalB2CSitsInsideTheRealTradesBands(_ scenario: Scenario, seed: UInt64) throws {
        let r = try Self.row(scenario, .b2cVertical, .sensible, seed: seed)
        #expect((0.01...0.06).contains(r.conversionRate), "conversion \(r.conversionRate)")
        #expect((0.20...0.45).contains(r.grossMarginRate), "gross margin \(r.grossMarginRate)")
        #expect((0.05...0.30).contains(r.netMarginRate), "net margin \(r.netMarginRate)")
        #expect(r.customersReachedShare < 0.4, "reached \(r.customersReachedShare)")
    }

    @Test(arguments: [Scenario.cnImport, .globalExport])
    func naiveVerticalStrategiesEarnUnderHalfTheSensibleProfitOrLose(_ scenario: Scenario) throws {
        let sensible = try Self.row(scenario, .b2cVertical, .sensible)
        for strategy in [CalibrationStrategy.doublePrice, .ignoreLandedCost] {
            let naive = try Self.row(scenario, .b2cVertical, strategy)
            #expect(naive.netProfitMinor < 0 || 2 * naive.netProfitMinor < sensible.netProfitMinor,
                    "\(scenario.id) \(strategy.rawValue): \(naive.netProfitMinor) against sensible \(sensible.netProfitMinor)")
        }
    }

    @Test func aSpecialistPicksTheCategoryByWhatAnOrderLeavesAndPricesItsTrustAtHome() throws {
        // Abroad the parcel (38–60 CNY for kitchenware) and a 15% referral fee take what landed cost alone leaves:
        // the specialist sells electronics there, formula at home, and lists 10% over the going price only at home.
        for (scenario, category, premium) in [(Scenario.cnImport, Category.infantFormula, true), (.globalExport, .electronics, false)] {
            let world = try World(header: WorldHeader(seed: 1, scenario: scenario, mode: ShopMode.b2cVertical.rawValue, customers: 100))
            let opening = world.calibrationOpening(.sensible)
            for action in opening {
                if case .buy(let sku, _, let channel, _, _) = action {
                    #expect(world.product(sku)?.category == category && channel == .seaFreight, "\(scenario.id) \(sku)")
                }
                if case .list(let sku, let price) = action, let product = world.product(sku) {
                    let going = world.goingPrice(product)
                    #expect(price == (premium ? going.basisPoints(World.specialistPremiumBP) : going), "\(scenario.id) \(sku)")
                }
            }
        }
    }

    @Test func daigouEarnsAThinNetMargin() throws {
        let r = try Self.row(.cnImport, .daigou, .sensible)
        #expect((0.03...0.15).contains(r.netMarginRate), "daigou net margin \(r.netMarginRate)")
    }

    @Test func theDirectDeliveryPlatformIsInLossAtDay90() throws {
        let r = try Calibration.run(scenario: .cnImport, mode: .directDelivery, strategy: .sensible, seed: 1, days: 90)
        #expect(r.netProfitDay90Minor < 0)
    }
}

/// Traffic the shop earns and buys, competitors' prices, believable demand and the marketplace's fees.
@Suite struct MarketMechanicsTests {
    static func world(_ mode: ShopMode = .b2cComprehensive, scenario: Scenario = .cnImport, customers: Int = 1_000,
                      events: [ScheduledEvent] = []) throws -> World {
        var header = WorldHeader(seed: 7, scenario: scenario, mode: mode.rawValue, customers: customers)
        header.events = events
        return try World(header: header)
    }

    @Test func theGoingPriceFallsAsCompetitorsEnterAndDipsOnSinglesDay() throws {
        var world = try Self.world()
        let product = world.demoProducts(category: .cosmetics, count: 1)[0]
        let level = CompetitorLevel.of(.cosmetics)
        #expect(level.sellers(onDay: 365) == level.base + level.perYear)
        let open = world.goingLevelBP(product: product, day: 0)
        try world.apply(.advance(days: 300))
        // Singles' Day (11.11) is day 22 from the default start (2026-10-20); day 387 is 2027-11-11.
        let singlesDay = world.goingLevelBP(product: product, day: 22)
        let plain = world.goingLevelBP(product: product, day: 21)
        #expect(singlesDay < plain, "competitors discount on Singles' Day: \(singlesDay) vs \(plain)")
        #expect(world.goingLevelBP(product: product, day: 300) < open, "entry lowers the level")
        #expect(world.goingPrice(product) == product.typicalRetail.basisPoints(world.goingLevelBP(product: product)))
    }

    @Test func aNewShopEarnsLittleTrafficAndMarketingBuysMoreWithDiminishingReturns() throws {
        var world = try Self.world()
        for action in world.calibrationOpening(.sensible) {
            if case .set = action { continue }
            try world.apply(action)
        }
        // Nothing in stock yet: only the floor.
        #expect(world.trafficDrivers().listingsInStock == 0)
        #expect(world.earnedTrafficFactor() == World.organicFloor)
        try world.apply(.advance(days: 45))
        let drivers = world.trafficDrivers()
        #expect(drivers.listingsInStock > 0 && drivers.organic > World.organicFloor && drivers.organic < 0.5)
        // Paid marketing: visits for the money, fewer per yuan as the budget grows, booked as marketing expense.
        var small = world, large = world
        try small.apply(.set(key: "marketing.daily_budget", value: "50 CNY"))
        try large.apply(.set(key: "marketing.daily_budget", value: "500 CNY"))
        try small.apply(.advance(days: 1)); try large.apply(.advance(days: 1))
        #expect(small.modeBook.paidVisits > 0 && large.modeBook.paidVisits > small.modeBook.paidVisits)
        #expect(large.modeBook.paidVisits < 10 * small.modeBook.paidVisits, "diminishing returns")
        #expect(small.ledger.lines.contains { $0.kind == .marketing && $0.account == .marketingExpense && $0.debit == 5_000 })
        #expect(small.earnedTrafficFactor() > world.earnedTrafficFactor())
        // A daigou shop may buy marketing too; a platform may not.
        var platform = try Self.world(.directDelivery)
        #expect(throws: EngineError.self) { try platform.apply(.set(key: "marketing.daily_budget", value: "50 CNY")) }
    }

    @Test func pricesAboveTheGoingPriceCostTraffic() throws {
        var cheap = try Self.world(), dear = try Self.world()
        for action in cheap.calibrationOpening(.sensible) { try cheap.apply(action) }
        for action in dear.calibrationOpening(.doublePrice) { try dear.apply(action) }
        try cheap.apply(.advance(days: 60)); try dear.apply(.advance(days: 60))
        #expect(dear.trafficDrivers().price < cheap.trafficDrivers().price)
        #expect(dear.dayStats.reduce(0) { $0 + $1.visits } < cheap.dayStats.reduce(0) { $0 + $1.visits })
    }

    @Test func customersBuyByNeedAndWithinTheirMonthlyBudget() throws {
        var world = try Self.world(customers: 2_000)
        for action in world.calibrationOpening(.sensible) { try world.apply(action) }
        try world.apply(.advance(days: 240))
        #expect(world.orders.count > 100)
        var last: [String: (day: Int, quantity: Int)] = [:]
        var spent: [String: Double] = [:]
        for order in world.orders {
            let product = world.product(order.sku)!
            let key = "\(order.customer)/\(product.category.rawValue)"
            if let previous = last[key] {
                let minimum = World.repurchaseDays(product.category).lowerBound * previous.quantity
                #expect(order.day - previous.day >= minimum, "\(key) bought again after \(order.day - previous.day) days")
            }
            last[key] = (order.day, order.quantity)
            let month = World.budgetMonth(world.date(order.day))
            spent["\(order.customer)/\(month)", default: 0] += (order.goods + order.tax).approximateMajor
        }
        for (key, total) in spent {
            let customer = Int(key.split(separator: "/")[0])! - 1
            #expect(total <= world.population.budget[customer] + 0.01, "\(key) spent \(total) over a budget of \(world.population.budget[customer])")
        }
    }

    @Test func theMarketplaceTakesItsCommissionAndAnnualFee() throws {
        var world = try Self.world()
        for action in world.calibrationOpening(.sensible) { try world.apply(action) }
        try world.apply(.advance(days: 120))
        let fee = world.ledger.lines.filter { $0.kind == .marketplaceFee && $0.account == .marketplaceFees }
        #expect(fee.map(\.debit) == [World.marketplaceAnnualFee(isImport: true).minor])
        let commissions = world.ledger.lines.filter { $0.kind == .marketplaceCommission && $0.account == .marketplaceFees }
        let expected = world.orders.reduce(Int64(0)) { sum, order in
            sum + order.goods.basisPoints(World.marketplaceCommissionBP(world.product(order.sku)!.category, isImport: true)).minor
        }
        #expect(!commissions.isEmpty && commissions.reduce(Int64(0)) { $0 + $1.debit } == expected)
        #expect(world.profitAndLoss().marketplaceFees == expected + World.marketplaceAnnualFee(isImport: true).minor)
        // Agent and daigou modes sell on their own sites: no marketplace fees.
        var daigou = try Self.world(.daigou)
        for action in daigou.calibrationOpening(.sensible) { try daigou.apply(action) }
        try daigou.apply(.advance(days: 60))
        #expect(daigou.profitAndLoss().marketplaceFees == 0)
    }

    @Test func seaFreightTakesAsLongAsItsLane() {
        #expect(Channel.seaLaneDays(from: "JP", to: "CN") == 5...14)
        #expect(Channel.seaLaneDays(from: "KR", to: "CN") == 5...14)
        #expect(Channel.seaLaneDays(from: "DE", to: "CN") == 33...47)
        #expect(Channel.seaLaneDays(from: "CN", to: "US") == 18...27)
        #expect(Channel.seaLaneDays(from: "CN", to: "DE") == 33...47)
    }

    @Test func aCategoryLeavingThePositiveListStrandsTheStockAlreadyBought() throws {
        let start = Scenario.cnImport.defaultStartDate
        let event = ScheduledEvent(date: start.adding(days: 60), kind: .positiveListRemoval, note: "cosmetics off the list", category: "cosmetics")
        var world = try Self.world(events: [event])
        for action in world.calibrationOpening(.sensible) { try world.apply(action) }
        try world.apply(.advance(days: 90))
        let cosmetics = world.orders.filter { world.product($0.sku)!.category == .cosmetics }
        #expect(!cosmetics.isEmpty && cosmetics.allSatisfy { $0.day < 60 }, "no cosmetics sold as CBEC after day 60")
        #expect(world.orders.contains { $0.day >= 60 }, "other categories still sell")
        #expect(world.events.contains { $0.kind == "positive-list-removal" })
        let sku = world.demoProducts(category: .cosmetics, count: 1)[0].id
        #expect(throws: EngineError.offPositiveList(sku)) {
            try world.apply(.buy(sku: sku, quantity: 50, channel: .seaFreight, customs: .bonded, warehouse: nil))
        }
    }

    @Test func aLowerCBECLimitRefusesWhatTheOldOneCleared() throws {
        let start = Scenario.cnImport.defaultStartDate
        let event = ScheduledEvent(date: start, kind: .cbecLimits, perTransaction: 100, annual: 200)
        var world = try Self.world(events: [event])
        for action in world.calibrationOpening(.sensible) { try world.apply(action) }
        try world.apply(.advance(days: 90))
        #expect(world.cbecLimitsOverride?.perTransaction == Money(major: 100, .CNY))
        // Only single items clear above 100 CNY (at full duty), and no customer imports more than 200 CNY.
        #expect(world.orders.allSatisfy { $0.quantity == 1 || ($0.goods.minor <= 10_000) })
        #expect(world.orders.allSatisfy { $0.goods.minor <= 20_000 }, "nothing above the annual limit clears")
        #expect(world.orders.contains { $0.taxScheme == "cbec-single-item" }, "single items above 100 CNY pay full duty")
        #expect(world.population.cbecYearToDate.allSatisfy { $0 <= 20_000 })
        // A scenario file for the export market cannot use it.
        #expect(event.problems(catalogue: .standard, scenario: .globalExport).contains { $0.field == "kind" })
        #expect(ScheduledEvent(date: start, kind: .cbecLimits, perTransaction: 500, annual: 100)
            .problems(catalogue: .standard, scenario: .cnImport).contains { $0.field == "annual" })
    }
}
