/// The customers' day: who visits, what they are shown, what they choose, and the order that follows.
extension World {
    /// China's lowest annual CBEC limit ever in force (20,000 CNY, 2016–2018), in fen: below it the annual
    /// limit cannot bind, so the cached terms computed with an empty year are exact.
    static let annualLimitFloorFen: Int64 = 2_000_000

    mutating func shop(offers: DailyOffers, seasonFactors: [Double], stats: inout DayStats) {
        let countries = scenario.customerCountries
        // Pass 1: who visits. Each customer visits with probability p (5% × the day's season factor in their
        // country), independently. Rather than one draw per customer, the gaps between visitors are drawn:
        // for independent Bernoulli(p) trials the gap is geometric, ⌊ln(1 − u) / ln(1 − p)⌋, which samples
        // exactly the same process with one draw per visitor instead of one per customer.
        visitorScratch.removeAll(keepingCapacity: true)
        var visitors = visitorScratch
        visitorScratch = []
        for ci in countries.indices {
            let members = population.members[ci]
            let p = World.baseVisitProbability * seasonFactors[ci]
            if p >= 1 {
                visitors.append(contentsOf: members)
                continue
            }
            let key = rng.key(.visit, day: day &* 64 &+ ci)
            let logMiss = DeterministicMath.log(1 - p)
            var position = -1
            var k = 0
            while true {
                let u = CounterRNG.unit(CounterRNG.first(key: key, entity: k))
                k += 1
                let gap = DeterministicMath.log(1 - u) / logMiss
                guard gap < Double(members.count) else { break }
                position += Int(gap) + 1
                guard position < members.count else { break }
                visitors.append(members[position])
            }
        }
        stats.visits = visitors.count
        // Pass 2: the visits, country by country, in customer order within a country.
        let shownKey = rng.key(.shown, day: day)
        let choiceKey = rng.key(.choice, day: day)
        let quantityKey = rng.key(.quantity, day: day)
        let countryOf = population.country, segmentOf = population.segment, budgets = population.budget
        let segmentCount = offers.segmentCount
        let flatLanded = offers.flatLanded, flatWeight = offers.flatWeight, offerCount = offers.count, stride = offers.stride
        for c32 in visitors {
            let c = Int(c32)
            let ci = Int(countryOf[c])
            let si = Int(segmentOf[c])
            let m = offerCount[ci]
            guard m > 0 else { continue }
            let landedBase = stride * ci
            let weightBase = stride * (ci * segmentCount + si)
            let shown = min(World.productsShownPerVisit, m)
            var picks = (-1, -1, -1, -1, -1)
            var count = 0
            var draw = 0
            var total = 1.0 // the no-purchase option
            let budget = budgets[c]
            let visitKey = CounterRNG.mix(shownKey ^ UInt64(c))
            while count < shown && draw < 4 * shown {
                let pick = Int(CounterRNG.mix(visitKey &+ UInt64(draw)).multipliedFullWidth(by: UInt64(m)).high)
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
                if flatLanded[landedBase + pick] <= budget { total += flatWeight[weightBase + pick] }
            }
            var u = CounterRNG.unit(CounterRNG.first(key: choiceKey, entity: c)) * total - 1.0
            guard u >= 0 else { continue }
            var chosen = -1
            for k in 0..<count {
                let pick = k == 0 ? picks.0 : k == 1 ? picks.1 : k == 2 ? picks.2 : k == 3 ? picks.3 : picks.4
                guard flatLanded[landedBase + pick] <= budget else { continue }
                u -= flatWeight[weightBase + pick]
                if u < 0 { chosen = pick; break }
            }
            if chosen < 0 { chosen = picks.0 } // rounding at the very top of the range
            let wantsTwo = CounterRNG.first(key: quantityKey, entity: c) % 100 < 15
            placeOrder(customer: c, countryIndex: ci, offer: chosen, wantsTwo: wantsTwo, offers: offers, stats: &stats)
        }
        visitorScratch = visitors
    }

