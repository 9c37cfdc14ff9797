/// The standard world's supplier market.
///
/// Two sides:
/// - **Overseas suppliers** (JP, KR, US, DE, FR, AU, NZ) serve the `cn-import` preset: overseas goods sold to
///   Chinese consumers. Their `typicalRetail` is in CNY. Many take daigou-sized orders (MOQ 1–6).
/// - **Chinese suppliers** (Shenzhen, Yiwu, Guangzhou, Hangzhou, Ningbo, Jinjiang) serve the `global-export`
///   preset: a Chinese seller exporting to US/EU/JP shoppers. Their `typicalRetail` is in USD. Factories and
///   wholesale markets sell by the carton (MOQ 20–200).
///
/// Every company is invented; names resemble no real brand on purpose. Prices are hand-set wholesale figures
/// in the supplier's currency; `typicalRetail` sits about 1.6–3.5× the landed wholesale cost (goods + freight +
/// tax; the test suite checks this against a simple reference model).
///
/// How to read a row: `sku(id, name, taxClass, g: grams, cm: (L, W, H), q: quality, defect: basis points,
/// tiers: [(min quantity, unit price in minor units)], lead: days, retail: minor units, listed: positive list)`.
/// Minor units: yen for JPY, cents for USD/EUR/AUD, fen for CNY (`12_50` is 12.50); `retail` is fen (CNY) for
/// overseas suppliers and cents (USD) for Chinese ones. The category comes from the SKU's middle segment
/// (COS, INF, SUP, KIT, ELE, APP, WAT, JEW).
extension Catalogue {
    public static let standard: Catalogue = {
        let sheets = StandardMarket.sheets()
        return Catalogue(suppliers: sheets.map(\.supplier), products: sheets.flatMap(\.products))
    }()
}

public extension Catalogue {
    /// The products of one supplier, in SKU order (empty for an unknown supplier).
    func products(ofSupplier supplierID: String) -> [Product] {
        products.filter { $0.supplierID == supplierID }
    }

    /// Suppliers outside China (the `cn-import` side), in id order.
    var overseasSuppliers: [Supplier] { suppliers.filter { $0.country != .CN } }

    /// Suppliers in China (the `global-export` side), in id order.
    var chineseSuppliers: [Supplier] { suppliers.filter { $0.country == .CN } }
}

// MARK: - Building blocks

/// A catalogue row before it is bound to its supplier.
private struct Row {
    let id: String
    let name: String
    let taxClass: TaxClass
    let grams: Int
    let cm: (Int, Int, Int)
    let quality: Double
    let defectBP: Int
    let tiers: [(Int, Int64)]
    let lead: Int
    let retail: Int64
    let listed: Bool
}

private func sku(_ id: String, _ name: String, _ taxClass: TaxClass, g grams: Int, cm: (Int, Int, Int),
                 q quality: Double, defect: Int, tiers: [(Int, Int64)], lead: Int, retail: Int64,
                 listed: Bool = true) -> Row {
    Row(id: id, name: name, taxClass: taxClass, grams: grams, cm: cm, quality: quality, defectBP: defect,
        tiers: tiers, lead: lead, retail: retail, listed: listed)
}

/// The category named by a SKU's middle segment (`JP-COS-01` → cosmetics).
private func category(ofSKU id: String) -> Category {
    let parts = id.split(separator: "-")
    precondition(parts.count == 3, "SKU \(id) is not COUNTRY-CAT-NN")
    switch parts[1] {
    case "COS": return .cosmetics
    case "INF": return .infantFormula
    case "SUP": return .supplements
    case "KIT": return .kitchenware
    case "ELE": return .electronics
    case "APP": return .apparel
    case "WAT": return .watches
    case "JEW": return .jewellery
    default: preconditionFailure("SKU \(id) has an unknown category segment")
    }
}

/// One supplier and its price list.
private struct Sheet {
    let supplier: Supplier
    let products: [Product]

    /// Binds rows to `supplier`: tiers in its currency, retail in its destination market's currency
    /// (CNY for overseas suppliers selling into China, USD for Chinese suppliers exporting).
    init(_ supplier: Supplier, _ rows: [Row]) {
        self.supplier = supplier
        let retailCurrency: Currency = supplier.country == .CN ? .USD : .CNY
        self.products = rows.map { row in
            Product(id: row.id, name: row.name, category: category(ofSKU: row.id), supplierID: supplier.id,
                    weightGrams: row.grams, lengthCm: row.cm.0, widthCm: row.cm.1, heightCm: row.cm.2,
                    taxClass: row.taxClass, positiveList: row.listed, quality: row.quality, defectBP: row.defectBP,
                    tiers: row.tiers.map { PriceTier(minQuantity: $0.0, unitPrice: Money(minor: $0.1, supplier.currency)) },
                    leadTimeDays: row.lead, typicalRetail: Money(minor: row.retail, retailCurrency),
                    hsSubheading: StandardCustomsFacts.facts(row.id)?.hs, content: StandardCustomsFacts.facts(row.id)?.content)
        }
    }
}

private func supplier(_ id: String, _ name: String, _ country: Country, _ city: String,
                      capacity: Int, rating: Double) -> Supplier {
    Supplier(id: id, name: name, country: country, city: city, currency: country.currency,
             dailyCapacity: capacity, rating: rating)
}

// MARK: - The market

private enum StandardMarket {
    static func sheets() -> [Sheet] {
        [
            kyotoBeauty(), osakaBaby(), tsubameKitchen(), tokyoDenki(), seoulGlow(), portlandVitals(),
            austinGadgets(), hamburgDrogerie(), solingenStahl(), pforzheimZeit(), grasseBeaute(), lyonAtelier(),
            melbourneHealth(), aucklandPure(),
            shenzhenTech(), yiwuGoods(), guangzhouStyle(), hangzhouSilk(), ningboHome(), jinjiangSports(),
        ]
    }

    // MARK: Japan (JPY; prices in yen)

    static func kyotoBeauty() -> Sheet {
        Sheet(supplier("jp-kyoto-beauty", "Kamogawa Botanical Cosmetics K.K.", .JP, "Kyoto", capacity: 400, rating: 4.6), [
            sku("JP-COS-01", "Hydrating lotion 200 ml", .ordinaryCosmetic, g: 260, cm: (7, 7, 19), q: 0.80, defect: 40,
                tiers: [(1, 1650), (12, 1520), (48, 1380)], lead: 2, retail: 198_00),
            sku("JP-COS-02", "Moisture milk emulsion 150 ml", .ordinaryCosmetic, g: 210, cm: (6, 6, 17), q: 0.79, defect: 40,
                tiers: [(1, 1800), (12, 1650), (48, 1500)], lead: 2, retail: 208_00),
            sku("JP-COS-03", "Rice bran cleansing oil 230 ml", .ordinaryCosmetic, g: 290, cm: (6, 6, 19), q: 0.77, defect: 50,
                tiers: [(1, 1400), (12, 1280), (48, 1150)], lead: 2, retail: 158_00),
            sku("JP-COS-04", "Sunscreen gel SPF50+ 90 g", .ordinaryCosmetic, g: 120, cm: (5, 4, 15), q: 0.82, defect: 35,
                tiers: [(1, 1200), (12, 1080), (48, 980)], lead: 2, retail: 139_00),
            sku("JP-COS-05", "Cleansing foam 120 g", .ordinaryCosmetic, g: 150, cm: (5, 4, 17), q: 0.74, defect: 45,
                tiers: [(1, 700), (24, 620), (96, 560)], lead: 2, retail: 79_00),
            sku("JP-COS-06", "Sheet mask 10 pcs", .ordinaryCosmetic, g: 250, cm: (18, 13, 3), q: 0.72, defect: 60,
                tiers: [(1, 1100), (12, 980), (60, 880)], lead: 2, retail: 129_00),
            sku("JP-COS-07", "Premium essence serum 30 ml", .highEndCosmetic, g: 120, cm: (5, 5, 12), q: 0.92, defect: 25,
                tiers: [(1, 6800), (6, 6300), (24, 5800)], lead: 3, retail: 1080_00),
            sku("JP-COS-08", "Revitalizing eye cream 20 g", .highEndCosmetic, g: 90, cm: (6, 6, 7), q: 0.90, defect: 25,
                tiers: [(1, 5200), (6, 4800), (24, 4400)], lead: 3, retail: 780_00),
            sku("JP-COS-09", "Night repair cream 50 g", .highEndCosmetic, g: 180, cm: (8, 8, 8), q: 0.91, defect: 25,
                tiers: [(1, 7800), (6, 7200), (24, 6600)], lead: 3, retail: 1180_00),
            sku("JP-COS-10", "Brightening essence lotion 150 ml", .ordinaryCosmetic, g: 250, cm: (6, 6, 18), q: 0.88, defect: 30,
                tiers: [(1, 5400), (6, 5000), (24, 4600)], lead: 3, retail: 880_00),
            sku("JP-COS-11", "Liquid foundation 30 ml", .highEndCosmetic, g: 110, cm: (5, 4, 12), q: 0.86, defect: 40,
                tiers: [(1, 3600), (6, 3300), (24, 3000)], lead: 2, retail: 520_00),
            sku("JP-COS-12", "Lipstick 4 g", .highEndCosmetic, g: 40, cm: (3, 3, 9), q: 0.84, defect: 50,
                tiers: [(1, 2400), (6, 2200), (24, 2000)], lead: 2, retail: 320_00),
        ])
    }

