/// The sandbox's tax classes: China's import treatment of each kind of good, plus one HS subheading.
///
/// Sources (see DOMAIN.md): VAT 13% for most goods and 9% for some agricultural goods (since 2019-04-01);
/// consumption tax 15% on high-end cosmetics (at or above 10 CNY per ml or g, or 15 CNY per piece, before VAT),
/// 10% on precious jewellery, 20% on high-end watches. CBEC retail imports within the limits pay 0% tariff and
/// 70% of VAT and consumption tax; the MFN tariff (`tariffBP`) applies only under the single-item rule
/// (one item above 5,000 CNY), at the sandbox's *assumption* rates: cosmetics 5%, infant formula 15%,
/// supplements 10%, kitchenware 8%, electronics 0–10%, apparel 10%. Rates marked *assumption* below are ours.
/// The HS subheading is a representative 6-digit line for the class (EU flat duty counts subheadings).
extension TaxClass {
    /// General household goods at 13% VAT (plastic, silicone or bamboo kitchen and household articles).
    /// Tariff 10% (*assumption*); HS 392490: household articles of plastics, other.
    public static let general13 = TaxClass(code: "general-13", vatBP: 1300, consumptionBP: 0, tariffBP: 1000, hsSubheading: "392490")

    /// Agricultural goods at the 9% VAT rate; the sandbox's example is natural honey.
    /// Tariff 15% (*assumption*); HS 040900: natural honey.
    public static let general9 = TaxClass(code: "general-9", vatBP: 900, consumptionBP: 0, tariffBP: 1500, hsSubheading: "040900")

    /// Cosmetics below the high-end price line: no consumption tax. Tariff 5%; HS 330499: beauty or skin-care preparations.
    public static let ordinaryCosmetic = TaxClass(code: "ordinary-cosmetic", vatBP: 1300, consumptionBP: 0, tariffBP: 500, hsSubheading: "330499")

    /// Cosmetics at or above 10 CNY per ml or g (or 15 CNY per piece) before VAT: consumption tax 15%.
    /// Tariff 5%; HS 330499. CBEC comprehensive tax 0.7 × 0.28 / 0.85 ≈ 23.06%.
    public static let highEndCosmetic = TaxClass(code: "high-end-cosmetic", vatBP: 1300, consumptionBP: 1500, tariffBP: 500, hsSubheading: "330499")

    /// Infant formula. Tariff 15%; HS 190110: preparations for infant use, put up for retail sale.
    public static let infantFormula = TaxClass(code: "infant-formula", vatBP: 1300, consumptionBP: 0, tariffBP: 1500, hsSubheading: "190110")

    /// Dietary supplements (capsules, tablets, powders). Tariff 10%; HS 210690: food preparations n.e.s.
    public static let supplement = TaxClass(code: "supplement", vatBP: 1300, consumptionBP: 0, tariffBP: 1000, hsSubheading: "210690")

    /// Metal kitchenware and small kitchen appliances. Tariff 8%; HS 732393: table and kitchen articles of stainless steel.
    public static let kitchenware = TaxClass(code: "kitchenware", vatBP: 1300, consumptionBP: 0, tariffBP: 800, hsSubheading: "732393")

    /// Consumer electronics. Tariff 10%, the top of DOMAIN.md's 0–10% range (*assumption*);
    /// HS 851830: headphones and earphones.
    public static let electronics = TaxClass(code: "electronics", vatBP: 1300, consumptionBP: 0, tariffBP: 1000, hsSubheading: "851830")

    /// Computer equipment covered by the WTO Information Technology Agreement (keyboards, mice, tablets, drives):
    /// tariff 0%, the bottom of the electronics range. HS 847160: input or output units.
    public static let computerEquipment = TaxClass(code: "computer-equipment", vatBP: 1300, consumptionBP: 0, tariffBP: 0, hsSubheading: "847160")

    /// Apparel, footwear and accessories. Tariff 10%; HS 610910: T-shirts and vests of cotton, knitted.
    public static let apparel = TaxClass(code: "apparel", vatBP: 1300, consumptionBP: 0, tariffBP: 1000, hsSubheading: "610910")

    /// Watches below the high-end line (no consumption tax). Tariff 10% (*assumption*);
    /// HS 910211: wrist-watches, electrically operated, with mechanical display only.
    public static let watch = TaxClass(code: "watch", vatBP: 1300, consumptionBP: 0, tariffBP: 1000, hsSubheading: "910211")

    /// High-end watches: consumption tax 20%. Tariff 10% (*assumption*);
    /// HS 910221: wrist-watches with automatic winding (base-metal case).
    public static let highEndWatch = TaxClass(code: "high-end-watch", vatBP: 1300, consumptionBP: 2000, tariffBP: 1000, hsSubheading: "910221")

    /// Jewellery of precious metal (gold, silver, platinum) and pearls: consumption tax 10%.
    /// Tariff 8% (*assumption*); HS 711319: articles of jewellery of precious metal other than silver.
    public static let preciousJewellery = TaxClass(code: "precious-jewellery", vatBP: 1300, consumptionBP: 1000, tariffBP: 800, hsSubheading: "711319")

    /// Costume jewellery of base metal, plated or not: no consumption tax. Tariff 10% (*assumption*);
    /// HS 711719: imitation jewellery of base metal, other.
    public static let fashionJewellery = TaxClass(code: "fashion-jewellery", vatBP: 1300, consumptionBP: 0, tariffBP: 1000, hsSubheading: "711719")

    /// Every standard tax class, in a fixed order (codes are unique).
    public static let standard: [TaxClass] = [
        general13, general9, ordinaryCosmetic, highEndCosmetic, infantFormula, supplement, kitchenware,
        electronics, computerEquipment, apparel, watch, highEndWatch, preciousJewellery, fashionJewellery,
    ]
}
