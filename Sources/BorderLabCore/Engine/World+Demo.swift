/// Ready-made shops: the tour's demo shop, and the benchmark's standard workload.
extension World {
    /// A sensible opening for the shop's mode: what the tour does and what the year-long tests run.
    public func demoActions() -> [Action] {
        switch mode {
        case .b2cComprehensive, .b2cVertical:
            // The sensible reference shop of the calibration (README, "Calibration"): stock bought in bulk by sea into
            // the 1210 bonded zone or a 9810 overseas warehouse, listed at the going price, paid marketing where it
            // pays. A first-time user sees a shop that earns the real trade's margins, not one whose air and express
            // freight eat them (``demoShopActions()`` stays the benchmark's mixed-route workload).
            return calibrationOpening(.sensible)
        case .daigou:
            // Price 10% over the going price (friends pay for the buyer's trust); the service fee comes on top.
            var actions: [Action] = [.set(key: "daigou.service_fee", value: "8"), .set(key: "daigou.circle_of_friends", value: "on")]
            for category in [Category.cosmetics, .supplements, .infantFormula, .kitchenware] {
                for product in demoProducts(category: category, count: 2) {
                    actions.append(.list(sku: product.id, price: goingPrice(product).basisPoints(11_000)))
                }
            }
            return actions
        case .directDelivery:
            var actions: [Action] = [.set(key: "platform.commission", value: "15")]
            var signed: [String] = []
            for category in [Category.cosmetics, .supplements, .infantFormula, .apparel, .electronics] {
                for product in demoProducts(category: category, count: 2) {
                    if !signed.contains(product.supplierID) {
                        signed.append(product.supplierID)
                        actions.append(.signSupplier(id: product.supplierID))
                    }
                    actions.append(.list(sku: product.id, price: product.typicalRetail))
                }
            }
            return actions
        case .rebate:
            var actions: [Action] = [.set(key: "rebate.share", value: "40"), .set(key: "rebate.ad_budget", value: "200 CNY")]
            for category in [Category.cosmetics, .supplements, .infantFormula, .kitchenware, .apparel, .electronics] {
                for product in demoProducts(category: category, count: 2) {
                    actions.append(.list(sku: product.id, price: product.typicalRetail))
                }
            }
            return actions
        case .b2bPlatform:
            return [.set(key: "platform.commission", value: "3")]
        }
    }

    /// Products a demo shop of this scenario may sell: from the right side of the border, on the positive list when
    /// importing, small enough for any parcel channel, in catalogue order.
    func demoProducts(category: Category, count: Int) -> [Product] {
        let allowed = catalogue.suppliers.filter { ($0.country.code == "CN") != scenario.isImport }.map(\.id)
        return Array(catalogue.products.filter {
            allowed.contains($0.supplierID) && $0.category == category && (!scenario.isImport || $0.positiveList)
                && $0.chargeableGrams <= 1_500 && $0.moq <= 100
        }.prefix(count))
    }

    /// A mixed-route shop, the benchmark's standard workload and many tests' fixture: two products per category, one
    /// stocked in bulk (1210 bonded or 9810 overseas warehouse by air) and one shipped parcel by parcel (9610 by
    /// express), listed at the going price. Air and express freight leave it little margin: the tour opens with
    /// ``demoActions()`` instead.
    public func demoShopActions() -> [Action] {
        var actions: [Action] = []
        let allowed = catalogue.suppliers.filter { ($0.country.code == "CN") != scenario.isImport }.map(\.id)
        let categories: [Category] = [.cosmetics, .infantFormula, .supplements, .kitchenware, .electronics, .apparel]
        for category in categories {
            let candidates = catalogue.products.filter {
                allowed.contains($0.supplierID) && $0.category == category && $0.positiveList && $0.moq <= 100
                    && $0.chargeableGrams <= 1_500
                    && $0.typicalRetail.minor <= 200_000 * $0.typicalRetail.currency.minorPerMajor / 100
            }
            for (i, product) in candidates.prefix(2).enumerated() {
                let bulk = i == 0
                let quantity = max(product.moq, bulk ? 200 : 80)
                let customs: CustomsMode = bulk ? (scenario.isImport ? .bonded : .overseasWarehouse) : .directMail
                // Imports into China are high-value and fly express; cheap exports go by ePacket, the classic route.
                let channel: Channel = bulk ? .airFreight : (scenario.isImport ? .express : .epacket)
                let warehouse = bulk && !scenario.isImport ? (category == .apparel || category == .cosmetics ? "DE" : "US") : nil
                actions.append(.buy(sku: product.id, quantity: quantity, channel: channel, customs: customs, warehouse: warehouse))
                actions.append(.list(sku: product.id, price: goingPrice(product)))
            }
        }
        return actions
    }

    /// Visits at `factor` × the base rate whatever traffic the shop has earned: a mature shop, for the benchmark's
    /// standard workload (and tests of other mechanics). Not an action, so no student or log can reach it.
    public mutating func setMatureTraffic(_ factor: Double) {
        modeBook.trafficOverride = factor
    }

    /// Gives the shop stock without a purchase, booked as the owner's contribution (inventory against equity).
    ///
    /// For benchmarks and tests that need a stocked shop of any size; students cannot reach it (it is not an action).
    public mutating func contributeStock(sku: String, units: Int, unitCost: Money) {
        let lotID = lotFor(sku: sku, location: scenario.isImport ? "bonded:CN" : "warehouse:CN",
                           customs: scenario.isImport ? .bonded : .directMail, outbound: scenario.isImport ? .bondedDelivery : .express)
        let value = unitCost * units
        lots[lotID - 1].onHand += units
        lots[lotID - 1].received += units
        lots[lotID - 1].purchased += units
        lots[lotID - 1].costOnHand += value.minor
        ledger.post(day: day, kind: .purchase, reference: 0, (.inventory, value), (.equity, -value))
    }
}

extension Catalogue {
    /// The standard market grown to at least `count` products by numbered copies of overseas positive-list products
    /// (`JP-COS-01~2`), for the benchmark's 200 listed SKUs.
    public static func scaled(toAtLeast count: Int) -> Catalogue {
        let base = Catalogue.standard
        var products = base.products
        let templates = base.products.filter { product in
            base.supplier(product.supplierID)!.country.code != "CN" && product.positiveList
        }
        var copy = 2
        while products.count < count {
            for t in templates where products.count < count {
                products.append(Product(
                    id: "\(t.id)~\(copy)", name: "\(t.name) (\(copy))", category: t.category, supplierID: t.supplierID,
                    weightGrams: t.weightGrams, lengthCm: t.lengthCm, widthCm: t.widthCm, heightCm: t.heightCm,
                    taxClass: t.taxClass, positiveList: t.positiveList, quality: t.quality, defectBP: t.defectBP,
                    tiers: t.tiers, leadTimeDays: t.leadTimeDays, typicalRetail: t.typicalRetail))
            }
            copy += 1
        }
        return Catalogue(suppliers: base.suppliers, products: products)
    }
}