    static func osakaBaby() -> Sheet {
        Sheet(supplier("jp-osaka-baby", "Naniwa Baby & Family Supply Co., Ltd.", .JP, "Osaka", capacity: 600, rating: 4.4), [
            sku("JP-INF-01", "Infant formula stage 1 800 g", .infantFormula, g: 1000, cm: (13, 13, 18), q: 0.90, defect: 20,
                tiers: [(6, 2600), (24, 2450), (96, 2300)], lead: 3, retail: 328_00),
            sku("JP-INF-02", "Infant formula stage 2 800 g", .infantFormula, g: 1000, cm: (13, 13, 18), q: 0.89, defect: 20,
                tiers: [(6, 2500), (24, 2350), (96, 2200)], lead: 3, retail: 318_00),
            sku("JP-INF-03", "Formula cubes 24 sticks", .infantFormula, g: 700, cm: (20, 12, 10), q: 0.87, defect: 30,
                tiers: [(6, 1900), (24, 1780), (96, 1650)], lead: 3, retail: 238_00),
            sku("JP-INF-04", "Ready-to-feed liquid formula 6 x 240 ml", .infantFormula, g: 1650, cm: (20, 14, 13), q: 0.86, defect: 35,
                tiers: [(4, 1500), (24, 1380), (96, 1280)], lead: 4, retail: 239_00),
            sku("JP-SUP-01", "Kids' DHA gummies 60 pcs", .supplement, g: 120, cm: (7, 7, 11), q: 0.80, defect: 40,
                tiers: [(1, 1800), (12, 1650), (48, 1500)], lead: 2, retail: 198_00),
            sku("JP-SUP-02", "Lactic acid bacteria powder 30 sachets", .supplement, g: 90, cm: (12, 8, 5), q: 0.82, defect: 35,
                tiers: [(1, 2400), (12, 2200), (48, 2000)], lead: 2, retail: 258_00),
            sku("JP-KIT-01", "Glass baby bottle 240 ml", .kitchenware, g: 230, cm: (8, 8, 19), q: 0.85, defect: 60,
                tiers: [(3, 1600), (12, 1450), (48, 1300)], lead: 3, retail: 178_00),
            sku("JP-KIT-02", "Silicone baby tableware set", .general13, g: 350, cm: (24, 18, 8), q: 0.83, defect: 50,
                tiers: [(2, 2200), (12, 2000), (48, 1800)], lead: 3, retail: 268_00),
            sku("JP-COS-13", "Baby moisturising milk 300 ml", .ordinaryCosmetic, g: 360, cm: (8, 6, 19), q: 0.81, defect: 40,
                tiers: [(2, 1300), (12, 1180), (48, 1080)], lead: 2, retail: 149_00),
            sku("JP-APP-01", "Organic cotton baby bodysuit 3-pack", .apparel, g: 250, cm: (25, 20, 4), q: 0.84, defect: 70,
                tiers: [(2, 2800), (12, 2550), (48, 2300)], lead: 3, retail: 299_00),
        ])
    }

    static func tsubameKitchen() -> Sheet {
        Sheet(supplier("jp-tsubame-kitchen", "Shinano River Metalworks Co., Ltd.", .JP, "Tsubame", capacity: 300, rating: 4.7), [
            sku("JP-KIT-03", "Stainless chef's knife 21 cm", .kitchenware, g: 280, cm: (35, 8, 4), q: 0.93, defect: 25,
                tiers: [(1, 5200), (6, 4800), (24, 4400)], lead: 4, retail: 548_00),
            sku("JP-KIT-04", "Santoku knife 17 cm", .kitchenware, g: 220, cm: (32, 7, 3), q: 0.91, defect: 25,
                tiers: [(1, 3800), (6, 3500), (24, 3200)], lead: 4, retail: 398_00),
            sku("JP-KIT-05", "Tri-ply stainless saucepan 18 cm", .kitchenware, g: 1100, cm: (30, 20, 14), q: 0.92, defect: 30,
                tiers: [(1, 6800), (6, 6300), (24, 5800)], lead: 5, retail: 699_00),
            sku("JP-KIT-06", "Double-wall stainless tumbler 450 ml", .kitchenware, g: 300, cm: (10, 10, 17), q: 0.88, defect: 40,
                tiers: [(2, 1800), (12, 1650), (48, 1500)], lead: 3, retail: 189_00),
            sku("JP-KIT-07", "Copper tamagoyaki pan", .kitchenware, g: 650, cm: (38, 18, 6), q: 0.90, defect: 45,
                tiers: [(1, 4800), (6, 4400), (24, 4000)], lead: 5, retail: 498_00),
            sku("JP-KIT-08", "Cast-iron rice pot 3 go", .kitchenware, g: 2800, cm: (26, 22, 18), q: 0.91, defect: 50,
                tiers: [(1, 9800), (6, 9000), (24, 8300)], lead: 6, retail: 1080_00),
            sku("JP-KIT-09", "Stainless colander set 3 pcs", .kitchenware, g: 600, cm: (28, 28, 14), q: 0.87, defect: 35,
                tiers: [(2, 2400), (12, 2200), (48, 2000)], lead: 4, retail: 349_00),
            sku("JP-KIT-10", "Two-tier bento lunch box", .general13, g: 260, cm: (19, 12, 10), q: 0.82, defect: 55,
                tiers: [(3, 1500), (12, 1380), (48, 1250)], lead: 3, retail: 169_00),
        ])
    }

    static func tokyoDenki() -> Sheet {
        Sheet(supplier("jp-tokyo-denki", "Kanda Denki Trading K.K.", .JP, "Tokyo", capacity: 250, rating: 4.3), [
            sku("JP-ELE-01", "Noise-cancelling earbuds", .electronics, g: 180, cm: (10, 10, 5), q: 0.88, defect: 60,
                tiers: [(1, 14800), (6, 13800), (24, 12800)], lead: 3, retail: 1490_00),
            sku("JP-ELE-02", "Compact hair dryer 1200 W", .electronics, g: 650, cm: (25, 12, 10), q: 0.85, defect: 70,
                tiers: [(1, 8800), (6, 8200), (24, 7600)], lead: 3, retail: 899_00),
            sku("JP-ELE-03", "Pre-owned 35 mm film camera", .electronics, g: 650, cm: (18, 12, 12), q: 0.60, defect: 380,
                tiers: [(1, 18000), (3, 17000)], lead: 5, retail: 1880_00, listed: false),
            sku("JP-ELE-04", "Sonic electric toothbrush", .electronics, g: 350, cm: (24, 8, 6), q: 0.86, defect: 60,
                tiers: [(1, 6200), (6, 5800), (24, 5400)], lead: 3, retail: 629_00),
            sku("JP-ELE-05", "Quiet-click wireless mouse", .computerEquipment, g: 110, cm: (12, 8, 5), q: 0.83, defect: 50,
                tiers: [(1, 2800), (6, 2600), (24, 2400)], lead: 2, retail: 279_00),
            sku("JP-ELE-06", "Compact mechanical keyboard", .computerEquipment, g: 750, cm: (35, 14, 6), q: 0.89, defect: 45,
                tiers: [(1, 9800), (6, 9200), (24, 8600)], lead: 3, retail: 999_00),
        ])
    }

    // MARK: South Korea (USD; prices in cents)

