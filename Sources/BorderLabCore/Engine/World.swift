/// The whole simulated world at one moment: the market, the shop, its customers and its books.
///
/// A `World` is built from a ``WorldHeader`` and changed only by ``apply(_:progress:)``. It is a value:
/// the same header and the same actions give an equal world on every run (DESIGN.md invariant 2).
public struct World: Sendable {
    public let header: WorldHeader
    public let scenario: Scenario
    public let catalogue: Catalogue
    public let rng: CounterRNG

    /// Days elapsed since the start date; the world stands at the beginning of this day.
    public internal(set) var day = 0
    /// FX mid rates, one entry per day up to and including today.
    public internal(set) var fxHistory: [FXRates]
    public internal(set) var ledger = Ledger()
    public internal(set) var listings: [Listing] = []
    public internal(set) var lots: [StockLot] = []
    public internal(set) var purchaseOrders: [PurchaseOrder] = []
    public internal(set) var orders: [Order] = []
    public internal(set) var shipments: [Shipment] = []
    public internal(set) var payments: [Payment] = []
    public internal(set) var reviews: [Review] = []
    public internal(set) var events: [WorldEvent] = []
    public internal(set) var dayStats: [DayStats] = []
    public internal(set) var population: Population
    /// The shop's business mode (from the header).
    public let mode: ShopMode
    public internal(set) var settings = ShopSettings()
    /// Customs holds of parcels and batches (World+Customs).
    public internal(set) var customsBook = CustomsBook()
    /// Fraud, chargebacks, disputes and currency conversions (World+Risk).
    public internal(set) var riskBook = RiskBook()
    /// Tickets, returns, inspections, supplier checks and the regulator (World+Service).
    public internal(set) var serviceBook = ServiceBook()
    /// What the non-stock modes keep: agreements, platform members, clicks (World+Modes).
    public internal(set) var modeBook = ModeBook()

    /// Work queued by day: arrivals, deliveries and settlements fall due on a given day.
    var arrivalsDue: [[Int]] = []
    var deliveriesDue: [[Int]] = []
    var settlementsDue: [[Int]] = []
    var listingIndex: [String: Int] = [:]
    var productIndex: [String: Int] = [:]
    /// Checkout terms cached per listing and country (see ``TermsKey``): `termsCache[listing][country]`.
    var termsCache: [[CachedTerms?]] = []
    /// The key of each cache entry alone (`termsKeys[listing][country]`): a small value to compare without copying the terms.
    var termsKeys: [[TermsKey?]] = []
    /// For each catalogue product, its index in `listings`, or -1.
    var listingOfProduct: [Int] = []
    var visitorScratch: [Int32] = []

    /// Builds day 0 of a world: FX opening rates, the customer population and the opening capital.
    public init(header: WorldHeader, catalogue: Catalogue = .standard) throws(EngineError) {
        guard let scenario = Scenario.named(header.scenario) else { throw .unknownScenario(header.scenario) }
        guard (1...World.maxCustomers).contains(header.customers) else { throw .badCustomers(header.customers) }
        guard header.startDate >= World.earliestStart, header.startDate <= World.latestStart else {
            throw .badStartDate(header.startDate.iso)
        }
        let modes = ShopMode.modes(for: scenario)
        guard let mode = ShopMode(rawValue: header.mode), modes.contains(mode) else {
            throw .unknownMode(header.mode, scenario: scenario.id, allowed: modes.map(\.rawValue))
        }
        self.mode = mode
        self.header = header
        self.scenario = scenario
        self.catalogue = catalogue
        self.rng = CounterRNG(seed: header.seed)
        self.fxHistory = [FXMarket.opening(rng: rng)]
        self.population = World.makePopulation(scenario: scenario, count: header.customers, rng: rng)
        for (i, product) in catalogue.products.enumerated() { productIndex[product.id] = i }
        listingOfProduct = [Int](repeating: -1, count: catalogue.products.count)
        // An exercise may give the shop other capital than the preset's (recorded in the header); only in the home currency.
        let startingCash = header.startingCash.flatMap { $0.currency == scenario.homeCurrency ? $0 : nil } ?? scenario.startingCash
        ledger.post(day: 0, kind: .openingCapital, reference: 0,
                    (.cash, startingCash), (.equity, -startingCash))
        try checkEvents()
        shockRates(ofDay: 0)
        prepareMode()
    }

    /// The calendar date of `day` (today when omitted).
    public func date(_ day: Int? = nil) -> SimDate { header.startDate.adding(days: day ?? self.day) }

