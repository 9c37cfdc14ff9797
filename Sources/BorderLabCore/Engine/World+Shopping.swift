/// The customers' day: who visits, what they are shown, what they choose, and the order that follows.
extension World {
    /// China's lowest annual CBEC limit ever in force (20,000 CNY, 2016–2018), in fen: below it the annual
    /// limit cannot bind, so the cached terms computed with an empty year are exact.
    static let annualLimitFloorFen: Int64 = 2_000_000

    mutating func shop(offers: DailyOffers, stats: inout DayStats) {
        let today = date()
        let countries = scenario.customerCountries
        var thresholds = [UInt64](repeating: 0, count: countries.count)
        for (ci, country) in countries.enumerated() {
            let p = World.baseVisitProbability * Season.factor(on: today, country: country)
            thresholds[ci] = p >= 1 ? UInt64.max : UInt64(p * 18_446_744_073_709_551_616.0)
        }
        // Pass 1, the hot loop: one counter-based draw per customer, no allocation.
        let key = rng.key(.visit, day: day)
        visitorScratch.removeAll(keepingCapacity: true)
        var visitors = visitorScratch
        visitorScratch = []
        population.country.withUnsafeBufferPointer { country in
            thresholds.withUnsafeBufferPointer { threshold in
                for c in 0..<country.count where CounterRNG.bits(key: key, entity: c) < threshold[Int(country[c])] {
                    visitors.append(Int32(c))
                }
            }
        }
        stats.visits = visitors.count
        // Pass 2: the visits, in customer order.
        let shownKey = rng.key(.shown, day: day)
        let choiceKey = rng.key(.choice, day: day)
        let quantityKey = rng.key(.quantity, day: day)
        for c32 in visitors {
            let c = Int(c32)
            let ci = Int(population.country[c])
            let si = Int(population.segment[c])
            let m = offers.listing[ci].count
            guard m > 0 else { continue }
            let shown = min(World.productsShownPerVisit, m)
            var picks = (-1, -1, -1, -1, -1)
            var count = 0
            var draw = 0
            var total = 1.0 // the no-purchase option
            let budget = population.budget[c]
            while count < shown && draw < 4 * shown {
                let pick = Int(CounterRNG.bits(key: shownKey, entity: c, index: draw).multipliedFullWidth(by: UInt64(m)).high)
                draw += 1
                if pick == picks.0 || pick == picks.1 || pick == picks.2 || pick == picks.3 || pick == picks.4 { continue }
                switch count {
                case 0: picks.0 = pick
                case 1: picks.1 = pick
                case 2: picks.2 = pick
                case 3: picks.3 = pick
                default: picks.4 = pick
                }
                count += 1
                if offers.landedMajor[ci][pick] <= budget { total += offers.weight[ci][si][pick] }
            }
            var u = CounterRNG.unit(CounterRNG.bits(key: choiceKey, entity: c)) * total - 1.0
            guard u >= 0 else { continue }
            var chosen = -1
            for k in 0..<count {
                let pick = k == 0 ? picks.0 : k == 1 ? picks.1 : k == 2 ? picks.2 : k == 3 ? picks.3 : picks.4
                guard offers.landedMajor[ci][pick] <= budget else { continue }
                u -= offers.weight[ci][si][pick]
                if u < 0 { chosen = pick; break }
            }
            if chosen < 0 { chosen = picks.0 } // rounding at the very top of the range
            let wantsTwo = CounterRNG.bits(key: quantityKey, entity: c) % 100 < 15
            placeOrder(customer: c, countryIndex: ci, offer: chosen, wantsTwo: wantsTwo, offers: offers, stats: &stats)
        }
        visitorScratch = visitors
    }