    static func seoulGlow() -> Sheet {
        Sheet(supplier("kr-seoul-glow", "Hangang Glow Lab Co., Ltd.", .KR, "Seoul", capacity: 1200, rating: 4.2), [
            sku("KR-COS-01", "Snail mucin essence 100 ml", .ordinaryCosmetic, g: 190, cm: (6, 6, 15), q: 0.80, defect: 50,
                tiers: [(10, 7_80), (50, 6_90), (200, 6_20)], lead: 4, retail: 129_00),
            sku("KR-COS-02", "Centella soothing cream 75 ml", .ordinaryCosmetic, g: 140, cm: (6, 6, 10), q: 0.79, defect: 50,
                tiers: [(10, 8_50), (50, 7_60), (200, 6_90)], lead: 4, retail: 139_00),
            sku("KR-COS-03", "Cushion foundation 15 g", .highEndCosmetic, g: 110, cm: (9, 9, 4), q: 0.82, defect: 60,
                tiers: [(10, 12_00), (50, 10_80), (200, 9_80)], lead: 4, retail: 229_00),
            sku("KR-COS-04", "Sheet mask 10 pcs", .ordinaryCosmetic, g: 260, cm: (20, 15, 3), q: 0.70, defect: 80,
                tiers: [(10, 4_20), (50, 3_70), (200, 3_30)], lead: 4, retail: 79_00),
            sku("KR-COS-05", "Lip tint 4 g", .highEndCosmetic, g: 30, cm: (3, 3, 10), q: 0.75, defect: 70,
                tiers: [(10, 3_50), (50, 3_10), (200, 2_80)], lead: 4, retail: 69_00),
            sku("KR-COS-06", "Sunscreen stick SPF50+ 22 g", .ordinaryCosmetic, g: 50, cm: (4, 4, 11), q: 0.78, defect: 55,
                tiers: [(10, 6_20), (50, 5_50), (200, 5_00)], lead: 4, retail: 119_00),
            sku("KR-COS-07", "Ginseng anti-ageing serum 50 ml", .highEndCosmetic, g: 200, cm: (6, 6, 14), q: 0.89, defect: 35,
                tiers: [(6, 38_00), (30, 34_50), (120, 31_50)], lead: 5, retail: 690_00),
            sku("KR-COS-08", "Low-pH cleansing gel 150 ml", .ordinaryCosmetic, g: 190, cm: (5, 5, 17), q: 0.76, defect: 50,
                tiers: [(10, 4_80), (50, 4_30), (200, 3_90)], lead: 4, retail: 79_00),
            sku("KR-COS-09", "Exfoliating toner pads 70 pcs", .ordinaryCosmetic, g: 230, cm: (9, 9, 8), q: 0.77, defect: 55,
                tiers: [(10, 7_20), (50, 6_40), (200, 5_80)], lead: 4, retail: 119_00),
            sku("KR-COS-10", "Hydrogel eye patches 60 pcs", .ordinaryCosmetic, g: 180, cm: (9, 9, 5), q: 0.74, defect: 60,
                tiers: [(10, 6_50), (50, 5_80), (200, 5_20)], lead: 4, retail: 139_00),
            sku("KR-SUP-01", "Red ginseng extract sticks 30 pcs", .supplement, g: 400, cm: (20, 10, 5), q: 0.86, defect: 30,
                tiers: [(6, 24_00), (30, 21_50), (120, 19_50)], lead: 5, retail: 398_00),
            sku("KR-APP-01", "Seamless thermal top", .apparel, g: 180, cm: (25, 20, 3), q: 0.75, defect: 90,
                tiers: [(10, 9_50), (50, 8_50), (200, 7_60)], lead: 5, retail: 149_00),
        ])
    }

    // MARK: United States (USD; prices in cents)

    static func portlandVitals() -> Sheet {
        Sheet(supplier("us-portland-vitals", "Cascade Vital Nutrition LLC", .US, "Portland", capacity: 800, rating: 4.3), [
            sku("US-SUP-01", "Omega-3 fish oil 1000 mg 180 softgels", .supplement, g: 380, cm: (8, 8, 15), q: 0.84, defect: 30,
                tiers: [(1, 14_50), (12, 13_20), (48, 12_00)], lead: 3, retail: 229_00),
            sku("US-SUP-02", "Vitamin D3 2000 IU 360 softgels", .supplement, g: 150, cm: (6, 6, 11), q: 0.83, defect: 25,
                tiers: [(1, 8_90), (12, 8_10), (48, 7_40)], lead: 3, retail: 139_00),
            sku("US-SUP-03", "Melatonin gummies 5 mg 120 pcs", .supplement, g: 260, cm: (8, 8, 13), q: 0.78, defect: 40,
                tiers: [(1, 7_50), (12, 6_80), (48, 6_20)], lead: 3, retail: 129_00, listed: false),
            sku("US-SUP-04", "Glucosamine chondroitin 240 tablets", .supplement, g: 420, cm: (8, 8, 16), q: 0.82, defect: 30,
                tiers: [(1, 18_50), (12, 16_90), (48, 15_40)], lead: 3, retail: 289_00),
            sku("US-SUP-05", "Women's multivitamin 120 tablets", .supplement, g: 200, cm: (7, 7, 13), q: 0.81, defect: 30,
                tiers: [(1, 12_50), (12, 11_40), (48, 10_40)], lead: 3, retail: 199_00),
            sku("US-SUP-06", "Probiotic 50 billion CFU 30 capsules", .supplement, g: 90, cm: (5, 5, 10), q: 0.85, defect: 35,
                tiers: [(1, 16_80), (12, 15_30), (48, 13_90)], lead: 3, retail: 259_00),
            sku("US-SUP-07", "Biotin 10000 mcg 120 capsules", .supplement, g: 110, cm: (5, 5, 10), q: 0.79, defect: 30,
                tiers: [(1, 6_90), (12, 6_20), (48, 5_60)], lead: 3, retail: 119_00),
            sku("US-SUP-08", "Whey protein powder 907 g", .supplement, g: 1050, cm: (16, 16, 22), q: 0.80, defect: 40,
                tiers: [(1, 29_00), (6, 26_50), (24, 24_00)], lead: 4, retail: 469_00),
            sku("US-SUP-09", "Elderberry syrup 240 ml", .supplement, g: 380, cm: (7, 7, 17), q: 0.77, defect: 45,
                tiers: [(1, 11_00), (12, 10_00), (48, 9_10)], lead: 3, retail: 179_00),
            sku("US-SUP-10", "Kids' chewable vitamin C 90 tablets", .supplement, g: 150, cm: (6, 6, 11), q: 0.78, defect: 30,
                tiers: [(1, 6_20), (12, 5_60), (48, 5_10)], lead: 3, retail: 109_00),
            sku("US-COS-01", "Vitamin C brightening serum 30 ml", .highEndCosmetic, g: 100, cm: (5, 5, 12), q: 0.83, defect: 45,
                tiers: [(1, 22_00), (12, 20_00), (48, 18_20)], lead: 3, retail: 368_00),
            sku("US-COS-02", "Unscented body lotion 473 ml", .ordinaryCosmetic, g: 540, cm: (8, 6, 22), q: 0.80, defect: 35,
                tiers: [(1, 9_80), (12, 8_90), (48, 8_10)], lead: 3, retail: 169_00),
        ])
    }

    static func austinGadgets() -> Sheet {
        Sheet(supplier("us-austin-gadgets", "Lone Star Gadget Supply Inc.", .US, "Austin", capacity: 300, rating: 3.9), [
            sku("US-ELE-01", "Folding camera drone 249 g", .electronics, g: 900, cm: (25, 20, 10), q: 0.82, defect: 120,
                tiers: [(1, 289_00), (3, 275_00), (10, 262_00)], lead: 4, retail: 4280_00, listed: false),
            sku("US-ELE-02", "Smart ring sleep tracker", .electronics, g: 60, cm: (8, 8, 6), q: 0.80, defect: 90,
                tiers: [(1, 189_00), (3, 179_00), (10, 169_00)], lead: 4, retail: 2580_00),
            sku("US-ELE-03", "Portable Bluetooth speaker", .electronics, g: 580, cm: (20, 10, 10), q: 0.81, defect: 80,
                tiers: [(1, 58_00), (6, 53_00), (24, 48_50)], lead: 3, retail: 899_00),
            sku("US-ELE-04", "Noise-cancelling over-ear headphones", .electronics, g: 520, cm: (22, 19, 9), q: 0.87, defect: 70,
                tiers: [(1, 145_00), (6, 135_00), (24, 126_00)], lead: 3, retail: 2199_00),
            sku("US-ELE-05", "Refurbished 10-inch tablet", .computerEquipment, g: 700, cm: (28, 20, 5), q: 0.65, defect: 350,
                tiers: [(1, 165_00), (3, 155_00), (10, 145_00)], lead: 5, retail: 2280_00, listed: false),
            sku("US-ELE-06", "Rechargeable milk frother", .electronics, g: 300, cm: (25, 8, 8), q: 0.74, defect: 110,
                tiers: [(1, 14_50), (12, 13_20), (48, 12_00)], lead: 3, retail: 219_00),
            sku("US-KIT-01", "Pre-seasoned cast-iron skillet 26 cm", .kitchenware, g: 2600, cm: (40, 28, 6), q: 0.88, defect: 30,
                tiers: [(1, 22_00), (6, 20_00), (24, 18_20)], lead: 4, retail: 449_00),
            sku("US-KIT-02", "Insulated water bottle 950 ml", .kitchenware, g: 450, cm: (10, 10, 28), q: 0.86, defect: 45,
                tiers: [(1, 18_00), (12, 16_50), (48, 15_00)], lead: 3, retail: 289_00),
            sku("US-APP-01", "Fleece zip jacket", .apparel, g: 650, cm: (35, 30, 10), q: 0.84, defect: 60,
                tiers: [(1, 32_00), (6, 29_00), (24, 26_50)], lead: 4, retail: 599_00),
            sku("US-APP-02", "Merino hiking socks 3-pack", .apparel, g: 240, cm: (22, 12, 5), q: 0.86, defect: 50,
                tiers: [(2, 21_00), (12, 19_00), (48, 17_30)], lead: 3, retail: 329_00),
        ])
    }