    mutating func placeOrder(customer c: Int, countryIndex ci: Int, offer k: Int, wantsTwo: Bool,
                             offers: DailyOffers, stats: inout DayStats) {
        let lotIndex = offers.lot[ci][k]
        let onDemand = lots[lotIndex].onDemand
        // An on-demand lot (daigou, direct-delivery, rebate) is bought or called off only after the order.
        let onHand = onDemand ? 2 : lots[lotIndex].onHand
        guard onHand > 0 else { stats.stockouts += 1; return }
        let productIndex = offers.product[ci][k]
        let unitGrams = catalogue.products[productIndex].chargeableGrams
        let twoFit = lots[lotIndex].outbound.maxParcelGrams.map { 2 * unitGrams <= $0 } ?? true
        var quantity = wantsTwo && twoFit && onHand >= 2 && offers.two[ci][k] != nil ? 2 : 1
        var terms = quantity == 2 ? offers.two[ci][k]! : offers.one[ci][k]
        if scenario.isImport {
            // China's annual CBEC limit is per person per calendar year.
            let year = Int16(date().year)
            if population.cbecYear[c] != year {
                population.cbecYear[c] = year
                population.cbecYearToDate[c] = 0
            }
            let ytd = population.cbecYearToDate[c]
            if ytd + terms.dutiableFen > World.annualLimitFloorFen {
                guard let exact = checkoutTerms(product: catalogue.products[productIndex], country: offers.countries[ci],
                                                customs: lots[lotIndex].customs, location: lots[lotIndex].location,
                                                quantity: quantity, customerYearToDate: ytd) else {
                    stats.refusedByCustoms += 1
                    return
                }
                terms = exact
            }
            population.cbecYearToDate[c] = ytd + terms.dutiableFen
        }
        if quantity > onHand { quantity = onHand }
        // The provider is drawn on the order's id (as before the risk mechanics); screening needs to know it.
        let id = orders.count + 1
        let international = offers.international[ci]
        let providerDraw = CounterRNG.bits(key: rng.key(.settlement, day: day), entity: id) % 100
        let provider: PaymentProvider = international
            ? (providerDraw < 65 ? .card : .paypal)
            : (providerDraw < 80 ? .cnWallet : .card)
        // A rebate site takes no payment (the shopper pays the merchant), so there is nothing to screen.
        let screen = mode == .rebate ? PaymentScreen()
            : screenPayment(customer: c, countryIndex: ci, amount: terms.landed, cardNotPresent: international || providerDraw >= 80)
        guard screen.proceed else { stats.declinedAtVerification += 1; return }
        let extraDays = onDemand ? sourceOnDemand(lot: lotIndex, quantity: quantity) : 0
        let cost = Money(minor: divideHalfUp(Int128(lots[lotIndex].costOnHand) * Int128(quantity), Int128(lots[lotIndex].onHand)),
                         scenario.homeCurrency)
        lots[lotIndex].onHand -= quantity
        lots[lotIndex].sold += quantity
        lots[lotIndex].costOnHand -= cost.minor
        if lots[lotIndex].onHand == 0 && !onDemand {
            events.append(WorldEvent(day: day, kind: "stock-out", detail: "\(lots[lotIndex].sku) sold out at \(lots[lotIndex].location)"))
        }
        let channel = lots[lotIndex].outbound
        var transit = extraDays + rng.integer(in: channel.transitDays, .transit, day: day, entity: 1_000_000_000 + id)
        if CounterRNG.unit(rng.bits(.transit, day: day, entity: 1_000_000_000 + id, index: 1)) * 10_000 < Double(channel.late.shareBP) {
            transit += rng.integer(in: 1...channel.late.maxDays, .transit, day: day, entity: 1_000_000_000 + id, index: 2)
        }
        let grams = unitGrams * quantity
        // Suppliers and merchants pay their own parcels in the agent modes.
        let agent = mode == .directDelivery || mode == .rebate
        let freightCost = agent ? Money.zero(.CNY) : channel.cost(chargeableGrams: grams)
        let country = offers.countries[ci]
        orders.append(Order(
            id: id, day: day, customer: c + 1, country: country, sku: lots[lotIndex].sku, quantity: quantity, lotID: lotIndex + 1,
            channel: channel, customs: lots[lotIndex].customs, goods: terms.goods, freight: .zero(terms.goods.currency),
            tax: terms.tax, taxScheme: terms.scheme, costHome: cost, promisedDays: channel.promisedDays + extraDays,
            status: .shipped, deliveredDay: nil))
        shipments.append(Shipment(id: id, orderID: id, channel: channel, shipDay: day, dueDay: day + transit,
                                  chargeableGrams: grams, cost: freightCost, deliveredDay: nil, lost: false))
        dispatchParcel(order: id, arrivalDay: day + transit)
        if mode == .rebate {
            // The shopper paid the merchant; the site earns a commission the merchant pays after confirmation.
            let (commission, _) = attribute(order: id, sku: lots[lotIndex].sku, goods: terms.goods,
                                            category: catalogue.products[productIndex].category)
            payments.append(Payment(id: id, orderID: id, provider: PaymentProvider.merchant.id, day: day, amount: commission,
                                    fee: .zero(commission.currency), tax: .zero(commission.currency),
                                    settleDay: day + World.commissionConfirmDays, status: .captured, settledHome: nil))
            World.schedule(&settlementsDue, day: day + World.commissionConfirmDays, id: id)
            stats.orders += 1
            stats.units += quantity
            return
        }
        // Payment: the provider captures goods + tax (+ a daigou fee) and settles later, net of its fee and the tax it remits.
        let amount = terms.landed
        let fee = provider.fee(on: amount, international: international,
                               converted: amount.currency != scenario.storefrontCurrency, rates: rates)
        let lag = rng.integer(in: provider.settlementDays, .settlement, day: day, entity: id, index: 1)
        payments.append(Payment(id: id, orderID: id, provider: provider.id, day: day, amount: amount, fee: fee,
                                tax: terms.tax, settleDay: day + lag, status: .captured, settledHome: nil,
                                riskScore: screen.score, fraud: screen.fraud, verified: screen.verified))
        World.schedule(&settlementsDue, day: day + lag, id: id)
        ledger.open()
        ledger.line(.receivable, amount, day: day, kind: .sale, reference: id)
        if mode == .directDelivery {
            // The platform sells as an agent: its commission is income, the rest is owed to the supplier.
            let commission = terms.goods.basisPoints(settings.commissionBP)
            modeBook.commissionBPAtSale.append(settings.commissionBP)
            ledger.line(.feeRevenue, -commission, day: day, kind: .sale, reference: id)
            ledger.line(.supplierPayable, commission - terms.goods, day: day, kind: .sale, reference: id)
        } else {
            ledger.line(.revenue, -terms.goods, day: day, kind: .sale, reference: id)
            ledger.line(.feeRevenue, -terms.fee, day: day, kind: .sale, reference: id)
        }
        ledger.line(.taxPayable, -terms.tax, day: day, kind: .sale, reference: id)
        ledger.line(.cogs, cost, day: day, kind: .sale, reference: id)
        ledger.line(.inventory, -cost, day: day, kind: .sale, reference: id)
        ledger.close()
        ledger.open()
        ledger.line(.freightExpense, freightCost, day: day, kind: .shipping, reference: id)
        ledger.line(.cash, -freightCost, day: day, kind: .shipping, reference: id)
        ledger.close()
        stats.orders += 1
        stats.units += quantity
    }
}
