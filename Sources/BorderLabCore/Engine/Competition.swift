/// Competing sellers: the going price of a product, what other shops charge for the same or a similar item.
///
/// The level is a multiple of the catalogue's typical retail price (DOMAIN.md, "Economics of a real cross-border shop"):
/// - **Entry**: each category starts with a number of competing sellers and gains more each year; the level falls from
///   its opening multiple towards a floor as `base / (base + entrants)`: the paper's "the price difference loses its
///   stability as competitors multiply" (§3.2).
/// - **Season**: on a peak day competitors discount, 5% per unit of the peak's visit multiple above 1, at most 15%
///   (Singles' Day, Black Friday, 618).
/// - **FX**: competitors buy in the supplier's currency and pass half of a move against the retail currency through.
///
/// The opening multiples are *assumptions* set so that a shop listing at the going price and buying in bulk by sea
/// earns the gross margins of the real trade (30–50% before fees; README, "Calibration"): Chinese import marketplaces
/// sell well under the old 3× landed cost, Western marketplaces nearer the list price.
public struct CompetitorLevel: Sendable, Equatable {
    /// Competing sellers in the category at day 0 and entering per year.
    public let base: Int
    public let perYear: Int

    public static func of(_ category: Category) -> CompetitorLevel {
        switch category {
        case .cosmetics: CompetitorLevel(base: 12, perYear: 10)
        case .infantFormula: CompetitorLevel(base: 8, perYear: 5)
        case .supplements: CompetitorLevel(base: 10, perYear: 8)
        case .kitchenware: CompetitorLevel(base: 6, perYear: 4)
        case .electronics: CompetitorLevel(base: 10, perYear: 8)
        case .apparel: CompetitorLevel(base: 15, perYear: 12)
        case .watches: CompetitorLevel(base: 4, perYear: 2)
        case .jewellery: CompetitorLevel(base: 5, perYear: 2)
        }
    }

    /// Sellers competing on day `day` (whole sellers: one enters every 365 / perYear days).
    public func sellers(onDay day: Int) -> Int { base + max(0, day) * perYear / 365 }
}

extension World {
    /// Opening going price, basis points of typical retail: imports into China, exports abroad (*assumptions*).
    static let goingOpenBP = (import: 7_700, export: 12_000)
    /// How far entry can push the level below the opening multiple, basis points of typical retail.
    static let goingErosionBP = 1_500
    /// Share of an FX move competitors pass into their prices.
    static let fxPassThrough = 0.5

    /// The competitors' discount on a day in a customer country: 5% per unit of the season peak's multiple above 1,
    /// at most 15%.
    func competitorSeasonDiscount(country: String, day d: Int) -> Double {
        guard let peak = Season.peak(on: date(d), country: country), peak.factor > 1 else { return 0 }
        return min(0.15, 0.05 * (peak.factor - 1))
    }

    /// The going price of catalogue product `p` as a fraction of its typical retail price.
    func goingLevel(product p: Int, seasonDiscount: Double, day d: Int) -> Double {
        let product = catalogue.products[p]
        let open = scenario.isImport ? World.goingOpenBP.import : World.goingOpenBP.export
        let level = CompetitorLevel.of(product.category)
        var x = (Double(open - World.goingErosionBP) + Double(World.goingErosionBP) * Double(level.base) / Double(level.sellers(onDay: d))) / 10_000
        x *= 1 - seasonDiscount
        let cost = costCurrencyOfProduct[p], retail = product.typicalRetail.currency
        if cost != retail {
            let now = Double(fxHistory[d].mid(cost)) / Double(fxHistory[d].mid(retail))
            let then = Double(fxHistory[0].mid(cost)) / Double(fxHistory[0].mid(retail))
            x *= 1 + World.fxPassThrough * (now / then - 1)
        }
        return x
    }

    /// The going price level of a product on a day (today by default) in a customer country (the first by default),
    /// basis points of its typical retail price.
    public func goingLevelBP(product: Product, country: String? = nil, day d: Int? = nil) -> Int {
        let d = max(0, min(d ?? day, fxHistory.count - 1))
        guard let p = productIndex[product.id] else { return 10_000 }
        let discount = competitorSeasonDiscount(country: country ?? scenario.customerCountries[0], day: d)
        return Int((goingLevel(product: p, seasonDiscount: discount, day: d) * 10_000).rounded())
    }

    /// The going price of a product (today unless `day` is given), in the currency of its typical retail price,
    /// rounded half-up once to the minor unit.
    public func goingPrice(_ product: Product, country: String? = nil, day d: Int? = nil) -> Money {
        product.typicalRetail.basisPoints(goingLevelBP(product: product, country: country, day: d))
    }

    /// Competing sellers in a category today (or on `day`).
    public func competitors(in category: Category, day d: Int? = nil) -> Int {
        CompetitorLevel.of(category).sellers(onDay: d ?? day)
    }
}