    // MARK: Germany (EUR; prices in cents)

    static func hamburgDrogerie() -> Sheet {
        Sheet(supplier("de-hamburg-drogerie", "Alster Drogerie Großhandel GmbH", .DE, "Hamburg", capacity: 900, rating: 4.4), [
            sku("DE-INF-01", "Infant formula Pre 800 g", .infantFormula, g: 980, cm: (12, 12, 18), q: 0.91, defect: 20,
                tiers: [(4, 14_90), (24, 14_00), (96, 13_20)], lead: 3, retail: 298_00),
            sku("DE-INF-02", "Follow-on formula stage 2 800 g", .infantFormula, g: 980, cm: (12, 12, 18), q: 0.90, defect: 20,
                tiers: [(4, 14_20), (24, 13_40), (96, 12_60)], lead: 3, retail: 288_00),
            sku("DE-INF-03", "Organic infant formula stage 1 600 g", .infantFormula, g: 750, cm: (11, 11, 17), q: 0.92, defect: 20,
                tiers: [(4, 16_90), (24, 15_90), (96, 14_90)], lead: 3, retail: 338_00),
            sku("DE-INF-04", "Hypoallergenic HA formula 800 g", .infantFormula, g: 980, cm: (12, 12, 18), q: 0.91, defect: 20,
                tiers: [(4, 18_50), (24, 17_40), (96, 16_30)], lead: 3, retail: 368_00),
            sku("DE-SUP-01", "Magnesium effervescent tablets 20 pcs", .supplement, g: 100, cm: (4, 4, 16), q: 0.78, defect: 30,
                tiers: [(6, 1_20), (48, 1_05), (192, 95)], lead: 2, retail: 29_00),
            sku("DE-SUP-02", "Folic acid and iron tablets 60 pcs", .supplement, g: 80, cm: (6, 6, 9), q: 0.80, defect: 30,
                tiers: [(6, 4_50), (48, 4_00), (192, 3_60)], lead: 2, retail: 79_00),
            sku("DE-SUP-03", "Vitamin D drops for babies 10 ml", .supplement, g: 60, cm: (4, 4, 10), q: 0.84, defect: 25,
                tiers: [(6, 6_20), (48, 5_60), (192, 5_10)], lead: 2, retail: 99_00),
            sku("DE-COS-01", "Baby wind and weather cream 75 ml", .ordinaryCosmetic, g: 110, cm: (4, 4, 16), q: 0.82, defect: 30,
                tiers: [(6, 2_90), (48, 2_60), (192, 2_35)], lead: 2, retail: 59_00),
            sku("DE-COS-02", "Hyaluron day cream 50 ml", .ordinaryCosmetic, g: 160, cm: (7, 7, 7), q: 0.81, defect: 35,
                tiers: [(6, 9_80), (48, 8_90), (192, 8_10)], lead: 2, retail: 199_00),
            sku("DE-COS-03", "Urea 10% hand cream 100 ml", .ordinaryCosmetic, g: 130, cm: (4, 4, 18), q: 0.80, defect: 30,
                tiers: [(6, 3_20), (48, 2_90), (192, 2_60)], lead: 2, retail: 69_00),
        ])
    }

    static func solingenStahl() -> Sheet {
        Sheet(supplier("de-solingen-stahl", "Klingenwerk Wupper GmbH", .DE, "Solingen", capacity: 200, rating: 4.8), [
            sku("DE-KIT-01", "Forged chef's knife 20 cm", .kitchenware, g: 300, cm: (36, 8, 4), q: 0.94, defect: 20,
                tiers: [(1, 58_00), (6, 53_00), (24, 48_50)], lead: 4, retail: 999_00),
            sku("DE-KIT-02", "Stainless stockpot 24 cm with lid", .kitchenware, g: 2100, cm: (30, 30, 20), q: 0.90, defect: 30,
                tiers: [(1, 39_00), (6, 35_50), (24, 32_50)], lead: 5, retail: 799_00),
            sku("DE-KIT-03", "Pressure cooker 6 L", .kitchenware, g: 3200, cm: (36, 27, 22), q: 0.92, defect: 35,
                tiers: [(1, 89_00), (6, 82_00), (24, 76_00)], lead: 6, retail: 1599_00),
            sku("DE-KIT-04", "Kitchen scissors", .kitchenware, g: 150, cm: (25, 9, 2), q: 0.89, defect: 25,
                tiers: [(2, 14_50), (12, 13_20), (48, 12_00)], lead: 3, retail: 229_00),
            sku("DE-KIT-05", "Stainless frying pan 28 cm", .kitchenware, g: 1400, cm: (50, 30, 7), q: 0.90, defect: 30,
                tiers: [(1, 36_00), (6, 33_00), (24, 30_00)], lead: 5, retail: 699_00),
            sku("DE-KIT-06", "Knife block set 6 pcs", .kitchenware, g: 3000, cm: (40, 22, 14), q: 0.93, defect: 25,
                tiers: [(1, 149_00), (3, 139_00), (10, 129_00)], lead: 6, retail: 2580_00),
            sku("DE-KIT-07", "Swivel peeler", .kitchenware, g: 45, cm: (18, 6, 2), q: 0.88, defect: 25,
                tiers: [(6, 4_20), (48, 3_80), (192, 3_40)], lead: 3, retail: 69_00),
        ])
    }

    static func pforzheimZeit() -> Sheet {
        Sheet(supplier("de-pforzheim-zeit", "Goldstadt Uhren & Schmuck GmbH", .DE, "Pforzheim", capacity: 50, rating: 4.6), [
            sku("DE-WAT-01", "Automatic chronograph watch, sapphire glass", .highEndWatch, g: 450, cm: (14, 12, 10), q: 0.95, defect: 20,
                tiers: [(1, 1450_00), (3, 1380_00)], lead: 7, retail: 32800_00),
            sku("DE-WAT-02", "Automatic dress watch 38 mm", .highEndWatch, g: 400, cm: (14, 12, 10), q: 0.93, defect: 20,
                tiers: [(1, 780_00), (3, 740_00)], lead: 7, retail: 17800_00),
            sku("DE-WAT-03", "Quartz watch with steel bracelet", .watch, g: 300, cm: (12, 10, 8), q: 0.85, defect: 40,
                tiers: [(1, 95_00), (6, 88_00), (24, 81_00)], lead: 5, retail: 1580_00),
            sku("DE-JEW-01", "18k gold pendant necklace", .preciousJewellery, g: 60, cm: (10, 10, 4), q: 0.93, defect: 20,
                tiers: [(1, 420_00), (3, 400_00)], lead: 7, retail: 8800_00),
            sku("DE-JEW-02", "Sterling silver charm bracelet", .preciousJewellery, g: 80, cm: (10, 10, 4), q: 0.86, defect: 35,
                tiers: [(2, 45_00), (12, 41_00), (48, 37_50)], lead: 5, retail: 799_00),
            sku("DE-JEW-03", "Cultured pearl stud earrings, 18k gold", .preciousJewellery, g: 30, cm: (8, 8, 4), q: 0.90, defect: 30,
                tiers: [(1, 120_00), (6, 110_00)], lead: 5, retail: 2180_00),
        ])
    }

    // MARK: France (EUR; prices in cents)

