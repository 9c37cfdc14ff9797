/// The instructor's scheduled events (scenario file), applied at the start of their day.
extension World {
    /// Checks the header's events when the world is built.
    ///
    /// A header comes from a log the grader did not write, so it gets every check a scenario file gets: each event's
    /// fields, its date within the world's days, and the list as a whole (count, compounded shocks).
    func checkEvents() throws(EngineError) {
        if header.events.count > EventLimits.maxEvents, let problem = EventLimits.problem(header.events) {
            throw .badEvents(problem: problem.message)
        }
        for (i, event) in header.events.enumerated() {
            if let problem = event.problem(catalogue: catalogue, scenario: scenario) ?? event.problem(startDate: header.startDate) {
                throw .badEvent(index: i, problem: problem.message)
            }
        }
        if let problem = EventLimits.problem(header.events) { throw .badEvents(problem: problem.message) }
    }

    mutating func applyScheduledEvents() {
        let today = date()
        // A policy that ends today changes checkout terms again.
        if modeBook.offPositiveListUntil.contains(day) || modeBook.limitsUntil == day {
            modeBook.termsEpoch += 1
            if modeBook.limitsUntil == day { modeBook.limitsOverride = nil }
        }
        for (i, event) in header.events.enumerated() where event.date == today {
            start(event, index: i)
        }
        holdForStrikes()
    }

    mutating func start(_ event: ScheduledEvent, index: Int) {
        let until = day + event.duration
        let note = event.note.map { " — \($0)" } ?? ""
        switch event.kind {
        case .fxShock:
            // The rate itself moved when the day's rates were made (``shockRates(ofDay:)``).
            events.append(WorldEvent(day: day, kind: "fx-shock", detail: "\(event.currency!) moves \(event.percent!)% against CNY\(note)"))
        case .portStrike:
            modeBook.strikes.append((event.country!, until))
            events.append(WorldEvent(day: day, kind: "port-strike",
                                     detail: "ports in \(event.country!) stop for \(event.duration) days: goods and parcels wait\(note)"))
        case .policyChange:
            guard let ci = scenario.customerCountries.firstIndex(of: event.country!) else { return }
            modeBook.policySurchargeBP[ci] = event.percent! * 100
            modeBook.policyUntil[ci] = until
            modeBook.termsEpoch += 1
            events.append(WorldEvent(day: day, kind: "policy-change",
                                     detail: "shoppers in \(event.country!) pay \(event.percent!)% extra duty for \(event.duration) days\(note)"))
        case .supplierFailure:
            failSupplier(event.supplier!, until: until)
            events.append(WorldEvent(day: day, kind: "supplier-failure",
                                     detail: "\(event.supplier!) stops for \(event.duration) days; its purchase orders not yet dispatched are cancelled and refunded\(note)"))
        case .positiveListRemoval:
            guard let category = event.category.flatMap(Category.init(rawValue:)) else { return }
            modeBook.offPositiveListUntil[category.ordinal] = until
            modeBook.termsEpoch += 1
            let stranded = lots.filter { catalogue.products[$0.product].category == category && !$0.onDemand }
                .reduce(0) { $0 + $1.onHand + $1.inTransit }
            events.append(WorldEvent(day: day, kind: "positive-list-removal",
                                     detail: "\(category.rawValue) leaves China's CBEC positive list for \(event.duration) days: \(stranded) units in stock or on their way can no longer be sold as cross-border retail\(note)"))
        case .cbecLimits:
            let limits = CBECLimits(perTransaction: Money(major: Int64(event.perTransaction!), .CNY), annual: Money(major: Int64(event.annual!), .CNY))
            modeBook.limitsOverride = limits
            modeBook.limitsUntil = until
            modeBook.termsEpoch += 1
            events.append(WorldEvent(day: day, kind: "cbec-limits",
                                     detail: "China's CBEC limits become \(limits.perTransaction) per order and \(limits.annual) a year for \(event.duration) days\(note)"))
        case .counterfeitBatch:
            guard let p = productIndex[event.sku!] else { return }
            growServiceArrays()
            var fakes = 0
            for l in lots.indices where lots[l].product == p && lots[l].onHand > 0 {
                let found = lots[l].onHand * event.percent! / 100
                serviceBook.counterfeitUnits[l] = min(lots[l].onHand, serviceBook.counterfeitUnits[l] + found)
                fakes += found
            }
            events.append(WorldEvent(day: day, kind: "counterfeit-batch",
                                     detail: "\(fakes) units of \(event.sku!) on the shelf are counterfeit: a distributor slipped fakes into a batch\(note)"))
        case .fraudWave:
            modeBook.fraudWavePercent = event.percent!
            modeBook.fraudWaveUntil = until
            events.append(WorldEvent(day: day, kind: "fraud-wave",
                                     detail: "card-fraud rings target the market for \(event.duration) days: \(event.percent!)% more fraud bots among card and PayPal checkouts\(note)"))
        case .viralReview:
            let sku = event.sku!
            guard let p = productIndex[sku] else { return }
            let stars = event.stars!
            modeBook.viralBonus[p] = Double(stars - 3) * 0.5
            modeBook.viralUntil[p] = until
            events.append(WorldEvent(day: day, kind: "viral-review", detail: "a \(stars)-star review of \(sku) goes viral for \(event.duration) days\(note)"))
        }
    }

