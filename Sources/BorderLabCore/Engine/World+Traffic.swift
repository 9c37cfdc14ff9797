#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The traffic a retail shop earns and buys, and the marketplace it sells on (README, "Calibration").
///
/// A shop's visits are `base visit probability × factor` per customer and day, where the factor is
/// - **organic**: a new shop is found by few shoppers; visits grow with its assortment in stock, its reviews and rating,
///   its verified badges and how its prices compare with the going price (a marketplace's search ranking), and fall
///   with stock-outs (fewer listings in stock) and bad reviews;
/// - **paid**: `shop set marketing.daily_budget` buys clicks at a cost per click, with diminishing returns (the
///   shoppers a campaign can reach in a day are limited), booked as marketing expense.
public struct TrafficDrivers: Sendable, Equatable, Encodable {
    /// Listings in stock, and the assortment factor √min(1, n / 30).
    public let listingsInStock: Int
    public let assortment: Double
    /// (0.25 + 0.75 × ln(1 + reviews) / ln(1001)) × rating factor ((stars − 1) / 3, within 0.2–1.33).
    public let reputation: Double
    /// 1 + 0.3 × the share of listings with a verified badge.
    public let badges: Double
    /// The mean of (going price / own price)², within 0.2–1.5.
    public let price: Double
    /// Organic visits relative to the full market's base rate.
    public let organic: Double
    /// Paid visits expected today.
    public let paidVisits: Double

    enum CodingKeys: String, CodingKey {
        case listingsInStock = "listings_in_stock", assortment, reputation, badges, price, organic, paidVisits = "paid_visits"
    }
}

extension World {
    /// Organic traffic of an empty new shop and of a shop with full pull, relative to the base visit probability
    /// (*assumptions*, calibrated so a sensible shop converts 1–6% of visits and reaches well under half the market).
    static let organicFloor = 0.03
    static let organicCeiling = 1.0
    /// Listings for a full assortment and reviews for a full reputation (*assumptions*).
    static let assortmentFull = 30.0
    static let reviewsFull = 1_000.0
    /// The largest share of the population paid campaigns reach in a day (*assumption*): paid visits are
    /// reach × (1 − e^(−clicks / reach)), so each extra yuan buys fewer visits.
    static let paidReachShare = 0.02
    /// Cost per click (DOMAIN.md: a few CNY on Chinese marketplaces, about 0.5–2 USD abroad).
    public static let costPerClickImport = Money(minor: 200, .CNY)
    public static let costPerClickExport = Money(minor: 80, .USD)

    /// Marketplace commission on a self-operated B2C shop's sales, basis points by category (*assumption* from the
    /// published schedules): a Chinese cross-border marketplace (Tmall Global, JD Worldwide) 2–8%; abroad an
    /// Amazon-style referral fee, 8–17% (DOMAIN.md, "Economics of a real cross-border shop").
    public static func marketplaceCommissionBP(_ category: Category, isImport: Bool) -> Int {
        if isImport {
            switch category {
            case .infantFormula, .electronics: return 200
            case .watches: return 300
            case .cosmetics, .supplements: return 400
            case .kitchenware, .apparel: return 500
            case .jewellery: return 800
            }
        }
        switch category {
        case .electronics, .cosmetics, .supplements, .infantFormula: return 800
        case .kitchenware: return 1_500
        case .watches: return 1_600
        case .apparel: return 1_700
        case .jewellery: return 2_000
        }
    }

    /// The marketplace's annual service fee, charged on day 0 and every 365 days (*assumption*: a small seller's tier,
    /// e.g. JD Worldwide's 1,000 USD a year; Amazon's professional plan 39.99 USD a month).
    public static func marketplaceAnnualFee(isImport: Bool) -> Money {
        isImport ? Money(major: 6_000, .CNY) : Money(minor: 47_988, .USD)
    }

    /// True for the modes that run their own storefront and earn their traffic.
    var earnsTraffic: Bool { mode.holdsStock || mode == .daigou }

    /// What drives today's organic traffic (see ``TrafficDrivers``).
    public func trafficDrivers() -> TrafficDrivers {
        var inStock = [Bool](repeating: false, count: catalogue.products.count)
        for lot in lots where lot.onHand > 0 || lot.onDemand { inStock[lot.product] = true }
        var n = 0, reviews = 0, stars = 0, badged = 0
        var priceSum = 0.0
        for (i, listing) in listings.enumerated() {
            reviews += listing.reviewCount
            stars += listing.starSum
            guard listing.active, inStock[listing.product] else { continue }
            n += 1
            if serviceChoiceBonus(listing: i) > 0 { badged += 1 }
            let product = catalogue.products[listing.product]
            let going = rates.convert(goingPrice(product), to: listing.price.currency)
            let ratio = Double(going.minor) / Double(max(1, listing.price.minor))
            priceSum += min(1.5, ratio * ratio)
        }
        let assortment = (min(1, Double(n) / World.assortmentFull)).squareRoot()
        let rating = reviews == 0 ? 1 : min(1.34, max(0.2, (Double(stars) / Double(reviews) - 1) / 3))
        let reputation = (0.25 + 0.75 * min(1, log(1 + Double(reviews)) / log(1 + World.reviewsFull))) * rating
        let badges = 1 + 0.3 * (n == 0 ? 0 : Double(badged) / Double(n))
        let price = n == 0 ? 1 : min(1.5, max(0.2, priceSum / Double(n)))
        let organic = World.organicFloor + (World.organicCeiling - World.organicFloor) * assortment * reputation * badges * price
        return TrafficDrivers(listingsInStock: n, assortment: assortment, reputation: reputation, badges: badges, price: price,
                              organic: organic, paidVisits: modeBook.paidVisits)
    }

    /// Visits today relative to the base rate, for a shop that earns its traffic.
    func earnedTrafficFactor() -> Double {
        let drivers = trafficDrivers()
        let organic = Double(max(1, population.count)) * World.baseVisitProbability
        let circle = mode == .daigou && settings.circleOfFriends ? World.circleOfFriendsTraffic : 1
        return drivers.organic * circle + drivers.paidVisits / organic
    }

    /// Today's paid campaign: the budget is spent when the shop has the cash, and buys visits with diminishing returns.
    mutating func buyMarketing() {
        modeBook.paidVisits = 0
        guard let budget = settings.marketingBudgetPerDay, cash(scenario.homeCurrency) >= budget else { return }
        let cpc = rates.convert(scenario.isImport ? World.costPerClickImport : World.costPerClickExport, to: scenario.homeCurrency)
        let clicks = Double(budget.minor) / Double(max(1, cpc.minor))
        let reach = max(1, World.paidReachShare * Double(population.count))
        modeBook.paidVisits = reach * (1 - exp(-clicks / reach))
        modeBook.traffic.append(TrafficDay(day: day, spend: budget, clicks: Int(clicks), botClicks: 0))
        ledger.post(day: day, kind: .marketing, reference: day, (.marketingExpense, budget), (.cash, -budget))
    }

    /// The marketplace's annual fee, on day 0 and each anniversary, for a self-operated B2C shop.
    mutating func payMarketplaceFee() {
        guard mode.holdsStock, day % 365 == 0 else { return }
        payCharge(World.marketplaceAnnualFee(isImport: scenario.isImport), to: .marketplaceFees, kind: .marketplaceFee, reference: day / 365 + 1)
    }
}