    mutating func placeOrder(customer c: Int, countryIndex ci: Int, offer k: Int, wantsTwo: Bool,
                             offers: DailyOffers, stats: inout DayStats) {
        let lotIndex = offers.lot[ci][k]
        let onHand = lots[lotIndex].onHand
        guard onHand > 0 else { stats.stockouts += 1; return }
        var quantity = wantsTwo && onHand >= 2 && offers.two[ci][k] != nil ? 2 : 1
        var terms = quantity == 2 ? offers.two[ci][k]! : offers.one[ci][k]
        let listing = listings[offers.listing[ci][k]]
        let product = catalogue.products[productIndex[listing.sku]!]
        if scenario.isImport {
            // China's annual CBEC limit is per person per calendar year.
            let year = Int16(date().year)
            if population.cbecYear[c] != year {
                population.cbecYear[c] = year
                population.cbecYearToDate[c] = 0
            }
            let ytd = population.cbecYearToDate[c]
            if ytd + terms.dutiableFen > World.annualLimitFloorFen {
                let lot = lots[lotIndex]
                guard let exact = checkoutTerms(product: product, country: offers.countries[ci], customs: lot.customs,
                                                location: lot.location, quantity: quantity, customerYearToDate: ytd) else {
                    stats.refusedByCustoms += 1
                    return
                }
                terms = exact
            }
            population.cbecYearToDate[c] = ytd + terms.dutiableFen
        }
        if quantity > onHand { quantity = onHand }
        let lot = lots[lotIndex]
        let cost = Money(minor: divideHalfUp(Int128(lot.costOnHand) * Int128(quantity), Int128(onHand)), scenario.homeCurrency)
        lots[lotIndex].onHand -= quantity
        lots[lotIndex].sold += quantity
        lots[lotIndex].costOnHand -= cost.minor
        if lots[lotIndex].onHand == 0 {
            events.append(WorldEvent(day: day, kind: "stock-out", detail: "\(lot.sku) sold out at \(lot.location)"))
        }
        let id = orders.count + 1
        let channel = lot.outbound
        let transit = rng.integer(in: channel.transitDays, .transit, day: day, entity: 1_000_000_000 + id)
        let grams = product.chargeableGrams * quantity
        let freightCost = channel.cost(chargeableGrams: grams)
        let country = offers.countries[ci]
        orders.append(Order(
            id: id, day: day, customer: c + 1, country: country, sku: lot.sku, quantity: quantity, lotID: lot.id,
            channel: channel, customs: lot.customs, goods: terms.goods, freight: .zero(terms.goods.currency),
            tax: terms.tax, taxScheme: terms.scheme, costHome: cost, promisedDays: channel.promisedDays,
            status: .shipped, deliveredDay: nil))
        shipments.append(Shipment(id: id, orderID: id, channel: channel, shipDay: day, dueDay: day + transit,
                                  chargeableGrams: grams, cost: freightCost, deliveredDay: nil, lost: false))
        World.schedule(&deliveriesDue, day: day + transit, id: id)
        // Payment: the provider captures goods + tax and settles later, net of its fee and the tax it remits.
        let international = country != "CN"
        let providerDraw = CounterRNG.bits(key: rng.key(.settlement, day: day), entity: id) % 100
        let provider: PaymentProvider = international
            ? (providerDraw < 65 ? .card : .paypal)
            : (providerDraw < 80 ? .cnWallet : .card)
        let amount = terms.goods + terms.tax
        let fee = provider.fee(on: amount, international: international,
                               converted: amount.currency != scenario.storefrontCurrency, rates: rates)
        let lag = rng.integer(in: provider.settlementDays, .settlement, day: day, entity: id, index: 1)
        payments.append(Payment(id: id, orderID: id, provider: provider.id, day: day, amount: amount, fee: fee,
                                tax: terms.tax, settleDay: day + lag, status: .captured, settledHome: nil))
        World.schedule(&settlementsDue, day: day + lag, id: id)
        ledger.post(day: day, kind: .sale, reference: id,
                    (.receivable, amount), (.revenue, -terms.goods), (.taxPayable, -terms.tax),
                    (.cogs, cost), (.inventory, -cost))
        ledger.post(day: day, kind: .shipping, reference: id, (.freightExpense, freightCost), (.cash, -freightCost))
        stats.orders += 1
        stats.units += quantity
    }
}