    static func grasseBeaute() -> Sheet {
        Sheet(supplier("fr-grasse-beaute", "Parfumerie des Collines SARL", .FR, "Grasse", capacity: 250, rating: 4.6), [
            sku("FR-COS-01", "Rose face oil 30 ml", .highEndCosmetic, g: 110, cm: (5, 5, 12), q: 0.90, defect: 30,
                tiers: [(1, 34_00), (6, 31_00), (24, 28_50)], lead: 4, retail: 648_00),
            sku("FR-COS-02", "Micellar cleansing water 400 ml", .ordinaryCosmetic, g: 450, cm: (8, 5, 20), q: 0.82, defect: 30,
                tiers: [(3, 4_90), (24, 4_40), (96, 4_00)], lead: 3, retail: 109_00),
            sku("FR-COS-03", "Thermal spring water spray 300 ml", .ordinaryCosmetic, g: 380, cm: (6, 6, 22), q: 0.80, defect: 30,
                tiers: [(3, 4_20), (24, 3_80), (96, 3_40)], lead: 3, retail: 99_00),
            sku("FR-COS-04", "Anti-wrinkle night cream 50 ml", .highEndCosmetic, g: 170, cm: (7, 7, 7), q: 0.91, defect: 25,
                tiers: [(1, 42_00), (6, 38_50), (24, 35_00)], lead: 4, retail: 780_00),
            sku("FR-COS-05", "Eau de parfum 50 ml", .highEndCosmetic, g: 300, cm: (10, 6, 14), q: 0.92, defect: 25,
                tiers: [(1, 48_00), (6, 44_00), (24, 40_50)], lead: 4, retail: 890_00),
            sku("FR-COS-06", "Shea butter hand cream 150 ml", .ordinaryCosmetic, g: 190, cm: (5, 5, 18), q: 0.84, defect: 30,
                tiers: [(3, 6_90), (24, 6_20), (96, 5_60)], lead: 3, retail: 149_00),
            sku("FR-COS-07", "Vitamin C eye contour cream 15 ml", .highEndCosmetic, g: 60, cm: (5, 4, 10), q: 0.88, defect: 30,
                tiers: [(1, 24_00), (6, 22_00), (24, 20_00)], lead: 4, retail: 460_00),
            sku("FR-COS-08", "Argan dry oil for body and hair 100 ml", .ordinaryCosmetic, g: 200, cm: (5, 5, 15), q: 0.85, defect: 30,
                tiers: [(2, 14_50), (12, 13_20), (48, 12_00)], lead: 3, retail: 299_00),
        ])
    }

    static func lyonAtelier() -> Sheet {
        Sheet(supplier("fr-lyon-atelier", "Atelier Soierie du Rhône SAS", .FR, "Lyon", capacity: 150, rating: 4.3), [
            sku("FR-APP-01", "Silk twill scarf 90 cm", .apparel, g: 80, cm: (20, 20, 3), q: 0.92, defect: 40,
                tiers: [(1, 68_00), (6, 62_00), (24, 57_00)], lead: 5, retail: 1180_00),
            sku("FR-APP-02", "Breton striped cotton top", .apparel, g: 250, cm: (30, 25, 3), q: 0.85, defect: 60,
                tiers: [(2, 24_00), (12, 22_00), (48, 20_00)], lead: 5, retail: 399_00),
            sku("FR-APP-03", "Merino wool cardigan", .apparel, g: 400, cm: (35, 30, 6), q: 0.87, defect: 60,
                tiers: [(1, 55_00), (6, 50_00), (24, 46_00)], lead: 5, retail: 999_00),
            sku("FR-APP-04", "Linen shirt", .apparel, g: 260, cm: (32, 25, 4), q: 0.84, defect: 70,
                tiers: [(2, 32_00), (12, 29_00), (48, 26_50)], lead: 5, retail: 529_00),
            sku("FR-WAT-01", "Automatic diver watch 42 mm", .highEndWatch, g: 500, cm: (15, 12, 10), q: 0.92, defect: 25,
                tiers: [(1, 980_00), (3, 920_00)], lead: 7, retail: 22800_00),
            sku("FR-JEW-01", "18k gold ring with 0.2 ct diamond", .preciousJewellery, g: 40, cm: (8, 8, 6), q: 0.93, defect: 20,
                tiers: [(1, 850_00), (3, 810_00)], lead: 7, retail: 17800_00),
        ])
    }

    // MARK: Australia and New Zealand (AUD; prices in cents)

    static func melbourneHealth() -> Sheet {
        Sheet(supplier("au-melbourne-health", "Southern Cross Wellness Pty Ltd", .AU, "Melbourne", capacity: 1500, rating: 4.5), [
            sku("AU-INF-01", "Infant formula stage 1 900 g", .infantFormula, g: 1100, cm: (13, 13, 19), q: 0.89, defect: 20,
                tiers: [(6, 24_00), (24, 22_50), (96, 21_00)], lead: 3, retail: 298_00),
            sku("AU-INF-02", "Toddler milk drink stage 3 900 g", .infantFormula, g: 1100, cm: (13, 13, 19), q: 0.87, defect: 20,
                tiers: [(6, 21_00), (24, 19_80), (96, 18_50)], lead: 3, retail: 268_00),
            sku("AU-INF-03", "Organic goat milk formula stage 1 800 g", .infantFormula, g: 1000, cm: (13, 13, 18), q: 0.91, defect: 20,
                tiers: [(6, 32_00), (24, 30_00), (96, 28_00)], lead: 3, retail: 398_00),
            sku("AU-SUP-01", "Fish oil 1000 mg 400 capsules", .supplement, g: 560, cm: (9, 9, 17), q: 0.83, defect: 30,
                tiers: [(3, 19_50), (12, 18_00), (48, 16_50)], lead: 2, retail: 229_00),
            sku("AU-SUP-02", "Bovine colostrum powder 200 g", .supplement, g: 280, cm: (9, 9, 12), q: 0.82, defect: 30,
                tiers: [(3, 24_00), (12, 22_00), (48, 20_00)], lead: 2, retail: 259_00),
            sku("AU-SUP-03", "Grape seed extract 300 capsules", .supplement, g: 300, cm: (8, 8, 15), q: 0.80, defect: 30,
                tiers: [(3, 22_00), (12, 20_00), (48, 18_50)], lead: 2, retail: 239_00),
            sku("AU-SUP-04", "Kava root powder 250 g", .supplement, g: 280, cm: (15, 10, 6), q: 0.70, defect: 60,
                tiers: [(3, 18_00), (12, 16_50), (48, 15_00)], lead: 3, retail: 199_00, listed: false),
            sku("AU-SUP-05", "Sheep placenta capsules 100 pcs", .supplement, g: 120, cm: (7, 7, 11), q: 0.76, defect: 40,
                tiers: [(3, 28_00), (12, 25_50), (48, 23_50)], lead: 2, retail: 299_00),
            sku("AU-SUP-06", "Milk thistle 100 tablets", .supplement, g: 180, cm: (7, 7, 12), q: 0.79, defect: 30,
                tiers: [(3, 17_00), (12, 15_50), (48, 14_20)], lead: 2, retail: 189_00),
            sku("AU-SUP-07", "Kids' multivitamin gummies 120 pcs", .supplement, g: 300, cm: (8, 8, 13), q: 0.78, defect: 35,
                tiers: [(3, 9_50), (12, 8_60), (48, 7_90)], lead: 2, retail: 119_00),
            sku("AU-COS-01", "Lanolin cream 100 g", .ordinaryCosmetic, g: 130, cm: (7, 7, 6), q: 0.80, defect: 30,
                tiers: [(3, 4_50), (24, 4_00), (96, 3_60)], lead: 2, retail: 59_00),
            sku("AU-COS-02", "Papaya ointment 25 g", .ordinaryCosmetic, g: 40, cm: (3, 3, 10), q: 0.79, defect: 30,
                tiers: [(6, 3_80), (48, 3_40), (192, 3_00)], lead: 2, retail: 39_00),
            sku("AU-APP-01", "Sheepskin slippers", .apparel, g: 600, cm: (32, 22, 12), q: 0.86, defect: 60,
                tiers: [(2, 35_00), (12, 32_00), (48, 29_00)], lead: 4, retail: 459_00),
            sku("AU-APP-02", "Merino base layer top", .apparel, g: 220, cm: (28, 22, 4), q: 0.87, defect: 50,
                tiers: [(2, 38_00), (12, 35_00), (48, 32_00)], lead: 4, retail: 429_00),
        ])
    }

