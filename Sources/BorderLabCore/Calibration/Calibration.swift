/// The calibration harness: documented reference strategies run for a year in every scenario × mode, and the figures
/// that show whether the world teaches true lessons (README, "Calibration").
///
/// A strategy is a plain policy over the public actions, so what it does can be redone by hand in a workspace:
/// - `sensible`: the mode's standard opening (``World/calibrationOpening(_:)``) at the going price, restocked every
///   30 days by sea with what sold in the last 30 days (two months' cover), paid marketing where the mode has it.
/// - `double-price` (stock-holding B2C): the same shop with every price at twice the going price.
/// - `ignore-landed-cost` (stock-holding B2C): buys the first products of every category in bulk by air (heavy and
///   light, never comparing landed cost with the going price) and lists them at the going price.
public enum CalibrationStrategy: String, CaseIterable, Sendable, Codable {
    case sensible
    case doublePrice = "double-price"
    case ignoreLandedCost = "ignore-landed-cost"

    /// What the strategy does, for the README and `calibrate`'s text output.
    public var summary: String {
        switch self {
        case .sensible: "standard opening at the going price, restocked monthly by sea, paid marketing"
        case .doublePrice: "the sensible shop with every price at twice the going price"
        case .ignoreLandedCost: "bulk by air, heavy and light alike, without comparing landed cost with the going price"
        }
    }

    /// The strategies a mode runs: the naive ones only where the shop buys and prices its own stock.
    public static func strategies(for mode: ShopMode) -> [CalibrationStrategy] {
        mode.holdsStock ? allCases : [.sensible]
    }
}

/// One row of `borderlab calibrate`: a scenario × mode × strategy after a simulated year.
public struct CalibrationRow: Sendable, Encodable, Equatable {
    public let scenario: String
    public let mode: String
    public let strategy: String
    public let visits: Int
    public let orders: Int
    /// Orders per storefront visit.
    public let conversionRate: Double
    /// Gross profit (sales and fees less landed cost, parcel freight and payment fees) over revenue.
    public let grossMarginRate: Double
    /// Net profit over sales and fee revenue.
    public let netMarginRate: Double
    /// Share of all customers who placed at least one order.
    public let customersReachedShare: Double
    public let netProfitMinor: Int64
    /// Net profit after 90 days (the direct-delivery platform's early loss).
    public let netProfitDay90Minor: Int64
    public let currency: String
    /// The year's profit and loss, line by line.
    public let profitAndLoss: ProfitAndLoss

    enum CodingKeys: String, CodingKey {
        case scenario, mode, strategy, visits, orders, currency
        case conversionRate = "conversion_rate", grossMarginRate = "gross_margin_rate", netMarginRate = "net_margin_rate"
        case customersReachedShare = "customers_reached_share", netProfitMinor = "net_profit_minor"
        case netProfitDay90Minor = "net_profit_day90_minor", profitAndLoss = "profit_and_loss"
    }
}

public enum Calibration {
    /// Runs one scenario × mode × strategy for `days` and returns its figures.
    public static func run(scenario: Scenario, mode: ShopMode, strategy: CalibrationStrategy, seed: UInt64,
                           customers: Int? = nil, days: Int = 365) throws(EngineError) -> CalibrationRow {
        var world = try World(header: WorldHeader(seed: seed, scenario: scenario, mode: mode.rawValue,
                                                  customers: customers ?? scenario.defaultCustomers))
        for action in world.calibrationOpening(strategy) { try? world.apply(action) }
        var day90: Int64 = 0
        var done = 0
        while done < days {
            var step = min(30, days - done)
            if done < 90 && done + step > 90 { step = 90 - done }
            try world.apply(.advance(days: step))
            done += step
            if done == 90 { day90 = world.profitAndLoss().netProfit }
            if mode.holdsStock && done < days {
                for action in world.calibrationRestock(strategy) { try? world.apply(action) }
            }
        }
        if days < 90 { day90 = world.profitAndLoss().netProfit }
        let visits = world.dayStats.reduce(0) { $0 + $1.visits }
        let pl = world.profitAndLoss()
        let report = world.statusReport()
        var reached = [Bool](repeating: false, count: world.population.count)
        for order in world.orders where order.customer > 0 && order.customer <= reached.count { reached[order.customer - 1] = true }
        let income = pl.sales + pl.feeRevenue
        return CalibrationRow(
            scenario: scenario.id, mode: mode.rawValue, strategy: strategy.rawValue, visits: visits, orders: world.orders.count,
            conversionRate: visits == 0 ? 0 : Double(world.orders.count) / Double(visits),
            grossMarginRate: report.grossMarginRate,
            netMarginRate: income == 0 ? 0 : Double(pl.netProfit) / Double(income),
            customersReachedShare: Double(reached.filter { $0 }.count) / Double(max(1, world.population.count)),
            netProfitMinor: pl.netProfit, netProfitDay90Minor: day90, currency: pl.currency, profitAndLoss: pl)
    }

