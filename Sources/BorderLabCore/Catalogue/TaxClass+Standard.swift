/// The sandbox's tax classes: China's import treatment of each kind of good, plus one HS subheading.
///
/// Sources (see DOMAIN.md): VAT 13% for most goods and 9% for some agricultural goods (since 2019-04-01).
/// Consumption tax is not a class property: the rule book scopes it by tariff heading and price
/// (``RuleBook/cnConsumptionTax``). CBEC retail imports within the limits pay 0% tariff and
/// 70% of VAT and consumption tax; the MFN tariff (`tariffBP`) applies only under the single-item rule
/// (one item above 5,000 CNY), at the sandbox's *assumption* rates: cosmetics 5%, infant formula 15%,
/// supplements 10%, kitchenware 8%, electronics 0–10%, apparel 10%. Rates marked *assumption* below are ours.
/// The HS subheading is a representative 6-digit line for the class; products carry their own (``Product/hsSubheading``).
extension TaxClass {
    /// General household goods at 13% VAT (plastic, silicone or bamboo kitchen and household articles).
    /// Tariff 10% (*assumption*); HS 392490: household articles of plastics, other.
    public static let general13 = TaxClass(code: "general-13", vatBP: 1300, tariffBP: 1000, hsSubheading: "392490")

    /// Agricultural goods at the 9% VAT rate; the sandbox's example is natural honey.
    /// Tariff 15% (*assumption*); HS 040900: natural honey.
    public static let general9 = TaxClass(code: "general-9", vatBP: 900, tariffBP: 1500, hsSubheading: "040900")

    /// Cosmetics (perfume, make-up, skin care). Tariff 5%; HS 330499: beauty or skin-care preparations, other.
    /// Whether one pays consumption tax (15%) follows its subheading and its dutiable value per ml, g or piece
    /// (``RuleBook/cnConsumptionTax``): CBEC comprehensive tax 9.1% below the line, 0.7 × 0.28 / 0.85 ≈ 23.06% at or above it.
    public static let cosmetic = TaxClass(code: "cosmetic", vatBP: 1300, tariffBP: 500, hsSubheading: "330499")

    /// The catalogue's name for cosmetics priced below the high-end line when it was written; the same class as
    /// ``cosmetic``, since the price the shop charges decides (kept so catalogue rows need not change).
    public static let ordinaryCosmetic = cosmetic

    /// The catalogue's name for cosmetics priced above the high-end line when it was written; the same class as
    /// ``cosmetic`` (see ``ordinaryCosmetic``).
    public static let highEndCosmetic = cosmetic

    /// Infant formula. Tariff 15%; HS 190110: preparations for infant use, put up for retail sale.
    public static let infantFormula = TaxClass(code: "infant-formula", vatBP: 1300, tariffBP: 1500, hsSubheading: "190110")

    /// Dietary supplements (capsules, tablets, powders). Tariff 10%; HS 210690: food preparations n.e.s.
    public static let supplement = TaxClass(code: "supplement", vatBP: 1300, tariffBP: 1000, hsSubheading: "210690")

    /// Metal kitchenware and small kitchen appliances. Tariff 8%; HS 732393: table and kitchen articles of stainless steel.
    public static let kitchenware = TaxClass(code: "kitchenware", vatBP: 1300, tariffBP: 800, hsSubheading: "732393")

    /// Consumer electronics. Tariff 10%, the top of DOMAIN.md's 0–10% range (*assumption*);
    /// HS 851830: headphones and earphones.
    public static let electronics = TaxClass(code: "electronics", vatBP: 1300, tariffBP: 1000, hsSubheading: "851830")

    /// Computer equipment covered by the WTO Information Technology Agreement (keyboards, mice, tablets, drives):
    /// tariff 0%, the bottom of the electronics range. HS 847160: input or output units.
    public static let computerEquipment = TaxClass(code: "computer-equipment", vatBP: 1300, tariffBP: 0, hsSubheading: "847160")

    /// Apparel, footwear and accessories. Tariff 10%; HS 610910: T-shirts and vests of cotton, knitted.
    public static let apparel = TaxClass(code: "apparel", vatBP: 1300, tariffBP: 1000, hsSubheading: "610910")

    /// Quartz wrist-watches. Tariff 10% (*assumption*); HS 910211: wrist-watches, electrically operated, with
    /// mechanical display only. Consumption tax 20% only at a dutiable value of 10,000 CNY or more per watch.
    public static let watch = TaxClass(code: "watch", vatBP: 1300, tariffBP: 1000, hsSubheading: "910211")

    /// Automatic (self-winding) wrist-watches with a base-metal case. Tariff 11% (China's MFN rate for 9102.21 in the
    /// Customs Tariff of the PRC); HS 910221. Consumption tax 20% only at 10,000 CNY or more per watch.
    public static let automaticWatch = TaxClass(code: "automatic-watch", vatBP: 1300, tariffBP: 1100, hsSubheading: "910221")

    /// The catalogue's name for ``automaticWatch`` (kept so catalogue rows need not change).
    public static let highEndWatch = automaticWatch

    /// Jewellery of precious metal (gold, silver, platinum), with or without diamonds, and pearl or gem jewellery.
    /// Tariff 8% (the MFN rate of gold and silver jewellery since the 2018-07-01 cuts; *assumption* for pearls);
    /// HS 711319: jewellery of precious metal other than silver. Consumption tax follows the product's subheading:
    /// none at import for gold, silver and platinum (7113.11, 7113.19) or diamonds (levied at retail), 10% on pearls
    /// and gems (7116).
    public static let preciousJewellery = TaxClass(code: "precious-jewellery", vatBP: 1300, tariffBP: 800, hsSubheading: "711319")

    /// Costume jewellery of base metal, plated or not: no consumption tax. Tariff 10% (*assumption*);
    /// HS 711719: imitation jewellery of base metal, other.
    public static let fashionJewellery = TaxClass(code: "fashion-jewellery", vatBP: 1300, tariffBP: 1000, hsSubheading: "711719")

    /// Every standard tax class, in a fixed order (codes are unique).
    public static let standard: [TaxClass] = [
        general13, general9, cosmetic, infantFormula, supplement, kitchenware,
        electronics, computerEquipment, apparel, watch, automaticWatch, preciousJewellery, fashionJewellery,
    ]
}