    static func aucklandPure() -> Sheet {
        Sheet(supplier("nz-auckland-pure", "Aotearoa Pure Foods Ltd", .NZ, "Auckland", capacity: 700, rating: 4.6), [
            sku("NZ-SUP-01", "Manuka honey UMF 10+ 250 g", .general9, g: 380, cm: (8, 8, 10), q: 0.86, defect: 25,
                tiers: [(3, 24_00), (12, 22_00), (48, 20_00)], lead: 3, retail: 259_00),
            sku("NZ-SUP-02", "Manuka honey UMF 20+ 250 g", .general9, g: 380, cm: (8, 8, 10), q: 0.92, defect: 25,
                tiers: [(3, 78_00), (12, 72_00), (48, 66_00)], lead: 3, retail: 798_00),
            sku("NZ-SUP-03", "Deer placenta capsules 60 pcs", .supplement, g: 90, cm: (6, 6, 10), q: 0.77, defect: 40,
                tiers: [(3, 35_00), (12, 32_00), (48, 29_50)], lead: 3, retail: 359_00),
            sku("NZ-SUP-04", "Green-lipped mussel capsules 180 pcs", .supplement, g: 150, cm: (7, 7, 12), q: 0.82, defect: 30,
                tiers: [(3, 28_00), (12, 25_50), (48, 23_50)], lead: 3, retail: 289_00),
            sku("NZ-SUP-05", "Propolis tincture 25 ml", .supplement, g: 70, cm: (4, 4, 11), q: 0.80, defect: 35,
                tiers: [(3, 14_00), (12, 12_80), (48, 11_80)], lead: 3, retail: 149_00),
            sku("NZ-INF-01", "Goat milk infant formula stage 1 900 g", .infantFormula, g: 1100, cm: (13, 13, 19), q: 0.91, defect: 20,
                tiers: [(6, 30_00), (24, 28_00), (96, 26_00)], lead: 3, retail: 369_00),
            sku("NZ-INF-02", "Goat milk follow-on formula stage 2 900 g", .infantFormula, g: 1100, cm: (13, 13, 19), q: 0.90, defect: 20,
                tiers: [(6, 28_50), (24, 26_80), (96, 25_00)], lead: 3, retail: 349_00),
            sku("NZ-INF-03", "Toddler milk powder stage 3 900 g", .infantFormula, g: 1100, cm: (13, 13, 19), q: 0.86, defect: 25,
                tiers: [(6, 19_50), (24, 18_20), (96, 17_00)], lead: 3, retail: 249_00),
            sku("NZ-APP-01", "Possum-merino knit beanie", .apparel, g: 110, cm: (22, 20, 5), q: 0.88, defect: 45,
                tiers: [(2, 28_00), (12, 25_50), (48, 23_50)], lead: 4, retail: 299_00),
            sku("NZ-COS-01", "Manuka honey face mask 100 g", .ordinaryCosmetic, g: 180, cm: (7, 7, 8), q: 0.81, defect: 35,
                tiers: [(3, 22_00), (12, 20_00), (48, 18_00)], lead: 3, retail: 229_00),
        ])
    }

    // MARK: China (CNY; prices in fen; retail in US cents)

    static func shenzhenTech() -> Sheet {
        Sheet(supplier("cn-shenzhen-tech", "Nanshan Bright Circuit Electronics Co., Ltd.", .CN, "Shenzhen", capacity: 5000, rating: 4.1), [
            sku("CN-ELE-01", "True wireless earbuds with charging case", .electronics, g: 120, cm: (10, 8, 4), q: 0.68, defect: 250,
                tiers: [(50, 38_00), (200, 34_50), (1000, 31_00)], lead: 7, retail: 19_99),
            sku("CN-ELE-02", "Power bank 10000 mAh", .electronics, g: 230, cm: (15, 8, 3), q: 0.70, defect: 200,
                tiers: [(50, 42_00), (200, 38_00), (1000, 34_50)], lead: 7, retail: 21_99),
            sku("CN-ELE-03", "USB-C GaN charger 65 W", .electronics, g: 130, cm: (8, 8, 5), q: 0.74, defect: 150,
                tiers: [(50, 36_00), (200, 32_50), (1000, 29_50)], lead: 7, retail: 19_99),
            sku("CN-ELE-04", "Mini Bluetooth speaker", .electronics, g: 350, cm: (12, 12, 9), q: 0.66, defect: 220,
                tiers: [(50, 48_00), (200, 43_50), (1000, 39_50)], lead: 8, retail: 24_99),
            sku("CN-ELE-05", "Fitness tracker smartwatch", .electronics, g: 150, cm: (12, 8, 6), q: 0.65, defect: 260,
                tiers: [(50, 85_00), (200, 77_00), (1000, 70_00)], lead: 10, retail: 39_99),
            sku("CN-ELE-06", "Wireless mouse 2.4 GHz", .computerEquipment, g: 100, cm: (12, 8, 5), q: 0.70, defect: 150,
                tiers: [(100, 18_00), (500, 16_00), (2000, 14_50)], lead: 6, retail: 9_99),
            sku("CN-ELE-07", "RGB mechanical keyboard", .computerEquipment, g: 900, cm: (38, 15, 5), q: 0.72, defect: 180,
                tiers: [(50, 115_00), (200, 104_00), (1000, 95_00)], lead: 10, retail: 59_99),
            sku("CN-ELE-08", "Noise-cancelling over-ear headphones", .electronics, g: 450, cm: (22, 19, 9), q: 0.69, defect: 200,
                tiers: [(50, 120_00), (200, 109_00), (1000, 99_00)], lead: 10, retail: 54_99),
            sku("CN-ELE-09", "LED ring light 10 in with tripod", .electronics, g: 1100, cm: (30, 30, 8), q: 0.67, defect: 220,
                tiers: [(50, 45_00), (200, 41_00), (1000, 37_00)], lead: 8, retail: 32_99),
            sku("CN-ELE-10", "Magnetic phone case", .general13, g: 50, cm: (18, 10, 2), q: 0.64, defect: 300,
                tiers: [(100, 12_00), (500, 10_50), (2000, 9_20)], lead: 5, retail: 6_99),
            sku("CN-ELE-11", "1080p dash cam", .electronics, g: 250, cm: (14, 10, 7), q: 0.66, defect: 240,
                tiers: [(50, 88_00), (200, 80_00), (1000, 72_00)], lead: 10, retail: 39_99),
            sku("CN-ELE-12", "Wi-Fi smart plug 2-pack", .electronics, g: 260, cm: (14, 10, 8), q: 0.70, defect: 180,
                tiers: [(100, 32_00), (500, 29_00), (2000, 26_00)], lead: 7, retail: 17_99),
            sku("CN-ELE-13", "Sonic electric toothbrush", .electronics, g: 300, cm: (24, 8, 6), q: 0.68, defect: 200,
                tiers: [(100, 42_00), (500, 38_00), (2000, 34_50)], lead: 8, retail: 24_99),
            sku("CN-ELE-14", "Mini projector 720p", .electronics, g: 1300, cm: (25, 20, 12), q: 0.60, defect: 350,
                tiers: [(20, 260_00), (100, 238_00), (500, 218_00)], lead: 12, retail: 119_99),
            sku("CN-ELE-15", "Phone tripod with Bluetooth remote", .electronics, g: 300, cm: (30, 8, 6), q: 0.66, defect: 220,
                tiers: [(100, 22_00), (500, 19_80), (2000, 17_80)], lead: 7, retail: 15_99),
            sku("CN-ELE-16", "4K action camera", .electronics, g: 350, cm: (15, 10, 8), q: 0.64, defect: 280,
                tiers: [(20, 180_00), (100, 165_00), (500, 150_00)], lead: 12, retail: 69_99),
            sku("CN-ELE-17", "Portable SSD 1 TB", .computerEquipment, g: 80, cm: (12, 8, 3), q: 0.73, defect: 160,
                tiers: [(20, 290_00), (100, 270_00), (500, 250_00)], lead: 9, retail: 89_99),
            sku("CN-ELE-18", "Smart LED bulb 4-pack", .electronics, g: 400, cm: (24, 12, 12), q: 0.69, defect: 200,
                tiers: [(100, 38_00), (500, 34_00), (2000, 30_50)], lead: 8, retail: 24_99),
            sku("CN-ELE-19", "Kids' GPS smartwatch", .electronics, g: 120, cm: (10, 8, 6), q: 0.62, defect: 300,
                tiers: [(50, 120_00), (200, 108_00), (1000, 98_00)], lead: 12, retail: 49_99),
        ])
    }

