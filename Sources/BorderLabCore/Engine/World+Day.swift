#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The daily tick: goods arrive, parcels are delivered, money settles, customers shop, prices are remembered.
extension World {
    /// Normal-day chance that a customer visits the storefront (DESIGN.md's standard workload: 5%).
    public static let baseVisitProbability = 0.05
    /// How many listed products one visit shows.
    public static let productsShownPerVisit = 5
    /// Share of reviews left after delivery (*assumption*).
    static let reviewBP = 2_500
    /// Weight of yesterday's reference price in the exponential smoothing (DOMAIN.md: α ≈ 0.7–0.9).
    static let referenceMemory = 0.8

    /// Simulates today and moves the world to tomorrow.
    mutating func simulateDay() {
        let today = date()
        var factors: [Double] = []
        for country in scenario.customerCountries {
            let peak = Season.peak(on: today, country: country)
            factors.append(peak?.factor ?? 1)
            if let peak, peak.factor >= 2 {
                events.append(WorldEvent(day: day, kind: "season-peak", detail: "\(peak.name) in \(country): visits ×\(peak.factor)"))
            }
        }
        receiveArrivals()
        deliverParcels()
        settlePayments()
        let offers = makeOffers()
        var stats = DayStats(day: day)
        shop(offers: offers, seasonFactors: factors, stats: &stats)
        rememberPrices(offers: offers)
        dayStats.append(stats)
        fxHistory.append(FXMarket.next(after: rates, day: day + 1, rng: rng))
        day += 1
    }

    mutating func receiveArrivals() {
        guard day < arrivalsDue.count else { return }
        for id in arrivalsDue[day] {
            let po = purchaseOrders[id - 1]
            purchaseOrders[id - 1].status = .received
            let l = po.lotID - 1
            lots[l].inTransit -= po.quantity
            lots[l].onHand += po.quantity
            lots[l].received += po.quantity
            lots[l].costOnHand += po.landedHome.minor
            events.append(WorldEvent(day: day, kind: "stock-arrived",
                                     detail: "PO-\(id): \(po.quantity) × \(po.sku) at \(lots[l].location)"))
        }
    }

    mutating func deliverParcels() {
        guard day < deliveriesDue.count else { return }
        for id in deliveriesDue[day] {
            shipments[id - 1].deliveredDay = day
            let orderID = shipments[id - 1].orderID
            orders[orderID - 1].status = .delivered
            orders[orderID - 1].deliveredDay = day
            let lotIndex = orders[orderID - 1].lotID - 1
            let productIndex = lots[lotIndex].product
            let index = listingOfProduct[productIndex]
            guard CounterRNG.bits(key: rng.key(.review, day: day), entity: orderID) % 10_000 < World.reviewBP, index >= 0 else { continue }
            let order = orders[orderID - 1]
            let quality = catalogue.products[productIndex].quality
            let onTime = day - order.day <= order.promisedDays
            let noise = rng.normal(.review, day: day, entity: orderID, index: 1)
            let raw = 1.0 + 4.0 * quality + 0.7 * noise - (onTime ? 0 : 1.5)
            let stars = min(5, max(1, Int(raw.rounded(.toNearestOrAwayFromZero))))
            reviews.append(Review(id: reviews.count + 1, orderID: orderID, sku: order.sku, day: day, stars: stars, onTime: onTime))
            listings[index].reviewCount += 1
            listings[index].starSum += stars
        }
    }

    mutating func settlePayments() {
        guard day < settlementsDue.count else { return }
        let home = scenario.homeCurrency
        for id in settlementsDue[day] {
            let p = payments[id - 1]
            let net = p.amount - p.fee - p.tax
            ledger.open()
            ledger.line(.paymentFees, p.fee, day: day, kind: .settlement, reference: id)
            ledger.line(.taxPayable, p.tax, day: day, kind: .settlement, reference: id)
            ledger.line(.receivable, -p.amount, day: day, kind: .settlement, reference: id)
            if p.amount.currency == home {
                ledger.line(.cash, net, day: day, kind: .settlement, reference: id)
                payments[id - 1].settledHome = net
            } else {
                // The provider pays out in the home currency: the conversion passes through FX clearing.
                let netHome = rates.convert(net, to: home, spreadBP: FXMarket.spreadBP)
                ledger.line(.fxClearing, net, day: day, kind: .settlement, reference: id)
                ledger.line(.cash, netHome, day: day, kind: .settlement, reference: id)
                ledger.line(.fxClearing, -netHome, day: day, kind: .settlement, reference: id)
                payments[id - 1].settledHome = netHome
            }
            ledger.close()
            payments[id - 1].status = .settled
        }
    }

    /// Exponential smoothing of the landed prices shoppers saw today, as multiples of typical retail.
    mutating func rememberPrices(offers: DailyOffers) {
        for ci in 0..<offers.countries.count {
            for (k, listing) in offers.listing[ci].enumerated() {
                let old = listings[listing].reference[ci]
                listings[listing].reference[ci] = World.referenceMemory * old + (1 - World.referenceMemory) * offers.ratio[ci][k]
            }
        }
    }
}
