/// An instructor event written in a scenario file: it happens on its date in every world made from that file.
///
/// Events are data in the log's header, so a replay (and the grader) sees the same shocks as the student did.
public struct ScheduledEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A currency jumps by `percent` against the CNY (then mean-reverts like any day's rate).
        case fxShock = "fx-shock"
        /// Ports in `country` (or ALL) stop for `days`: goods and parcels due there wait until the strike ends.
        case portStrike = "port-strike"
        /// Shoppers in `country` pay an extra `percent` of the goods value as duty at checkout for `days` (or for good).
        case policyChange = "policy-change"
        /// `supplier` stops for `days`: purchase orders not yet dispatched are cancelled and refunded, new ones refused.
        case supplierFailure = "supplier-failure"
        /// A review of `sku` goes viral: `stars` (1–5) moves shoppers towards or away from it for `days`.
        case viralReview = "viral-review"
        /// China takes `category` off the CBEC positive list for `days` (or for good): stock already bought can no
        /// longer be sold as cross-border retail, and no more may be bought or listed (cn-import).
        case positiveListRemoval = "positive-list-removal"
        /// China changes the CBEC limits to `per_transaction` and `annual` CNY for `days` (or for good) (cn-import).
        case cbecLimits = "cbec-limits"
        /// Card-fraud rings target the market for `days`: `percent` more fraud bots among card and PayPal checkouts
        /// (500: six times as many), so the dispute ratio climbs unless the shop screens payments.
        case fraudWave = "fraud-wave"
        /// `percent` of the shop's stock of `sku` on hand that day turns out counterfeit (a distributor slipped fakes
        /// into a batch): customers who get them complain and return them, and the regulator's spot checks can find
        /// them, until the shop stops selling the SKU.
        case counterfeitBatch = "counterfeit-batch"

        /// The fields this kind reads besides ``ScheduledEvent/commonFields`` (see each case's comment).
        public var fields: [String] {
            switch self {
            case .fxShock: ["currency", "percent"]
            case .portStrike: ["country", "days"]
            case .policyChange: ["country", "percent", "days"]
            case .supplierFailure: ["supplier", "days"]
            case .viralReview: ["sku", "stars", "days"]
            case .positiveListRemoval: ["category", "days"]
            case .cbecLimits: ["per_transaction", "annual", "days"]
            case .fraudWave: ["percent", "days"]
            case .counterfeitBatch: ["sku", "percent"]
            }
        }
    }

    public var date: SimDate
    public var kind: Kind
    public var currency: Currency?
    public var percent: Int?
    public var country: String?
    public var days: Int?
    public var supplier: String?
    public var sku: String?
    public var stars: Int?
    /// positive-list-removal: the category (`Category` raw value).
    public var category: String?
    /// cbec-limits: the new per-transaction and annual limits, whole CNY.
    public var perTransaction: Int?
    public var annual: Int?
    /// What the instructor wants students to read in the events table.
    public var note: String?

    public init(date: SimDate, kind: Kind, currency: Currency? = nil, percent: Int? = nil, country: String? = nil,
                days: Int? = nil, supplier: String? = nil, sku: String? = nil, stars: Int? = nil, note: String? = nil,
                category: String? = nil, perTransaction: Int? = nil, annual: Int? = nil) {
        self.date = date; self.kind = kind; self.currency = currency; self.percent = percent; self.country = country
        self.days = days; self.supplier = supplier; self.sku = sku; self.stars = stars; self.note = note
        self.category = category; self.perTransaction = perTransaction; self.annual = annual
    }

    /// How long the event lasts, days (strikes, failures and viral reviews default to 14, policies to the end).
    public var duration: Int { days ?? ([.policyChange, .positiveListRemoval, .cbecLimits].contains(kind) ? World.maxDays : 14) }

    /// What is wrong with one field of an event, and the fix.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The event's field at fault: `currency`, `days`, `date`, …
        public var field: String
        public var message: String

        public init(field: String, message: String) { self.field = field; self.message = message }

        public var description: String { "\(field): \(message)" }
    }

    /// Every event takes these fields, whatever its kind.
    public static let commonFields = ["date", "kind", "note"]

    /// Checks the fields the kind needs; returns the first thing wrong, or nil.
    public func problem(catalogue: Catalogue, scenario: Scenario) -> Problem? {
        problems(catalogue: catalogue, scenario: scenario).first
    }

    /// Checks the fields the kind needs; returns everything wrong, in field order.
    ///
    /// Without a scenario (the file names no valid preset) the checks that depend on the market are skipped.
    /// Fields the kind does not use are not checked here: old logs may carry them, and the engine ignores them;
    /// the scenario file parser refuses them.
    public func problems(catalogue: Catalogue, scenario: Scenario?) -> [Problem] {
        var found: [Problem] = []
        func add(_ field: String, _ message: String) { found.append(Problem(field: field, message: message)) }
        let market = scenario.map { " of the \($0.id) market" } ?? ""
        switch kind {
        case .fxShock:
            let others = Currency.allCases.filter { $0 != .CNY }.map(\.rawValue).joined(separator: ", ")
            if currency == nil || currency == .CNY { add("currency", "fx-shock needs a currency other than CNY (\(others))") }
            if let percent {
                if !(-50...100).contains(percent) { add("percent", "fx-shock percent \(percent) is out of range: write -50 to 100") }
                else if percent == 0 { add("percent", "fx-shock percent 0 moves nothing: write -50 to 100, not 0") }
            } else {
                add("percent", "fx-shock needs percent: how far the currency jumps against the CNY, e.g. -8")
            }
        case .portStrike:
            if let country, country != "ALL", Country.named(country) == nil {
                add("country", "port-strike names '\(country)', which is no country code; write one of \(Country.all.map(\.code).joined(separator: ", ")), or ALL")
            } else if country == nil {
                add("country", "port-strike needs country: a country code or ALL")
            }
        case .policyChange:
            if let scenario, country.map({ !scenario.customerCountries.contains($0) }) ?? true {
                add("country", "policy-change needs country: one of the shoppers' countries (\(scenario.customerCountries.joined(separator: ", ")))")
            } else if scenario == nil, country == nil {
                add("country", "policy-change needs country: one of the shoppers' countries")
            }
            if !(percent.map { (1...200).contains($0) } ?? false) { add("percent", "policy-change needs percent (extra duty) between 1 and 200") }
        case .supplierFailure:
            if let supplier {
                if let found = catalogue.supplier(supplier) {
                    if let scenario, !Self.inMarket(found, scenario) {
                        add("supplier", "supplier \(supplier) is in \(found.country.code) and does not sell to a \(scenario.id) shop; name one from `borderlab market suppliers` in a \(scenario.id) workspace")
                    }
                } else {
                    add("supplier", "supplier-failure names '\(supplier)', which is no supplier; see `borderlab market suppliers` for the ids")
                }
            } else {
                add("supplier", "supplier-failure needs supplier: a supplier id\(market) (see `borderlab market suppliers`)")
            }
        case .viralReview:
            if let problem = skuProblem(catalogue: catalogue, scenario: scenario,
                                        missing: "viral-review needs sku: a product\(market) (see `borderlab market offers`)") {
                add("sku", problem)
            }
            if !(stars.map { (1...5).contains($0) } ?? false) { add("stars", "viral-review needs stars between 1 and 5") }
        case .positiveListRemoval:
            if let scenario, !scenario.isImport {
                add("kind", "positive-list-removal is China's import rule: use it in a cn-import scenario")
            }
            if category.flatMap(Category.init(rawValue:)) == nil {
                add("category", "positive-list-removal needs category: one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        case .cbecLimits:
            if let scenario, !scenario.isImport {
                add("kind", "cbec-limits is China's import rule: use it in a cn-import scenario")
            }
            if !(perTransaction.map { (1...1_000_000).contains($0) } ?? false) {
                add("per_transaction", "cbec-limits needs per_transaction: the new per-order limit in whole CNY, 1 to 1000000 (today 5000)")
            }
            if !(annual.map { (1...10_000_000).contains($0) && $0 >= (perTransaction ?? 0) } ?? false) {
                add("annual", "cbec-limits needs annual: the new yearly limit in whole CNY, at least per_transaction and at most 10000000 (today 26000)")
            }
        case .counterfeitBatch:
            if let problem = skuProblem(catalogue: catalogue, scenario: scenario,
                                        missing: "counterfeit-batch needs sku: the product whose stock turns out counterfeit\(market)") {
                add("sku", problem)
            }
            if !(percent.map { (1...100).contains($0) } ?? false) {
                add("percent", "counterfeit-batch needs percent: the share of the stock on hand that is counterfeit, 1 to 100")
            }
        case .fraudWave:
            if !(percent.map { World.fraudWavePercent.contains($0) } ?? false) {
                add("percent", "fraud-wave needs percent: how many more fraud bots than usual, \(World.fraudWavePercent.lowerBound) to \(World.fraudWavePercent.upperBound) (500: six times as many)")
            }
        }
        if let days, !(1...World.maxDays).contains(days) { add("days", "\(kind.rawValue) lasts 1 to \(World.maxDays) days, not \(days)") }
        return found
    }

    /// Checks the date against the world's first day: an event before it would never happen, one too far after
    /// it would never be reached. The message says what is wrong; the caller adds the fix it can offer.
    public func problem(startDate: SimDate) -> Problem? {
        guard date >= startDate else {
            return Problem(field: "date", message: "it is dated \(date.iso), before the world starts on \(startDate.iso), so it would never happen")
        }
        guard date.daysSinceEpoch - startDate.daysSinceEpoch < World.maxDays else {
            return Problem(field: "date", message: "it is dated \(date.iso), after the last day a world can reach (\(World.maxDays) days from \(startDate.iso))")
        }
        return nil
    }

    /// What is wrong with the event's `sku`: missing (`missing` says what it needs), no product, or not sold in the
    /// scenario's market; nil when it names a product of that market.
    func skuProblem(catalogue: Catalogue, scenario: Scenario?, missing: String) -> String? {
        guard let sku else { return missing }
        guard let product = catalogue.product(sku) else {
            return "\(kind.rawValue) names '\(sku)', which is no product; see `borderlab market offers` for the SKUs"
        }
        if let scenario, !(catalogue.supplier(product.supplierID).map { Self.inMarket($0, scenario) } ?? false) {
            return "\(sku) is not sold in \(scenario.id); name one from `borderlab market offers` in a \(scenario.id) workspace"
        }
        return nil
    }

    /// True when the supplier sells to shops of the scenario: overseas suppliers for cn-import, Chinese for global-export.
    static func inMarket(_ supplier: Supplier, _ scenario: Scenario) -> Bool {
        (supplier.country.code == "CN") != scenario.isImport
    }
}