    static func yiwuGoods() -> Sheet {
        Sheet(supplier("cn-yiwu-goods", "Jiangbin Small Commodities Co., Ltd.", .CN, "Yiwu", capacity: 3000, rating: 3.8), [
            sku("CN-KIT-01", "Stainless steamer pot 2-tier 24 cm", .kitchenware, g: 1200, cm: (30, 30, 20), q: 0.66, defect: 200,
                tiers: [(50, 62_00), (200, 56_00), (1000, 51_00)], lead: 10, retail: 59_99),
            sku("CN-KIT-02", "Silicone spatula set 5 pcs", .general13, g: 280, cm: (32, 12, 5), q: 0.68, defect: 180,
                tiers: [(100, 14_00), (500, 12_50), (2000, 11_20)], lead: 7, retail: 12_99),
            sku("CN-KIT-03", "Collapsible silicone colander", .general13, g: 350, cm: (26, 26, 6), q: 0.67, defect: 180,
                tiers: [(100, 16_50), (500, 14_80), (2000, 13_30)], lead: 7, retail: 14_99),
            sku("CN-KIT-04", "Stainless mixing bowls 5 pcs", .kitchenware, g: 1100, cm: (30, 30, 15), q: 0.70, defect: 160,
                tiers: [(50, 48_00), (200, 43_50), (1000, 39_50)], lead: 10, retail: 39_99),
            sku("CN-KIT-05", "Glass food storage containers 10 pcs", .general13, g: 3000, cm: (35, 25, 20), q: 0.69, defect: 260,
                tiers: [(50, 58_00), (200, 52_00), (1000, 47_00)], lead: 12, retail: 49_99),
            sku("CN-KIT-06", "Insulated water bottle 750 ml", .kitchenware, g: 350, cm: (9, 9, 28), q: 0.68, defect: 200,
                tiers: [(100, 24_00), (500, 21_50), (2000, 19_50)], lead: 8, retail: 17_99),
            sku("CN-KIT-07", "Bamboo cutting board set 3 pcs", .general13, g: 1500, cm: (40, 28, 5), q: 0.70, defect: 150,
                tiers: [(50, 28_00), (200, 25_00), (1000, 22_50)], lead: 10, retail: 29_99),
            sku("CN-KIT-08", "Stainless utensil holder", .kitchenware, g: 500, cm: (15, 15, 18), q: 0.66, defect: 170,
                tiers: [(100, 15_00), (500, 13_50), (2000, 12_00)], lead: 8, retail: 16_99),
            sku("CN-KIT-09", "Vegetable spiralizer", .general13, g: 600, cm: (25, 15, 12), q: 0.62, defect: 240,
                tiers: [(100, 19_00), (500, 17_00), (2000, 15_30)], lead: 8, retail: 19_99),
            sku("CN-KIT-10", "Enamel camping mug 350 ml 2-pack", .kitchenware, g: 500, cm: (20, 12, 10), q: 0.65, defect: 220,
                tiers: [(100, 16_00), (500, 14_40), (2000, 13_00)], lead: 8, retail: 15_99),
            sku("CN-KIT-11", "Stainless drinking straws 8 pcs", .kitchenware, g: 80, cm: (25, 6, 2), q: 0.64, defect: 150,
                tiers: [(200, 7_00), (1000, 6_20), (5000, 5_50)], lead: 6, retail: 4_99),
            sku("CN-KIT-12", "Silicone ice cube trays 2-pack", .general13, g: 250, cm: (25, 12, 5), q: 0.63, defect: 180,
                tiers: [(100, 11_00), (500, 9_80), (2000, 8_80)], lead: 6, retail: 9_99),
            sku("CN-KIT-13", "Bento lunch box with cutlery", .general13, g: 450, cm: (20, 15, 10), q: 0.64, defect: 200,
                tiers: [(100, 18_00), (500, 16_00), (2000, 14_50)], lead: 7, retail: 16_99),
            sku("CN-JEW-01", "Gold-plated stainless pendant necklace", .fashionJewellery, g: 30, cm: (10, 8, 2), q: 0.58, defect: 300,
                tiers: [(200, 12_00), (1000, 10_50), (5000, 9_50)], lead: 5, retail: 6_99),
            sku("CN-JEW-02", "Gold-plated hoop earrings 3 pairs", .fashionJewellery, g: 25, cm: (8, 8, 2), q: 0.57, defect: 320,
                tiers: [(200, 9_00), (1000, 8_00), (5000, 7_10)], lead: 5, retail: 4_99),
            sku("CN-JEW-03", "Beaded friendship bracelets 12-pack", .fashionJewellery, g: 60, cm: (15, 10, 3), q: 0.55, defect: 350,
                tiers: [(200, 11_00), (1000, 9_80), (5000, 8_80)], lead: 5, retail: 6_99),
            sku("CN-JEW-04", "Cubic zirconia stud earrings 6 pairs", .fashionJewellery, g: 30, cm: (10, 8, 2), q: 0.56, defect: 330,
                tiers: [(200, 9_50), (1000, 8_50), (5000, 7_60)], lead: 5, retail: 5_49),
            sku("CN-APP-01", "Knit beanie", .apparel, g: 90, cm: (22, 20, 3), q: 0.60, defect: 250,
                tiers: [(100, 12_00), (500, 10_80), (2000, 9_70)], lead: 7, retail: 8_99),
        ])
    }

    static func guangzhouStyle() -> Sheet {
        Sheet(supplier("cn-guangzhou-style", "Baiyun Garment & Beauty Co., Ltd.", .CN, "Guangzhou", capacity: 4000, rating: 4.0), [
            sku("CN-APP-02", "Cotton crew-neck T-shirt", .apparel, g: 180, cm: (28, 22, 2), q: 0.65, defect: 220,
                tiers: [(100, 16_00), (500, 14_20), (2000, 12_80)], lead: 8, retail: 11_99),
            sku("CN-APP-03", "Oversized hoodie", .apparel, g: 550, cm: (35, 30, 6), q: 0.68, defect: 200,
                tiers: [(50, 48_00), (200, 43_00), (1000, 39_00)], lead: 10, retail: 29_99),
            sku("CN-APP-04", "Lightweight puffer jacket", .apparel, g: 450, cm: (40, 30, 12), q: 0.67, defect: 220,
                tiers: [(50, 95_00), (200, 86_00), (1000, 78_00)], lead: 14, retail: 59_99),
            sku("CN-APP-05", "High-waist yoga leggings", .apparel, g: 230, cm: (25, 20, 3), q: 0.66, defect: 240,
                tiers: [(100, 26_00), (500, 23_50), (2000, 21_00)], lead: 8, retail: 17_99),
            sku("CN-APP-06", "Floral summer dress", .apparel, g: 260, cm: (30, 25, 3), q: 0.62, defect: 280,
                tiers: [(50, 42_00), (200, 38_00), (1000, 34_50)], lead: 10, retail: 26_99),
            sku("CN-APP-07", "Slim-fit denim jeans", .apparel, g: 650, cm: (35, 30, 4), q: 0.67, defect: 230,
                tiers: [(50, 58_00), (200, 52_50), (1000, 47_50)], lead: 12, retail: 32_99),
            sku("CN-APP-08", "Cotton socks 6-pack", .apparel, g: 300, cm: (22, 18, 5), q: 0.63, defect: 180,
                tiers: [(100, 15_00), (500, 13_50), (2000, 12_00)], lead: 7, retail: 12_99),
            sku("CN-APP-09", "Men's pique polo shirt", .apparel, g: 260, cm: (30, 25, 3), q: 0.66, defect: 200,
                tiers: [(100, 28_00), (500, 25_50), (2000, 23_00)], lead: 8, retail: 19_99),
            sku("CN-APP-10", "Women's knit cardigan", .apparel, g: 350, cm: (30, 25, 5), q: 0.64, defect: 240,
                tiers: [(50, 52_00), (200, 47_00), (1000, 42_50)], lead: 10, retail: 32_99),
            sku("CN-COS-01", "Hyaluronic acid serum 30 ml", .ordinaryCosmetic, g: 90, cm: (5, 5, 11), q: 0.66, defect: 150,
                tiers: [(100, 18_00), (500, 16_00), (2000, 14_50)], lead: 10, retail: 10_99),
            sku("CN-COS-02", "Matte liquid lipstick set 6 pcs", .highEndCosmetic, g: 120, cm: (15, 10, 3), q: 0.62, defect: 200,
                tiers: [(100, 24_00), (500, 21_50), (2000, 19_50)], lead: 10, retail: 14_99),
            sku("CN-COS-03", "Eyeshadow palette 27 g", .ordinaryCosmetic, g: 150, cm: (18, 10, 2), q: 0.63, defect: 180,
                tiers: [(100, 20_00), (500, 18_00), (2000, 16_20)], lead: 10, retail: 12_99),
            sku("CN-COS-04", "Sheet mask 10 pcs", .ordinaryCosmetic, g: 250, cm: (20, 15, 3), q: 0.60, defect: 160,
                tiers: [(200, 12_00), (1000, 10_50), (5000, 9_50)], lead: 8, retail: 9_99),
            sku("CN-COS-05", "Makeup setting spray 100 ml", .ordinaryCosmetic, g: 140, cm: (5, 5, 16), q: 0.61, defect: 170,
                tiers: [(100, 11_00), (500, 9_80), (2000, 8_80)], lead: 8, retail: 7_99),
            sku("CN-COS-06", "Vitamin C face cream 50 g", .ordinaryCosmetic, g: 130, cm: (7, 7, 7), q: 0.64, defect: 160,
                tiers: [(100, 19_00), (500, 17_00), (2000, 15_30)], lead: 10, retail: 11_99),
            sku("CN-COS-07", "Makeup brush set 12 pcs", .general13, g: 200, cm: (22, 8, 5), q: 0.65, defect: 200,
                tiers: [(100, 22_00), (500, 19_80), (2000, 17_80)], lead: 8, retail: 14_99),
            sku("CN-COS-08", "Nail polish set 6 pcs", .ordinaryCosmetic, g: 200, cm: (15, 10, 4), q: 0.60, defect: 220,
                tiers: [(100, 18_00), (500, 16_00), (2000, 14_50)], lead: 8, retail: 11_99),
        ])
    }

