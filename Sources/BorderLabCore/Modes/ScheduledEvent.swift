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
    /// What the instructor wants students to read in the events table.
    public var note: String?

    public init(date: SimDate, kind: Kind, currency: Currency? = nil, percent: Int? = nil, country: String? = nil,
                days: Int? = nil, supplier: String? = nil, sku: String? = nil, stars: Int? = nil, note: String? = nil) {
        self.date = date; self.kind = kind; self.currency = currency; self.percent = percent; self.country = country
        self.days = days; self.supplier = supplier; self.sku = sku; self.stars = stars; self.note = note
    }

    /// How long the event lasts, days (strikes, failures and viral reviews default to 14, policies to the end).
    public var duration: Int { days ?? (kind == .policyChange ? World.maxDays : 14) }

    /// Checks the fields the kind needs; returns what is wrong, or nil.
    public func problem(catalogue: Catalogue, scenario: Scenario) -> String? {
        if let days, !(1...World.maxDays).contains(days) { return "days must be between 1 and \(World.maxDays)" }
        switch kind {
        case .fxShock:
            guard let currency, currency != .CNY else { return "fx-shock needs a currency other than CNY (USD, EUR, JPY, GBP, AUD)" }
            guard let percent else { return "fx-shock needs percent: how far the currency jumps against the CNY, e.g. -8" }
            guard (-50...100).contains(percent) else { return "fx-shock percent \(percent) is out of range: write -50 to 100" }
            guard percent != 0 else { return "fx-shock percent 0 moves nothing: write -50 to 100, not 0" }
        case .portStrike:
            guard let country, country == "ALL" || Country.named(country) != nil else { return "port-strike needs country: a country code or ALL" }
        case .policyChange:
            guard let country, scenario.customerCountries.contains(country) else {
                return "policy-change needs country: one of the shoppers' countries (\(scenario.customerCountries.joined(separator: ", ")))"
            }
            guard let percent, (1...200).contains(percent) else { return "policy-change needs percent (extra duty) between 1 and 200" }
        case .supplierFailure:
            guard let supplier else { return "supplier-failure needs supplier: a supplier id of the market (see `borderlab market suppliers`)" }
            guard let found = catalogue.supplier(supplier) else {
                return "supplier-failure names '\(supplier)', which is no supplier; see `borderlab market suppliers` for the ids"
            }
            guard Self.inMarket(found, scenario) else {
                return "supplier \(supplier) is in \(found.country.code) and does not sell to a \(scenario.id) shop; name one from `borderlab market suppliers` in a \(scenario.id) workspace"
            }
        case .viralReview:
            guard let sku else { return "viral-review needs sku: a product of the market (see `borderlab market offers`)" }
            guard let product = catalogue.product(sku) else { return "viral-review names '\(sku)', which is no product; see `borderlab market offers` for the SKUs" }
            guard let maker = catalogue.supplier(product.supplierID), Self.inMarket(maker, scenario) else {
                return "\(sku) is not sold in \(scenario.id); name one from `borderlab market offers` in a \(scenario.id) workspace"
            }
            guard let stars, (1...5).contains(stars) else { return "viral-review needs stars between 1 and 5" }
        }
        return nil
    }

    /// Checks the date against the world's first day: an event before it would never happen.
    public func problem(startDate: SimDate) -> String? {
        guard date >= startDate else {
            return "it is dated \(date.iso), before the world starts on \(startDate.iso), so it would never happen; move it on or after the start date"
        }
        guard date.daysSinceEpoch - startDate.daysSinceEpoch < World.maxDays else {
            return "it is dated \(date.iso), after the last day a world can reach (\(World.maxDays) days from \(startDate.iso))"
        }
        return nil
    }

    /// True when the supplier sells to shops of the scenario: overseas suppliers for cn-import, Chinese for global-export.
    static func inMarket(_ supplier: Supplier, _ scenario: Scenario) -> Bool {
        (supplier.country.code == "CN") != scenario.isImport
    }
}