    /// Every scenario × mode × strategy, in scenario, mode and strategy order.
    public static func runAll(seed: UInt64, customers: Int? = nil, days: Int = 365) throws(EngineError) -> [CalibrationRow] {
        var rows: [CalibrationRow] = []
        for scenario in Scenario.all {
            for mode in ShopMode.modes(for: scenario) {
                for strategy in CalibrationStrategy.strategies(for: mode) {
                    rows.append(try run(scenario: scenario, mode: mode, strategy: strategy, seed: seed, customers: customers, days: days))
                }
            }
        }
        return rows
    }
}

extension World {
    /// The sensible vertical shop's price, basis points of the going price (README, "Calibration").
    public static let specialistPremiumBP = 11_000

    /// The price a calibration strategy lists a product at: the going price (what competing sellers charge) today.
    func calibrationPrice(_ product: Product) -> Money { goingPrice(product) }

    /// The opening actions of a calibration strategy (see ``CalibrationStrategy``).
    public func calibrationOpening(_ strategy: CalibrationStrategy) -> [Action] {
        guard mode.holdsStock else { return sensibleOpening() }
        var actions: [Action] = []
        let all: [Category] = [.cosmetics, .infantFormula, .supplements, .kitchenware, .electronics, .apparel]
        let perCategory = mode == .b2cVertical ? 5 : 2
        let customs: CustomsMode = scenario.isImport ? .bonded : .overseasWarehouse
        /// Going price over landed cost (sea, in bulk) of a product: how much room its price leaves.
        func headroom(_ product: Product, channel: Channel) -> Double {
            let quantity = max(product.moq, 150)
            let warehouse = scenario.isImport ? nil : (product.category == .apparel || product.category == .cosmetics ? "DE" : "US")
            guard let quote = try? quote(sku: product.id, quantity: quantity, channel: channel, customs: customs, warehouse: warehouse) else {
                return 0
            }
            let going = rates.convert(calibrationPrice(product), to: quote.total.currency)
            return Double(going.minor) * Double(quantity) / Double(max(1, quote.total.minor))
        }
        /// Going price over what one order of the product costs the shop: landed cost (sea, in bulk), the parcel to the
        /// customer and the marketplace's commission. Abroad the parcel and the referral fee (15% on kitchenware,
        /// DOMAIN.md) take much of what landed cost alone leaves, so a specialist compares categories by this.
        func orderHeadroom(_ product: Product) -> Double {
            let quantity = max(product.moq, 150)
            let warehouse = scenario.isImport ? nil : (product.category == .apparel || product.category == .cosmetics ? "DE" : "US")
            guard let quote = try? quote(sku: product.id, quantity: quantity, channel: .seaFreight, customs: customs, warehouse: warehouse) else {
                return 0
            }
            let going = Double(rates.convert(calibrationPrice(product), to: quote.total.currency).minor)
            let commission = going * Double(World.marketplaceCommissionBP(product.category, isImport: scenario.isImport)) / 10_000
            let cost = Double(quote.total.minor) / Double(quantity) + Double(quote.parcelFreight.minor) + commission
            return going / max(1, cost)
        }
        // A vertical shop picks the one category whose products leave the most room between the going price and what an
        // order costs it (the sensible choice; the naive ones keep the demo's cosmetics).
        let categories: [Category]
        if mode == .b2cVertical {
            let best = all.max { a, b in
                let ha = demoProducts(category: a, count: perCategory).map(orderHeadroom)
                let hb = demoProducts(category: b, count: perCategory).map(orderHeadroom)
                return ha.reduce(0, +) / Double(max(1, ha.count)) < hb.reduce(0, +) / Double(max(1, hb.count))
            } ?? .cosmetics
            categories = [strategy == .sensible ? best : .cosmetics]
        } else {
            categories = all
        }
        for category in categories {
            let products: [Product]
            if strategy == .ignoreLandedCost {
                // What a buyer who never computes landed cost ends up with: the products whose landed cost by air is
                // nearest the going price (heavy, cheap-looking, highly taxed), heavy and light alike.
                let allowed = catalogue.suppliers.filter { ($0.country.code == "CN") != scenario.isImport }.map(\.id)
                let candidates = catalogue.products.filter {
                    allowed.contains($0.supplierID) && $0.category == category && (!scenario.isImport || $0.positiveList)
                }
                products = Array(candidates.map { ($0, headroom($0, channel: .airFreight)) }.sorted { $0.1 < $1.1 }.map(\.0).prefix(perCategory))
            } else {
                products = demoProducts(category: category, count: perCategory)
            }
            for product in products {
                let warehouse = scenario.isImport ? nil : (category == .apparel || category == .cosmetics ? "DE" : "US")
                let quantity = max(product.moq, strategy == .ignoreLandedCost ? 150 : (scenario.isImport ? 120 : 60))
                let channel: Channel = strategy == .ignoreLandedCost ? .airFreight : .seaFreight
                actions.append(.buy(sku: product.id, quantity: quantity, channel: channel, customs: customs, warehouse: warehouse))
                let price = calibrationPrice(product)
                // A specialist earns its shoppers' trust as a price difference (the paper, §3.2: B2C earns the price
                // difference through price or service advantage): the sensible vertical import shop lists 10% over the
                // going price, as a daigou buyer known to friends does, where Chinese shoppers doubt the authenticity of
                // imported goods (§3.1.1). Abroad, buyers of Chinese goods compare prices only.
                let listed = strategy == .doublePrice ? price * 2
                    : mode == .b2cVertical && strategy == .sensible && scenario.isImport ? price.basisPoints(World.specialistPremiumBP) : price
                actions.append(.list(sku: product.id, price: listed))
            }
        }
        actions += calibrationMarketing()
        return actions
    }