    static func hangzhouSilk() -> Sheet {
        Sheet(supplier("cn-hangzhou-silk", "Xiling Silk & Pearl Co., Ltd.", .CN, "Hangzhou", capacity: 800, rating: 4.4), [
            sku("CN-APP-11", "Mulberry silk scarf 90 cm", .apparel, g: 70, cm: (20, 20, 2), q: 0.80, defect: 120,
                tiers: [(50, 65_00), (200, 58_00), (1000, 52_00)], lead: 10, retail: 34_99),
            sku("CN-APP-12", "Silk pyjama set", .apparel, g: 300, cm: (30, 25, 5), q: 0.82, defect: 130,
                tiers: [(30, 180_00), (100, 165_00), (500, 150_00)], lead: 14, retail: 79_99),
            sku("CN-APP-13", "Silk sleep eye mask", .apparel, g: 40, cm: (20, 10, 2), q: 0.78, defect: 120,
                tiers: [(100, 22_00), (500, 19_50), (2000, 17_50)], lead: 8, retail: 12_99),
            sku("CN-APP-14", "Silk blouse", .apparel, g: 180, cm: (30, 25, 3), q: 0.81, defect: 140,
                tiers: [(30, 150_00), (100, 138_00), (500, 125_00)], lead: 14, retail: 69_99),
            sku("CN-APP-15", "Cashmere-blend scarf", .apparel, g: 200, cm: (25, 20, 4), q: 0.76, defect: 150,
                tiers: [(50, 75_00), (200, 68_00), (1000, 62_00)], lead: 12, retail: 39_99),
            sku("CN-JEW-05", "Freshwater pearl studs, sterling silver", .preciousJewellery, g: 20, cm: (8, 8, 3), q: 0.80, defect: 100,
                tiers: [(50, 38_00), (200, 34_00), (1000, 30_50)], lead: 10, retail: 19_99),
            sku("CN-JEW-06", "Freshwater pearl necklace 45 cm", .preciousJewellery, g: 60, cm: (12, 12, 3), q: 0.82, defect: 100,
                tiers: [(30, 120_00), (100, 108_00), (500, 98_00)], lead: 12, retail: 59_99),
            sku("CN-JEW-07", "Baroque pearl bracelet", .preciousJewellery, g: 40, cm: (10, 10, 3), q: 0.79, defect: 110,
                tiers: [(30, 85_00), (100, 77_00), (500, 70_00)], lead: 12, retail: 39_99),
            sku("CN-SUP-01", "Green tea extract 60 capsules", .supplement, g: 90, cm: (6, 6, 10), q: 0.72, defect: 90,
                tiers: [(100, 22_00), (500, 19_50), (2000, 17_50)], lead: 10, retail: 12_99),
            sku("CN-SUP-02", "Reishi spore powder 90 capsules", .supplement, g: 120, cm: (7, 7, 11), q: 0.74, defect: 90,
                tiers: [(50, 58_00), (200, 52_00), (1000, 47_00)], lead: 12, retail: 29_99),
            sku("CN-SUP-03", "Goji berry extract 60 capsules", .supplement, g: 90, cm: (6, 6, 10), q: 0.71, defect: 100,
                tiers: [(100, 25_00), (500, 22_50), (2000, 20_00)], lead: 10, retail: 14_99),
        ])
    }

    static func ningboHome() -> Sheet {
        Sheet(supplier("cn-ningbo-home", "Sanjiangkou Home Appliance Co., Ltd.", .CN, "Ningbo", capacity: 1500, rating: 4.2), [
            sku("CN-KIT-14", "Stainless electric kettle 1.7 L", .kitchenware, g: 1100, cm: (23, 18, 25), q: 0.72, defect: 180,
                tiers: [(50, 62_00), (200, 56_00), (1000, 50_50)], lead: 14, retail: 39_99),
            sku("CN-KIT-15", "Air fryer 4.5 L", .kitchenware, g: 4200, cm: (35, 32, 35), q: 0.74, defect: 200,
                tiers: [(20, 210_00), (100, 192_00), (500, 176_00)], lead: 18, retail: 129_99),
            sku("CN-KIT-16", "Rice cooker 3 L", .kitchenware, g: 2600, cm: (30, 28, 26), q: 0.73, defect: 180,
                tiers: [(30, 135_00), (100, 123_00), (500, 112_00)], lead: 16, retail: 79_99),
            sku("CN-KIT-17", "4-in-1 hand blender", .kitchenware, g: 1300, cm: (40, 15, 10), q: 0.71, defect: 200,
                tiers: [(50, 78_00), (200, 71_00), (1000, 64_50)], lead: 14, retail: 39_99),
            sku("CN-KIT-18", "Non-stick frying pan 28 cm", .kitchenware, g: 1000, cm: (50, 30, 7), q: 0.69, defect: 200,
                tiers: [(50, 45_00), (200, 41_00), (1000, 37_00)], lead: 12, retail: 34_99),
            sku("CN-KIT-19", "Stainless cookware set 8 pcs", .kitchenware, g: 6500, cm: (50, 35, 30), q: 0.72, defect: 170,
                tiers: [(20, 260_00), (100, 238_00), (500, 218_00)], lead: 21, retail: 159_99),
            sku("CN-KIT-20", "Electric coffee grinder", .kitchenware, g: 700, cm: (20, 12, 12), q: 0.70, defect: 190,
                tiers: [(50, 48_00), (200, 43_50), (1000, 39_50)], lead: 12, retail: 24_99),
            sku("CN-KIT-21", "Vacuum sealer machine", .kitchenware, g: 1300, cm: (40, 12, 10), q: 0.70, defect: 210,
                tiers: [(50, 88_00), (200, 80_00), (1000, 72_50)], lead: 14, retail: 49_99),
            sku("CN-ELE-20", "Rechargeable USB desk fan", .electronics, g: 500, cm: (20, 15, 25), q: 0.67, defect: 220,
                tiers: [(50, 32_00), (200, 29_00), (1000, 26_00)], lead: 12, retail: 24_99),
            sku("CN-ELE-21", "Cordless handheld vacuum", .electronics, g: 1400, cm: (45, 15, 15), q: 0.69, defect: 230,
                tiers: [(30, 125_00), (100, 114_00), (500, 104_00)], lead: 16, retail: 69_99),
        ])
    }

    static func jinjiangSports() -> Sheet {
        Sheet(supplier("cn-jinjiang-sports", "Jinjiang Stride Sportswear Co., Ltd.", .CN, "Jinjiang", capacity: 2500, rating: 3.9), [
            sku("CN-APP-16", "Mesh running shoes", .apparel, g: 700, cm: (33, 22, 12), q: 0.68, defect: 220,
                tiers: [(50, 85_00), (200, 77_00), (1000, 70_00)], lead: 14, retail: 49_99),
            sku("CN-APP-17", "Slip-on canvas sneakers", .apparel, g: 600, cm: (32, 20, 11), q: 0.64, defect: 240,
                tiers: [(50, 42_00), (200, 38_00), (1000, 34_00)], lead: 12, retail: 29_99),
            sku("CN-APP-18", "Quick-dry running shorts", .apparel, g: 150, cm: (25, 20, 3), q: 0.65, defect: 200,
                tiers: [(100, 22_00), (500, 19_80), (2000, 17_80)], lead: 8, retail: 14_99),
            sku("CN-APP-19", "Compression sports bra", .apparel, g: 120, cm: (22, 18, 3), q: 0.66, defect: 210,
                tiers: [(100, 24_00), (500, 21_50), (2000, 19_50)], lead: 8, retail: 15_99),
            sku("CN-APP-20", "Packable windbreaker jacket", .apparel, g: 250, cm: (30, 25, 5), q: 0.67, defect: 210,
                tiers: [(50, 55_00), (200, 50_00), (1000, 45_00)], lead: 10, retail: 34_99),
            sku("CN-APP-21", "EVA slide sandals", .apparel, g: 400, cm: (30, 12, 10), q: 0.62, defect: 200,
                tiers: [(100, 16_00), (500, 14_50), (2000, 13_00)], lead: 7, retail: 16_99),
            sku("CN-APP-22", "Thermal base layer set", .apparel, g: 350, cm: (30, 25, 5), q: 0.65, defect: 200,
                tiers: [(50, 45_00), (200, 41_00), (1000, 37_00)], lead: 10, retail: 29_99),
            sku("CN-APP-23", "Fleece track jacket", .apparel, g: 500, cm: (35, 30, 6), q: 0.66, defect: 210,
                tiers: [(50, 65_00), (200, 59_00), (1000, 53_50)], lead: 10, retail: 39_99),
        ])
    }
}
