/// What the storefront offers each customer country today: the in-stock listings, their checkout terms and
/// each segment's choice weight exp(V). Built once a day so that a visit only looks numbers up.
struct DailyOffers {
    let countries: [String]
    /// Per country: indices into `World.listings` of the listings a shopper there can buy today.
    var listing: [[Int]] = []
    /// Per country: whether its shoppers pay a foreign merchant (international card fees).
    var international: [Bool] = []
    /// Per country, aligned with `listing`: the product (index into `Catalogue.products`).
    var product: [[Int]] = []
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

    // Flat copies for the visit loop: index `stride × country + k` and `stride × (country × segments + segment) + k`.
    var count: [Int] = []
    var stride = 0
    var segmentCount = 0
    var flatLanded: [Double] = []
    var flatWeight: [Double] = []

    /// Lays the per-country rows out flat, so a visit reads two contiguous arrays.
    mutating func flatten() {
        count = listing.map(\.count)
        stride = max(1, count.max() ?? 1)
        segmentCount = weight.map(\.count).max() ?? 0
        flatLanded = [Double](repeating: .infinity, count: stride * countries.count)
        flatWeight = [Double](repeating: 0, count: stride * countries.count * max(1, segmentCount))
        for ci in 0..<countries.count {
            for (k, value) in landedMajor[ci].enumerated() { flatLanded[stride * ci + k] = value }
            for (si, row) in weight[ci].enumerated() {
                for (k, value) in row.enumerated() { flatWeight[stride * (ci * segmentCount + si) + k] = value }
            }
        }
    }
}

/// A cache key for checkout terms: they change only with the price, the route and the rules in force.
struct TermsKey: Hashable {
    let unitMinor: Int64
    let overseas: Bool
    let ruleEpoch: Int
    /// Mode settings and instructor policies in force (see ``ModeBook/termsEpoch``).
    let modeEpoch: Int
}

/// Checkout terms for one and two units, valid while the key holds.
struct CachedTerms {
    let key: TermsKey
    let one: CheckoutTerms?
    let two: CheckoutTerms?
}

extension World {
    /// Builds today's offers. Checkout terms are cached per listing and country (see ``TermsKey``).
    mutating func makeOffers() -> DailyOffers {
        let countries = scenario.customerCountries
        var offers = DailyOffers(countries: countries)
        let epoch = RuleBook.epoch(on: date())
        var modeEpoch = modeBook.termsEpoch &* 1_024
        for ci in countries.indices where policySurchargeBP(countryIndex: ci) > 0 { modeEpoch |= 1 << ci }
        while termsCache.count < listings.count {
            termsCache.append([CachedTerms?](repeating: nil, count: countries.count))
            termsKeys.append([TermsKey?](repeating: nil, count: countries.count))
        }
        // The best lot per listing and country: in stock, serving the country, fastest promise, lowest id.
        var best = [Int](repeating: -1, count: listings.count * countries.count)
        for l in lots.indices where lots[l].onHand > 0 || (lots[l].onDemand && supplierDown(catalogue.products[lots[l].product].supplierID) == nil) {
            let li = listingOfProduct[lots[l].product]
            guard li >= 0, listings[li].active else { continue }
            let mask = lots[l].servesMask
            let promise = lots[l].outbound.promisedDays + lots[l].extraDays
            for ci in countries.indices where mask & (1 << UInt32(ci)) != 0 {
                let current = best[li * countries.count + ci]
                if current < 0 || promise < lots[current].outbound.promisedDays + lots[current].extraDays { best[li * countries.count + ci] = l }
            }
        }
        for (ci, country) in countries.enumerated() {
            let segments = CustomerSegment.segments(for: country)
            var listingRow: [Int] = [], productRow: [Int] = [], lotRow: [Int] = [], oneRow: [CheckoutTerms] = [], twoRow: [CheckoutTerms?] = []
            var landedRow: [Double] = [], ratioRow: [Double] = []
            var weights = [[Double]](repeating: [], count: segments.count)
            let currency = Country.named(country)?.currency ?? scenario.homeCurrency
            for li in listings.indices {
                let l = best[li * countries.count + ci]
                guard l >= 0 else { continue }
                let p = listings[li].product
                let unit = rates.convert(listings[li].price, to: currency)
                let key = TermsKey(unitMinor: unit.minor, overseas: lots[l].location.hasPrefix("overseas:"), ruleEpoch: epoch, modeEpoch: modeEpoch)
                // Field reads of the cache entry, not copies of it (two terms with their strings, per listing and day).
                if termsKeys[li][ci] != key {
                    let product = catalogue.products[p]
                    termsKeys[li][ci] = key
                    termsCache[li][ci] = CachedTerms(
                        key: key,
                        one: checkoutTerms(product: product, country: country, customs: lots[l].customs, location: lots[l].location, quantity: 1, customerYearToDate: 0),
                        two: checkoutTerms(product: product, country: country, customs: lots[l].customs, location: lots[l].location, quantity: 2, customerYearToDate: 0))
                }
                guard let single = termsCache[li][ci].unsafelyUnwrapped.one else { continue }
                let typical = rates.convert(catalogue.products[p].typicalRetail, to: currency).approximateMajor
                let landed = single.landed.approximateMajor
                let x = landed / typical
                listingRow.append(li); productRow.append(p); lotRow.append(l); oneRow.append(single); twoRow.append(termsCache[li][ci].unsafelyUnwrapped.two)
                landedRow.append(landed); ratioRow.append(x)
                let reviewCount = listings[li].reviewCount
                let rating = reviewCount == 0 ? 0 : Double(listings[li].starSum) / Double(reviewCount) - 3
                let logRatio = DeterministicMath.log(x)
                let refGap = DeterministicMath.log(listings[li].reference[ci]) - logRatio
                let quality = catalogue.products[p].quality - 0.7
                let category = catalogue.products[p].category.ordinal
                let reviews = DeterministicMath.log(1 + Double(reviewCount))
                let days = Double(lots[l].outbound.promisedDays + lots[l].extraDays)
                let bonus = serviceChoiceBonus(listing: li) + modeChoiceBonus(listing: li)
                for si in segments.indices {
                    let s = segments[si].segment
                    let reference = refGap >= 0 ? s.referenceWeight * refGap : CustomerSegment.lossAversion * s.referenceWeight * refGap
                    let v = s.asc + s.betaPrice * logRatio + s.betaQuality * quality + s.betaRating * rating
                        + s.betaReviews * reviews + s.betaDays * days + reference + s.affinity[category] + bonus
                    weights[si].append(DeterministicMath.exp(v))
                }
            }
            offers.international.append(country != "CN")
            offers.listing.append(listingRow); offers.product.append(productRow); offers.lot.append(lotRow); offers.one.append(oneRow); offers.two.append(twoRow)
            offers.landedMajor.append(landedRow); offers.ratio.append(ratioRow); offers.weight.append(weights)
        }
        offers.flatten()
        return offers
    }
}

extension Category {
    /// Position in `allCases`, without building the array.
    var ordinal: Int {
        switch self {
        case .cosmetics: 0
        case .infantFormula: 1
        case .supplements: 2
        case .kitchenware: 3
        case .electronics: 4
        case .apparel: 5
        case .watches: 6
        case .jewellery: 7
        }
    }
}
