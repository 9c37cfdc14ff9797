import Testing
@testable import BorderLabCore

/// The standard supplier market: counts, integrity, price structure and the teaching cases it must contain.
@Suite("Standard catalogue")
struct StandardCatalogueTests {
    let catalogue = Catalogue.standard

    var overseasProducts: [Product] {
        let ids = Set(catalogue.overseasSuppliers.map(\.id))
        return catalogue.products.filter { ids.contains($0.supplierID) }
    }

    var chineseProducts: [Product] {
        let ids = Set(catalogue.chineseSuppliers.map(\.id))
        return catalogue.products.filter { ids.contains($0.supplierID) }
    }

    // MARK: Counts

    @Test func supplierCounts() {
        #expect(catalogue.suppliers.count >= 13)
        #expect(catalogue.overseasSuppliers.count >= 8)
        #expect(catalogue.chineseSuppliers.count >= 5)
        #expect(catalogue.overseasSuppliers.count + catalogue.chineseSuppliers.count == catalogue.suppliers.count)

        let overseasCountries = Set(catalogue.overseasSuppliers.map(\.country))
        #expect(overseasCountries.count >= 6)
        #expect(!overseasCountries.contains(.CN))

        let chineseCities = Set(catalogue.chineseSuppliers.map(\.city))
        #expect(chineseCities.count == catalogue.chineseSuppliers.count, "each Chinese supplier sits in its own city")
    }

    @Test func skuCounts() {
        #expect(overseasProducts.count >= 88)
        #expect(chineseProducts.count >= 80)
        #expect(overseasProducts.count + chineseProducts.count == catalogue.products.count)
    }

    @Test func categoriesCovered() {
        let required: Set<Category> = [.cosmetics, .infantFormula, .supplements, .kitchenware, .electronics, .apparel]
        let overseas = Set(overseasProducts.map(\.category))
        #expect(required.isSubset(of: overseas))
        #expect(overseas.contains(.watches))
        #expect(overseas.contains(.jewellery))
        #expect(Set(catalogue.products.map(\.category)) == Set(Category.allCases))

        let chinese = Set(chineseProducts.map(\.category))
        #expect(([.cosmetics, .supplements, .kitchenware, .electronics, .apparel] as Set<Category>).isSubset(of: chinese))
    }

    // MARK: Integrity

    @Test func skuIDsAreUniqueAndWellFormed() {
        let ids = catalogue.products.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate SKU ids")

        let segment: [Category: String] = [
            .cosmetics: "COS", .infantFormula: "INF", .supplements: "SUP", .kitchenware: "KIT",
            .electronics: "ELE", .apparel: "APP", .watches: "WAT", .jewellery: "JEW",
        ]
        for product in catalogue.products {
            let parts = product.id.split(separator: "-").map(String.init)
            #expect(parts.count == 3, "\(product.id)")
            guard parts.count == 3, let supplier = catalogue.supplier(product.supplierID) else {
                Issue.record("\(product.id): unknown supplier \(product.supplierID)")
                continue
            }
            #expect(parts[0] == supplier.country.code, "\(product.id) is sold by a supplier in \(supplier.country)")
            #expect(parts[1] == segment[product.category], "\(product.id) has category \(product.category)")
            #expect(parts[2].count == 2 && parts[2].allSatisfy(\.isNumber), "\(product.id)")
            #expect(!product.name.isEmpty)
        }
    }

    @Test func suppliersAreWellFormed() {
        let ids = catalogue.suppliers.map(\.id)
        #expect(Set(ids).count == ids.count)
        for supplier in catalogue.suppliers {
            #expect(isKebabCase(supplier.id), "\(supplier.id)")
            #expect(supplier.id.hasPrefix(supplier.country.code.lowercased() + "-"), "\(supplier.id)")
            #expect(supplier.currency == supplier.country.currency, "\(supplier.id)")
            #expect((50...5000).contains(supplier.dailyCapacity), "\(supplier.id)")
            #expect(supplier.rating >= 3.2 && supplier.rating <= 4.9, "\(supplier.id)")
            #expect(!catalogue.products(ofSupplier: supplier.id).isEmpty, "\(supplier.id) sells nothing")
        }
        #expect(catalogue.products(ofSupplier: "no-such-supplier").isEmpty)
        let perSupplier = catalogue.suppliers.reduce(0) { $0 + catalogue.products(ofSupplier: $1.id).count }
        #expect(perSupplier == catalogue.products.count)
    }

    @Test func pricesAreInTheRightCurrencies() {
        for product in catalogue.products {
            guard let supplier = catalogue.supplier(product.supplierID) else {
                Issue.record("\(product.id): unknown supplier")
                continue
            }
            for tier in product.tiers {
                #expect(tier.unitPrice.currency == supplier.currency, "\(product.id)")
            }
            // Overseas goods are sold into China; Chinese goods are exported to US/EU/JP shoppers.
            let destination: Currency = supplier.country == .CN ? .USD : .CNY
            #expect(product.typicalRetail.currency == destination, "\(product.id)")
        }
    }

