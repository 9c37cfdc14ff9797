/// The daily tick: goods arrive, parcels are delivered, money settles, customers shop, prices are remembered.
extension World {
    /// Normal-day chance that a customer visits the storefront (DESIGN.md's standard workload: 5%).
    public static let baseVisitProbability = 0.05
    /// How many listed products one visit shows.
    public static let productsShownPerVisit = 5
    /// Weight of yesterday's reference price in the exponential smoothing (DOMAIN.md: α ≈ 0.7–0.9).
    static let referenceMemory = 0.8

    /// Simulates today and moves the world to tomorrow.
    mutating func simulateDay() {
        let today = date()
        var factors: [Double] = []
        for country in scenario.customerCountries {
            let peak = Season.peak(on: today, country: country)
            factors.append((peak?.factor ?? 1) * modeBook.trafficFactor)
            if let peak, peak.factor >= 2 {
                events.append(WorldEvent(day: day, kind: "season-peak", detail: "\(peak.name) in \(country): visits ×\(peak.factor)"))
            }
        }
        applyScheduledEvents()
        receiveArrivals()
        deliverParcels()
        settlePayments()
        customsDay()
        riskDay()
        serviceDay()
        modeDay()
        let offers = makeOffers()
        var stats = DayStats(day: day)
        shop(offers: offers, seasonFactors: factors, stats: &stats)
        rememberPrices(offers: offers)
        dayStats.append(stats)
        fxHistory.append(FXMarket.next(after: rates, day: day + 1, rng: rng))
        shockRates(ofDay: day + 1)
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
            batchArrived(purchaseOrder: id)
        }
    }

    mutating func deliverParcels() {
        guard day < deliveriesDue.count else { return }
        for id in deliveriesDue[day] {
            shipments[id - 1].deliveredDay = day
            let orderID = shipments[id - 1].orderID
            orders[orderID - 1].status = .delivered
            orders[orderID - 1].deliveredDay = day
            parcelDelivered(order: orderID)
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