    /// Applies the fx-shock events of a day to that day's rates, as they are made (so every action of the day sees them).
    mutating func shockRates(ofDay d: Int) {
        let when = date(d)
        for event in header.events where event.kind == .fxShock && event.date == when {
            let i = FXRates.index(event.currency!)
            let before = Int128(fxHistory[d].micro[i])
            // Int128 and a clamp: the compounded shocks are bounded (``EventLimits``), so the clamp never bites on an
            // accepted header; it only keeps a trap out of the engine if a limit is ever loosened.
            let after = before + before * Int128(event.percent!) / 100
            fxHistory[d].micro[i] = Int64(min(max(1, after), Int128(FXMarket.maxRateMicro)))
        }
    }

    /// Goods and parcels due today at a port on strike wait until the strike ends.
    mutating func holdForStrikes() {
        modeBook.strikes.removeAll { $0.until <= day }
        guard !modeBook.strikes.isEmpty else { return }
        func struck(_ country: String) -> Int? {
            modeBook.strikes.filter { $0.country == "ALL" || $0.country == country }.map(\.until).max()
        }
        if day < arrivalsDue.count {
            var keep: [Int] = []
            for id in arrivalsDue[day] {
                let po = purchaseOrders[id - 1]
                let place = String(lots[po.lotID - 1].location.split(separator: ":").last ?? "")
                let origin = catalogue.supplier(po.supplierID)?.country.code ?? ""
                if let until = struck(origin) ?? struck(place) { World.schedule(&arrivalsDue, day: until, id: id) } else { keep.append(id) }
            }
            arrivalsDue[day] = keep
        }
        if day < deliveriesDue.count {
            var keep: [Int] = []
            for id in deliveriesDue[day] {
                let order = orders[shipments[id - 1].orderID - 1]
                if let until = struck(order.country) { World.schedule(&deliveriesDue, day: until, id: id) } else { keep.append(id) }
            }
            deliveriesDue[day] = keep
        }
    }

    /// A supplier stops: purchase orders it has not dispatched are cancelled and refunded in full.
    mutating func failSupplier(_ id: String, until: Int) {
        guard let s = catalogue.suppliers.firstIndex(where: { $0.id == id }) else { return }
        modeBook.supplierDownUntil[s] = until
        for i in purchaseOrders.indices where purchaseOrders[i].supplierID == id && purchaseOrders[i].status == .ordered
            && purchaseOrders[i].dispatchDay > day {
            let po = purchaseOrders[i]
            purchaseOrders[i].status = .cancelled
            // An inspection booked for the batch will not happen.
            for k in serviceBook.inspections.indices where serviceBook.inspections[k].purchaseOrderID == po.id && serviceBook.inspections[k].day == nil {
                serviceBook.inspections[k].outcome = "cancelled"
            }
            let l = po.lotID - 1
            lots[l].inTransit -= po.quantity
            lots[l].purchased -= po.quantity
            if po.arrivalDay < arrivalsDue.count { arrivalsDue[po.arrivalDay].removeAll { $0 == po.id } }
            ledger.post(day: day, kind: .purchase, reference: po.id, (.cash, po.landedHome), (.inventory, -po.landedHome))
        }
    }

    /// The extra duty a policy-change event puts on shoppers of country index `ci` today, in basis points.
    func policySurchargeBP(countryIndex ci: Int) -> Int {
        guard ci < modeBook.policyUntil.count, modeBook.policyUntil[ci] > day else { return 0 }
        return modeBook.policySurchargeBP[ci]
    }

    /// True when a product may clear as CBEC retail today: on the positive list, and its category not taken off it by
    /// an instructor's positive-list-removal event.
    public func onPositiveList(_ product: Product) -> Bool {
        product.positiveList && (modeBook.offPositiveListUntil.isEmpty || modeBook.offPositiveListUntil[product.category.ordinal] <= day)
    }

    /// The CBEC limits an instructor's cbec-limits event sets, while it lasts (nil: the rule book's).
    public var cbecLimitsOverride: CBECLimits? { modeBook.limitsUntil > day ? modeBook.limitsOverride : nil }

    /// The CBEC limits checkout and quotes apply on the world's date: an instructor's cbec-limits event while it lasts,
    /// else the rule book's (nil outside the CBEC regime's dates).
    public var cbecLimitsInForce: CBECLimits? { cbecLimitsOverride ?? RuleBook.cbecLimits.value(on: date()) }

    /// The day a failed supplier works again, or nil when it works.
    func supplierDown(_ supplierID: String) -> Int? {
        guard let s = catalogue.suppliers.firstIndex(where: { $0.id == supplierID }), modeBook.supplierDownUntil[s] > day else { return nil }
        return modeBook.supplierDownUntil[s]
    }
}