    /// Paid marketing of the sensible stock-holding shop (none before the setting existed).
    func calibrationMarketing() -> [Action] {
        guard ShopSettings.keys.contains(where: { $0.key == "marketing.daily_budget" }), scenario.isImport else { return [] }
        return [.set(key: "marketing.daily_budget", value: "40 CNY")]
    }

    /// The modes without own stock open as their demo does, at the going price where they list.
    func sensibleOpening() -> [Action] {
        var opening = demoActions()
        if mode == .daigou {
            // Light, valuable goods whose parcel costs little against the price: cosmetics and supplements.
            opening = opening.filter { if case .list = $0 { false } else { true } }
            for category in [Category.cosmetics, .supplements] {
                for product in demoProducts(category: category, count: 4) {
                    opening.append(.list(sku: product.id, price: product.typicalRetail))
                }
            }
        }
        return opening.map { action in
            guard case .list(let sku, let price) = action, let product = product(sku) else { return action }
            let going = calibrationPrice(product)
            guard going.currency == price.currency else { return action }
            switch mode {
            case .daigou:
                // 10% over the going price, the service fee on top: friends pay for the buyer's trust.
                return .list(sku: sku, price: going.basisPoints(11_000))
            case .rebate:
                // The merchant sets the price; the site only promotes it.
                return action
            case .directDelivery:
                // Suppliers refuse prices under their minimum at the platform's commission.
                let commission = demoActions().compactMap { a -> Int? in
                    if case .set("platform.commission", let v) = a { return ShopSettings.parsePercentBP(v) } else { return nil }
                }.first ?? settings.commissionBP
                return .list(sku: sku, price: max(going, World.supplierMinimum(retail: product.typicalRetail, commissionBP: commission)))
            default:
                return .list(sku: sku, price: going)
            }
        }
    }

    /// Restock every 30 days: for each listing, buy by sea what sold in the last 30 days twice over, less what is on
    /// hand or on its way, in lots of at least the MOQ.
    public func calibrationRestock(_ strategy: CalibrationStrategy) -> [Action] {
        var actions: [Action] = []
        let since = day - 30
        var soldRecently = [Int](repeating: 0, count: catalogue.products.count)
        for order in orders.reversed() {
            guard order.day >= since else { break }
            if let p = productIndex[order.sku] { soldRecently[p] += order.quantity }
        }
        for listing in listings where listing.active {
            let product = catalogue.products[listing.product]
            let have = lots.filter { $0.product == listing.product }.reduce(0) { $0 + $1.onHand + $1.inTransit }
            let want = 2 * soldRecently[listing.product]
            guard want > have else { continue }
            let quantity = max(product.moq, want - have)
            let customs: CustomsMode = scenario.isImport ? .bonded : .overseasWarehouse
            let warehouse = scenario.isImport ? nil : (product.category == .apparel || product.category == .cosmetics ? "DE" : "US")
            let channel: Channel = strategy == .ignoreLandedCost ? .airFreight : .seaFreight
            actions.append(.buy(sku: product.id, quantity: quantity, channel: channel, customs: customs, warehouse: warehouse))
        }
        return actions
    }
}
