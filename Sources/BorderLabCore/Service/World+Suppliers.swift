/// Supplier qualification documents, counterfeit batches and verified badges.
///
/// Each world draws, from its seed, which suppliers' documents are fake (never shown in the `suppliers` table). A
/// purchase from such a supplier may be a counterfeit batch. `market verify SUPPLIER` pays for a check and records the
/// finding; listings from suppliers verified genuine show a "verified" badge that shoppers value.
extension World {
    /// Share of suppliers with fake qualification documents, basis points (*assumption*: ~15%).
    static let fakeDocumentsBP = 1_500
    /// Share of purchases from a fake-document supplier that are counterfeit batches, basis points (*assumption*: ~40%).
    static let counterfeitBatchBP = 4_000
    /// Fee of one document verification, CNY (*assumption*: ~800 CNY for a third-party business-licence and
    /// certificate check).
    public static let verificationFee = Money(major: 800, .CNY)
    /// Utility of a "verified" badge in every segment's choice (*assumption*: +0.3; DOMAIN.md: badges matter most when rare).
    static let badgeUtility = 0.3

    /// Whether each catalogue supplier's documents are fake, in catalogue order: a pure function of the seed.
    ///
    /// Each supplier draws on its own; then each side of the market (overseas suppliers for cn-import, Chinese ones for
    /// global-export) gets at least one fake: if none drew one, the supplier with the lowest draw on that side is fake.
    func supplierDocumentsFake() -> [Bool] {
        let draws = catalogue.suppliers.indices.map { rng.uniform(.counterfeit, day: 0, entity: $0, index: 0) }
        var fake = draws.map { $0 * 10_000 < Double(World.fakeDocumentsBP) }
        for chinese in [true, false] {
            let side = catalogue.suppliers.indices.filter { (catalogue.suppliers[$0].country.code == "CN") == chinese }
            guard !side.contains(where: { fake[$0] }), let lowest = side.min(by: { draws[$0] < draws[$1] }) else { continue }
            fake[lowest] = true
        }
        return fake
    }

    /// `verify-supplier`: checks a supplier's qualification documents for a fee and records what was found.
    mutating func verifySupplier(_ id: String) throws(EngineError) {
        guard let index = catalogue.suppliers.firstIndex(where: { $0.id == id }),
              (catalogue.suppliers[index].country.code == "CN") != scenario.isImport else { throw .unknownSupplier(id) }
        if let done = serviceBook.supplierChecks.first(where: { $0.supplierID == id }) {
            throw .alreadyVerified(supplier: id, genuine: done.genuine)
        }
        let home = scenario.homeCurrency
        let fee = World.verificationFee.currency == home
            ? World.verificationFee : rates.cost(of: World.verificationFee, in: home, spreadBP: FXMarket.spreadBP)
        let cash = cash(home)
        guard fee <= cash else { throw .cannotAfford(needed: fee, available: cash) }
        let paid = payCharge(World.verificationFee, to: .serviceCosts, kind: .supplierVerification, reference: serviceBook.supplierChecks.count + 1)
        let genuine = !supplierDocumentsFake()[index]
        serviceBook.supplierChecks.append(SupplierCheck(id: serviceBook.supplierChecks.count + 1, day: day, supplierID: id,
                                                        genuine: genuine, feeHome: paid.minor))
        events.append(WorldEvent(day: day, kind: genuine ? "supplier-verified" : "supplier-fake-documents",
                                 detail: genuine ? "\(id): documents genuine; its listings show a verified badge"
                                                 : "\(id): documents fake; its batches may be counterfeit"))
        refreshBadges()
    }

    /// Recomputes the badge utility of every listing (after a verification, and daily for new listings).
    mutating func refreshBadges() {
        guard !serviceBook.supplierChecks.isEmpty else { return }
        let verified = Set(serviceBook.supplierChecks.filter(\.genuine).map(\.supplierID))
        serviceBook.badgeBonus = listings.map {
            verified.contains(catalogue.products[$0.product].supplierID) ? World.badgeUtility : 0
        }
    }

    /// True when the listing's supplier has been verified genuine.
    public func hasVerifiedBadge(listing: Int) -> Bool { serviceChoiceBonus(listing: listing) > 0 }
}