    @Test func tiersAscendInQuantityAndNeverRiseInPrice() {
        for product in catalogue.products {
            #expect((2...4).contains(product.tiers.count), "\(product.id)")
            #expect((1...200).contains(product.moq), "\(product.id) MOQ \(product.moq)")
            for (lower, upper) in zip(product.tiers, product.tiers.dropFirst()) {
                #expect(lower.minQuantity < upper.minQuantity, "\(product.id)")
                #expect(upper.unitPrice <= lower.unitPrice, "\(product.id)")
            }
            #expect(product.tiers.allSatisfy { $0.unitPrice.minor > 0 }, "\(product.id)")
        }
        // Chinese factories sell by the carton; many overseas items sell in daigou quantities.
        #expect(chineseProducts.allSatisfy { $0.moq >= 20 })
        #expect(overseasProducts.filter { $0.moq <= 6 }.count >= overseasProducts.count / 2)
    }

    @Test func physicalAndQualityRanges() {
        for product in catalogue.products {
            #expect(product.weightGrams > 0 && product.weightGrams <= 10_000, "\(product.id)")
            #expect(product.lengthCm > 0 && product.widthCm > 0 && product.heightCm > 0, "\(product.id)")
            #expect(product.quality >= 0.5 && product.quality <= 0.95, "\(product.id)")
            #expect((20...400).contains(product.defectBP), "\(product.id)")
            #expect((1...21).contains(product.leadTimeDays), "\(product.id)")
            #expect(product.typicalRetail.minor > 0, "\(product.id)")
        }
    }

    // MARK: Teaching cases

    @Test func bulkyLightItemsAreChargedByVolume() throws {
        // Worked by hand: the 2-tier steamer pot ships in a 30 × 30 × 20 cm box and weighs 1.2 kg.
        // 30 × 30 × 20 = 18,000 cm³; 18,000 / 6,000 = 3.0 kg = 3,000 g volumetric, above the 1,200 g actual,
        // so the carrier charges 3,000 g.
        let steamer = try #require(catalogue.product("CN-KIT-01"))
        #expect(steamer.weightGrams == 1200)
        #expect(steamer.volumetricGrams == 3000)
        #expect(steamer.chargeableGrams == 3000)

        let bulky = catalogue.products.filter { $0.volumetricGrams > $0.weightGrams }
        #expect(bulky.count >= 20)
        #expect(bulky.contains { $0.category == .kitchenware })
        #expect(bulky.contains { $0.category == .apparel })
    }

    @Test func someOverseasItemsExceedTheCBECSingleTransactionLimit() {
        let limit = Money(major: 5000, .CNY)
        let above = overseasProducts.filter { $0.typicalRetail > limit }
        #expect(!above.isEmpty)
        #expect(above.contains { $0.category == .watches && $0.taxClass == .highEndWatch })
        #expect(above.contains { $0.category == .jewellery })
    }

    @Test func positiveListExceptionsExist() {
        let unlisted = overseasProducts.filter { !$0.positiveList }
        #expect(unlisted.count >= 3)
        #expect(Set(unlisted.map(\.id)).isSuperset(of: ["US-SUP-03", "US-ELE-01", "JP-ELE-03"]))
        #expect(unlisted.count * 10 < overseasProducts.count, "most goods are on the positive list")
    }

    // MARK: Tax classes

