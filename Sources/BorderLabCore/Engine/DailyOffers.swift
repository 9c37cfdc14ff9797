#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the storefront offers each customer country today: the in-stock listings, their checkout terms and
/// each segment's choice weight exp(V). Built once a day so that a visit only looks numbers up.
struct DailyOffers {
    let countries: [String]
    /// Per country: indices into `World.listings` of the listings a shopper there can buy today.
    var listing: [[Int]] = []
    /// Per country, aligned with `listing`: the lot (index into `World.lots`) that would ship.
    var lot: [[Int]] = []
    /// Per country: checkout terms for one unit and for two units.
    var one: [[CheckoutTerms]] = []
    var two: [[CheckoutTerms?]] = []
    /// Per country: landed price of one unit in major units of the shopper's currency.
    var landedMajor: [[Double]] = []
    /// Per country: landed price as a multiple of typical retail.
    var ratio: [[Double]] = []
    /// Per country, per segment: exp(V) aligned with `listing`.
    var weight: [[[Double]]] = []
}

/// A cache key for checkout terms: they change only with the price, the quantity, the route and the rules in force.
struct TermsKey: Hashable {
    let product: Int
    let country: Int
    let unitMinor: Int64
    let overseas: Bool
    let ruleEpoch: Int
}

extension World {
    /// Builds today's offers. Checkout terms are cached across days (see ``TermsKey``).
    mutating func makeOffers() -> DailyOffers {
        let countries = scenario.customerCountries
        var offers = DailyOffers(countries: countries)
        let epoch = RuleBook.epoch(on: date())
        // The best lot per listing and country: in stock, serving the country, fastest promise, lowest id.
        var best = [[Int]](repeating: [Int](repeating: -1, count: listings.count), count: countries.count)
        for (l, lot) in lots.enumerated() where lot.onHand > 0 {
            guard let li = listingIndex[lot.sku], listings[li].active else { continue }
            for (ci, country) in countries.enumerated() where lot.serves.contains(country) {
                let current = best[ci][li]
                if current < 0 || lot.outbound.promisedDays < lots[current].outbound.promisedDays { best[ci][li] = l }
            }
        }
        for (ci, country) in countries.enumerated() {
            let segments = CustomerSegment.segments(for: country)
            var listingRow: [Int] = [], lotRow: [Int] = [], oneRow: [CheckoutTerms] = [], twoRow: [CheckoutTerms?] = []
            var landedRow: [Double] = [], ratioRow: [Double] = []
            var weights = [[Double]](repeating: [], count: segments.count)
            let currency = Country.named(country)?.currency ?? scenario.homeCurrency
            for (li, listing) in listings.enumerated() where best[ci][li] >= 0 {
                let lot = lots[best[ci][li]]
                let p = productIndex[listing.sku]!
                let product = catalogue.products[p]
                let unit = rates.convert(listing.price, to: currency)
                let key = TermsKey(product: p, country: ci, unitMinor: unit.minor, overseas: lot.location.hasPrefix("overseas:"), ruleEpoch: epoch)
                let terms: (CheckoutTerms?, CheckoutTerms?)
                if let cached = termsCache[key] {
                    terms = cached
                } else {
                    terms = (checkoutTerms(product: product, country: country, customs: lot.customs, location: lot.location, quantity: 1, customerYearToDate: 0),
                             checkoutTerms(product: product, country: country, customs: lot.customs, location: lot.location, quantity: 2, customerYearToDate: 0))
                    termsCache[key] = terms
                }
                guard let single = terms.0 else { continue }
                let typical = rates.convert(product.typicalRetail, to: currency).approximateMajor
                let landed = single.landed.approximateMajor
                let x = landed / typical
                listingRow.append(li); lotRow.append(lot.id - 1); oneRow.append(single); twoRow.append(terms.1)
                landedRow.append(landed); ratioRow.append(x)
                let rating = listing.rating.map { $0 - 3 } ?? 0
                let logRatio = log(x)
                let refGap = log(listing.reference[ci]) - logRatio
                for (si, entry) in segments.enumerated() {
                    let s = entry.segment
                    let reference = refGap >= 0 ? s.referenceWeight * refGap : CustomerSegment.lossAversion * s.referenceWeight * refGap
                    let v = s.asc + s.betaPrice * logRatio + s.betaQuality * (product.quality - 0.7) + s.betaRating * rating
                        + s.betaReviews * log(1 + Double(listing.reviewCount)) + s.betaDays * Double(lot.outbound.promisedDays)
                        + reference + s.affinity[categoryOrdinal(product.category)]
                    weights[si].append(exp(v))
                }
            }
            offers.listing.append(listingRow); offers.lot.append(lotRow); offers.one.append(oneRow); offers.two.append(twoRow)
            offers.landedMajor.append(landedRow); offers.ratio.append(ratioRow); offers.weight.append(weights)
        }
        return offers
    }

    func categoryOrdinal(_ category: Category) -> Int { Category.allCases.firstIndex(of: category)! }
}
