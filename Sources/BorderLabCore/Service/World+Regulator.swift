/// The market regulator's monthly spot checks of listed goods, recalls and fines.
///
/// On the first day of each month the regulator may test a random listed SKU that has stock. It samples a few units;
/// if any is counterfeit, all stock of that SKU is recalled (written off), the listing is delisted and the shop pays a
/// fine (`fines`).
extension World {
    /// Chance of a spot check in a month, basis points (*assumption*: ~25%).
    static let spotCheckBP = 2_500
    /// Units the regulator samples from the shelf (*assumption*).
    static let spotCheckSample = 5
    /// Fine as a multiple of the goods value of the counterfeit units already sold (*assumption*: 5×).
    static let fineMultiple: Int64 = 5
    /// Lowest fine (*assumption*: 10,000 CNY, or its home-currency equivalent at the day's mid rate).
    public static let minimumFine = Money(major: 10_000, .CNY)

    /// The first day of a month: maybe a spot check.
    mutating func regulatorDay() {
        guard day > 0, date().day == 1 else { return }
        guard rng.uniform(.regulator, day: day, entity: 0) * 10_000 < Double(World.spotCheckBP) else { return }
        let candidates = listings.indices.filter { li in
            listings[li].active && lots.contains { $0.product == listings[li].product && $0.onHand > 0 }
        }
        guard !candidates.isEmpty else { return }
        let listing = candidates[rng.integer(in: 0...(candidates.count - 1), .regulator, day: day, entity: 0, index: 1)]
        spotCheck(listing: listing)
    }

    /// Tests a listed SKU's stock: counterfeit units found ⇒ recall, delisting and a fine.
    mutating func spotCheck(listing li: Int) {
        growServiceArrays()
        let product = listings[li].product
        let lotIndices = lots.indices.filter { lots[$0].product == product }
        var onHand = lotIndices.reduce(0) { $0 + lots[$1].onHand }
        var fakes = lotIndices.reduce(0) { $0 + min(serviceBook.counterfeitUnits[$1], lots[$1].onHand) }
        let sampled = min(World.spotCheckSample, onHand)
        var found = 0
        for i in 0..<sampled {
            if rng.uniform(.regulator, day: day, entity: 1, index: i) * Double(onHand) < Double(fakes) { found += 1; fakes -= 1 }
            onHand -= 1
        }
        let sku = listings[li].sku
        let id = serviceBook.regulatorActions.count + 1
        guard found > 0 else {
            serviceBook.regulatorActions.append(RegulatorAction(id: id, day: day, sku: sku, sampled: sampled, counterfeitFound: 0,
                                                                unitsRecalled: 0, fineHome: 0, outcome: "passed"))
            events.append(WorldEvent(day: day, kind: "regulator-check", detail: "\(sku): \(sampled) units tested, none counterfeit"))
            return
        }
        var recalled = 0
        var soldValue = Int64(0)
        for l in lotIndices {
            recalled += lots[l].onHand
            writeOffOnHand(lot: l, units: lots[l].onHand)
            serviceBook.counterfeitUnits[l] = 0
            soldValue += serviceBook.counterfeitDeliveredValue[l]
            serviceBook.counterfeitDeliveredValue[l] = 0 // fined now: a later recall fines only later sales
        }
        let home = scenario.homeCurrency
        let floor = rates.convert(World.minimumFine, to: home)
        let fine = Money(minor: max(soldValue * World.fineMultiple, floor.minor), home)
        payCharge(fine, to: .fines, kind: .fine, reference: id)
        listings[li].active = false
        serviceBook.regulatorActions.append(RegulatorAction(id: id, day: day, sku: sku, sampled: sampled, counterfeitFound: found,
                                                            unitsRecalled: recalled, fineHome: fine.minor, outcome: "recall"))
        events.append(WorldEvent(day: day, kind: "regulator-recall",
                                 detail: "\(sku): \(found) of \(sampled) tested units counterfeit; \(recalled) units recalled, fine \(fine), listing delisted"))
    }
}