    @Test func standardTaxClasses() {
        let codes = TaxClass.standard.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy(isKebabCase))
        #expect(TaxClass.standard.allSatisfy { $0.hsSubheading.count == 6 && $0.hsSubheading.allSatisfy(\.isNumber) })
        #expect(TaxClass.general13.vatBP == 1300 && TaxClass.general9.vatBP == 900)
        // Consumption tax is no class property any more: both catalogue names of cosmetics are one class.
        #expect(TaxClass.highEndCosmetic == TaxClass.ordinaryCosmetic && TaxClass.cosmetic.code == "cosmetic")
        // Automatic watches (9102.21): 11% in China's tariff schedule.
        #expect(TaxClass.automaticWatch.tariffBP == 1100 && TaxClass.automaticWatch.hsSubheading == "910221")
        #expect(TaxClass.highEndCosmetic.tariffBP == 500 && TaxClass.infantFormula.tariffBP == 1500)
        #expect(TaxClass.supplement.tariffBP == 1000 && TaxClass.kitchenware.tariffBP == 800)
        #expect(TaxClass.apparel.tariffBP == 1000)
        #expect((0...1000).contains(TaxClass.electronics.tariffBP) && (0...1000).contains(TaxClass.computerEquipment.tariffBP))
        // Every product uses a standard class.
        let standard = Set(TaxClass.standard)
        #expect(catalogue.products.allSatisfy { standard.contains($0.taxClass) })
    }

    /// China's consumption tax on one unit at its typical retail price on 2025-06-01 (a CNY price: overseas goods).
    func consumptionBP(_ product: Product) -> Int {
        RuleBook.cnConsumptionTaxBP(hs: product.hsSubheading, content: product.content,
                                    unitBase: Rational(Int128(product.typicalRetail.minor)), on: SimDate(iso: "2025-06-01")!).rateBP
    }

    /// At their typical retail prices some cosmetics cross the high-end line (10 CNY per ml or g, 15 per piece) and
    /// some do not; the serum JP-COS-07 (1,080 CNY / 30 ml = 36 CNY/ml) does, the lotion JP-COS-01 (198 CNY / 200 ml
    /// = 0.99 CNY/ml) does not.
    @Test func cosmeticsPayConsumptionTaxByPriceLine() throws {
        let cosmetics = overseasProducts.filter { $0.category == .cosmetics && $0.taxClass == .cosmetic }
        #expect(cosmetics.filter { consumptionBP($0) == 1500 }.count >= 8)
        #expect(cosmetics.contains { consumptionBP($0) == 0 })
        #expect(consumptionBP(try #require(catalogue.product("JP-COS-07"))) == 1500)
        #expect(consumptionBP(try #require(catalogue.product("JP-COS-01"))) == 0)
        // Gold (DE-JEW-01 711319) and silver (DE-JEW-02 711311) pay none at import; pearls (DE-JEW-03 711610) 10%.
        #expect(consumptionBP(try #require(catalogue.product("DE-JEW-01"))) == 0)
        #expect(consumptionBP(try #require(catalogue.product("DE-JEW-02"))) == 0)
        #expect(consumptionBP(try #require(catalogue.product("DE-JEW-03"))) == 1000)
    }

    /// Each cosmetic's name ends with its size ("30 ml", "50 g", "10 pcs"), and its customs facts carry that content.
    @Test func cosmeticContentMatchesTheName() {
        for product in catalogue.products where product.taxClass == .cosmetic {
            let words = product.name.split(separator: " ")
            let size = words.suffix(2).joined(separator: " ")
            #expect(product.content?.description == size, "\(product.id): \(String(describing: product.content)) vs \(size)")
        }
    }

    /// Real 6-digit subheadings per SKU: the EU's flat duty counts distinct ones per parcel.
    @Test func productsCarryTheirOwnSubheadings() throws {
        #expect(catalogue.products.allSatisfy { $0.hsSubheading.count == 6 && $0.hsSubheading.allSatisfy(\.isNumber) })
        let expected = ["JP-COS-12": "330410", "CN-COS-03": "330420", "CN-COS-08": "330430", "FR-COS-05": "330300",
                        "DE-JEW-02": "711311", "DE-WAT-03": "910211", "DE-WAT-01": "910221", "CN-APP-16": "640411",
                        "FR-APP-01": "621410", "CN-APP-15": "621420"]
        for (sku, hs) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(try #require(catalogue.product(sku)).hsSubheading == hs, "\(sku)")
        }
        // Every row of the customs facts names a SKU of the catalogue, once.
        let facts = StandardCustomsFacts.rows.map(\.0)
        #expect(Set(facts).count == facts.count && facts.allSatisfy { catalogue.product($0) != nil })
        // Apparel no longer shares one subheading: a scarf and a T-shirt in one parcel are two.
        #expect(Set(catalogue.products.filter { $0.category == .apparel }.map(\.hsSubheading)).count >= 15)
    }

    // MARK: Prices

    /// Typical retail sits 1.6–3.5× the landed cost at the MOQ price, under a simple reference model
    /// (*assumption*, for this check only): FX 1 USD = 7.20 CNY, 1 EUR = 7.90, 1 AUD = 4.70, 100 JPY = 4.80.
    /// Overseas → China: (goods + 30 CNY per chargeable kg) × (1 + CBEC tax), CBEC tax = 0.7 × (ct + vat) / (1 − ct),
    /// or for one item above 5,000 CNY the full t + (1 + t)(ct + vat)/(1 − ct). China → US/EU/JP: (goods + 5 USD per
    /// chargeable kg) × 1.15 for duty and fees.
    @Test func retailMarkupOverLandedCostIsRealistic() {
        let cnyPer: [Currency: Double] = [.CNY: 1, .USD: 7.2, .EUR: 7.9, .AUD: 4.7, .JPY: 0.048]
        for product in catalogue.products {
            let price = product.tiers[0].unitPrice
            let kg = Double(product.chargeableGrams) / 1000
            let retail = product.typicalRetail.approximateMajor
            let landed: Double
            if product.typicalRetail.currency == .CNY {
                let vat = Double(product.taxClass.vatBP) / 10_000
                let ct = Double(consumptionBP(product)) / 10_000
                let tariff = Double(product.taxClass.tariffBP) / 10_000
                let tax = retail > 5000 ? tariff + (1 + tariff) * (ct + vat) / (1 - ct) : 0.7 * (ct + vat) / (1 - ct)
                landed = (price.approximateMajor * cnyPer[price.currency]! + 30 * kg) * (1 + tax)
            } else {
                landed = (price.approximateMajor * cnyPer[price.currency]! / 7.2 + 5 * kg) * 1.15
            }
            let markup = retail / landed
            #expect(markup >= 1.6 && markup <= 3.5, "\(product.id): retail \(retail) / landed \(landed) = \(markup)")
        }
    }
}

private func isKebabCase(_ text: String) -> Bool {
    !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
        && text.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
}