    /// Today's FX rates.
    public var rates: FXRates { fxHistory[day] }

    public func product(_ sku: String) -> Product? { productIndex[sku].map { catalogue.products[$0] } }

    public func listing(_ sku: String) -> Listing? { listingIndex[sku].map { listings[$0] } }

    /// Cash on hand in one currency.
    public func cash(_ currency: Currency) -> Money { ledger.balance(.cash, currency) }

    /// Applies one action.
    ///
    /// - Parameter progress: called after each simulated day of an `advance` with (days done, days asked).
    /// - Throws: ``EngineError`` when the action is not allowed; the world is then unchanged.
    public mutating func apply(_ action: Action, progress: ((Int, Int) -> Void)? = nil) throws(EngineError) {
        switch action {
        case .buy(let sku, let quantity, let channel, let customs, let warehouse):
            try buy(sku: sku, quantity: quantity, channel: channel, customs: customs, warehouse: warehouse)
        case .list(let sku, let price):
            try list(sku: sku, price: price)
        case .reprice(let sku, let price):
            try reprice(sku: sku, price: price)
        case .delist(let sku):
            guard let index = listingIndex[sku], listings[index].active else { throw .notListed(sku) }
            listings[index].active = false
        case .set(let key, let value):
            try applySetting(key: key, value: value)
        case .releaseHold(let id):
            try releaseHold(id: id)
        case .convert(let amount, let to):
            try convert(amount, to: to)
        case .replyTicket(let id, let action):
            try replyTicket(id: id, action: action)
        case .inspect(let po, let aql):
            try inspect(purchaseOrder: po, aql: aql)
        case .verifySupplier(let id):
            try verifySupplier(id)
        case .answer, .hint, .setupEnd:
            // Exercise bookkeeping read by the checker from the log; the world does not change.
            break
        case .signSupplier(let id):
            try signSupplier(id)
        case .advance(let days):
            guard (1...World.maxDays).contains(days) else { throw .badDays(days) }
            guard day + days <= World.maxDays else { throw .worldTooLong(day: day, days: days) }
            reserveForDays(days)
            for done in 1...days {
                simulateDay()
                progress?(done, days)
            }
        }
    }

    /// Limits that keep an untrusted log (a hostile submission) from exhausting time or memory.
    public static let maxCustomers = 1_000_000
    public static let maxPurchaseQuantity = 10_000_000
    public static let maxDays = 3_660
    public static let earliestStart = SimDate(year: 2019, month: 1, day: 1)!
    public static let latestStart = SimDate(year: 2035, month: 12, day: 31)!

    /// Makes room in the growing tables for about `days` more days at a typical conversion, to spare repeated copies.
    mutating func reserveForDays(_ days: Int) {
        let expected = Int(Double(population.count * days) * World.baseVisitProbability * 0.2)
        orders.reserveCapacity(orders.count + expected)
        shipments.reserveCapacity(shipments.count + expected)
        payments.reserveCapacity(payments.count + expected)
        ledger.reserve(expected * 12)
    }

    static func makePopulation(scenario: Scenario, count: Int, rng: CounterRNG) -> Population {
        var population = Population()
        population.country.reserveCapacity(count)
        let countries = scenario.customerCountries
        for c in 0..<count {
            let u = Int(rng.bits(.population, day: 0, entity: c, index: 0) % 10_000)
            var acc = 0
            var ci = countries.count - 1
            for (i, entry) in scenario.customerMix.enumerated() {
                acc += entry.shareBP
                if u < acc { ci = i; break }
            }
            let segments = CustomerSegment.segments(for: countries[ci])
            let v = Int(rng.bits(.population, day: 0, entity: c, index: 1) % 10_000)
            acc = 0
            var si = segments.count - 1
            for (i, entry) in segments.enumerated() {
                acc += entry.shareBP
                if v < acc { si = i; break }
            }
            let z = rng.normal(.population, day: 0, entity: c, index: 2)
            population.country.append(UInt8(ci))
            population.segment.append(UInt8(si))
            population.budget.append(segments[si].segment.medianBudget * budgetScale(countries[ci]) * DeterministicMath.exp(0.6 * z))
            population.cbecYearToDate.append(0)
            population.cbecYear.append(0)
        }
        population.members = (0..<countries.count).map { ci in
            (0..<count).filter { Int(population.country[$0]) == ci }.map { Int32($0) }
        }
        return population
    }

    /// Budgets are written in the shopper's currency; JPY needs its own scale.
    static func budgetScale(_ country: String) -> Double { country == "JP" ? 150 : 1 }
}
