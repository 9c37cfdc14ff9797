/// The customs facts of the standard catalogue's goods: each SKU's own 6-digit HS subheading and, for cosmetics,
/// the net content China's consumption tax measures the price by.
///
/// Kept apart from the price sheets in `StandardCatalogue.swift` on purpose: these facts change with tariff
/// nomenclature and tax law, prices with the market, and the two are edited by different hands. A SKU not listed
/// here (supplements 210690, infant formula 190110, honey 040900) takes its tax class's subheading and counts as one
/// piece.
///
/// Subheadings follow the Harmonized System 2022: e.g. 330300 perfume, 330410 lip make-up, 330420 eye make-up,
/// 330430 manicure preparations, 330499 skin care and other make-up, 621410 silk scarves, 640411 sports footwear
/// with textile uppers, 711311 silver jewellery, 711319 gold or platinum jewellery, 711610 pearl articles,
/// 910211 quartz wrist-watches, 910221 automatic wrist-watches. The content is the size in each cosmetic's name.
enum StandardCustomsFacts {
    struct Facts {
        let hs: String
        let content: NetContent?
    }

    /// The facts of `sku`, or nil when the class's defaults apply.
    static func facts(_ sku: String) -> Facts? {
        guard let row = rows.first(where: { $0.0 == sku }) else { return nil }
        return Facts(hs: row.1, content: row.2)
    }

    private static func ml(_ amount: Int) -> NetContent { NetContent(amount, .ml) }
    private static func g(_ amount: Int) -> NetContent { NetContent(amount, .g) }
    private static func pcs(_ amount: Int) -> NetContent { NetContent(amount, .piece) }

    /// (SKU, HS subheading, net content), in SKU order within each supplier.
    static let rows: [(String, String, NetContent?)] = [
        // Cosmetics: skin care 330499 unless lip (330410), eye (330420) or nail (330430) make-up or perfume (330300).
        ("JP-COS-01", "330499", ml(200)), ("JP-COS-02", "330499", ml(150)), ("JP-COS-03", "330499", ml(230)),
        ("JP-COS-04", "330499", g(90)), ("JP-COS-05", "330499", g(120)), ("JP-COS-06", "330499", pcs(10)),
        ("JP-COS-07", "330499", ml(30)), ("JP-COS-08", "330499", g(20)), ("JP-COS-09", "330499", g(50)),
        ("JP-COS-10", "330499", ml(150)), ("JP-COS-11", "330499", ml(30)), ("JP-COS-12", "330410", g(4)),
        ("JP-COS-13", "330499", ml(300)),
        ("KR-COS-01", "330499", ml(100)), ("KR-COS-02", "330499", ml(75)), ("KR-COS-03", "330499", g(15)),
        ("KR-COS-04", "330499", pcs(10)), ("KR-COS-05", "330410", g(4)), ("KR-COS-06", "330499", g(22)),
        ("KR-COS-07", "330499", ml(50)), ("KR-COS-08", "330499", ml(150)), ("KR-COS-09", "330499", pcs(70)),
        ("KR-COS-10", "330499", pcs(60)),
        ("US-COS-01", "330499", ml(30)), ("US-COS-02", "330499", ml(473)),
        ("DE-COS-01", "330499", ml(75)), ("DE-COS-02", "330499", ml(50)), ("DE-COS-03", "330499", ml(100)),
        ("FR-COS-01", "330499", ml(30)), ("FR-COS-02", "330499", ml(400)), ("FR-COS-03", "330499", ml(300)),
        ("FR-COS-04", "330499", ml(50)), ("FR-COS-05", "330300", ml(50)), ("FR-COS-06", "330499", ml(150)),
        ("FR-COS-07", "330499", ml(15)), ("FR-COS-08", "330499", ml(100)),
        ("AU-COS-01", "330499", g(100)), ("AU-COS-02", "330499", g(25)), ("NZ-COS-01", "330499", g(100)),
        ("CN-COS-01", "330499", ml(30)), ("CN-COS-02", "330410", pcs(6)), ("CN-COS-03", "330420", g(27)),
        ("CN-COS-04", "330499", pcs(10)), ("CN-COS-05", "330499", ml(100)), ("CN-COS-06", "330499", g(50)),
        ("CN-COS-07", "960330", nil), ("CN-COS-08", "330430", pcs(6)),
        // Apparel, footwear and accessories.
        ("JP-APP-01", "611120", nil), ("KR-APP-01", "610990", nil), ("US-APP-01", "610130", nil), ("US-APP-02", "611594", nil),
        ("FR-APP-01", "621410", nil), ("FR-APP-02", "610910", nil), ("FR-APP-03", "611011", nil), ("FR-APP-04", "620590", nil),
        ("AU-APP-01", "640510", nil), ("AU-APP-02", "610990", nil), ("NZ-APP-01", "650500", nil),
        ("CN-APP-01", "650500", nil), ("CN-APP-02", "610910", nil), ("CN-APP-03", "611020", nil), ("CN-APP-04", "620140", nil),
        ("CN-APP-05", "610463", nil), ("CN-APP-06", "620444", nil), ("CN-APP-07", "620342", nil), ("CN-APP-08", "611595", nil),
        ("CN-APP-09", "610510", nil), ("CN-APP-10", "611030", nil), ("CN-APP-11", "621410", nil), ("CN-APP-12", "620829", nil),
        ("CN-APP-13", "630790", nil), ("CN-APP-14", "620610", nil), ("CN-APP-15", "621420", nil), ("CN-APP-16", "640411", nil),
        ("CN-APP-17", "640419", nil), ("CN-APP-18", "610343", nil), ("CN-APP-19", "621210", nil), ("CN-APP-20", "620140", nil),
        ("CN-APP-21", "640299", nil), ("CN-APP-22", "610990", nil), ("CN-APP-23", "610130", nil),
        // Electronics: earphones 851830, speakers 851822, smartwatches and trackers 851762, input units 847160.
        ("JP-ELE-01", "851830", nil), ("JP-ELE-02", "851631", nil), ("JP-ELE-03", "900659", nil), ("JP-ELE-04", "850980", nil),
        ("JP-ELE-05", "847160", nil), ("JP-ELE-06", "847160", nil),
        ("US-ELE-01", "880621", nil), ("US-ELE-02", "851762", nil), ("US-ELE-03", "851822", nil), ("US-ELE-04", "851830", nil),
        ("US-ELE-05", "847130", nil), ("US-ELE-06", "850940", nil),
        ("CN-ELE-01", "851830", nil), ("CN-ELE-02", "850760", nil), ("CN-ELE-03", "850440", nil), ("CN-ELE-04", "851822", nil),
        ("CN-ELE-05", "851762", nil), ("CN-ELE-06", "847160", nil), ("CN-ELE-07", "847160", nil), ("CN-ELE-08", "851830", nil),
        ("CN-ELE-09", "940542", nil), ("CN-ELE-10", "392690", nil), ("CN-ELE-11", "852589", nil), ("CN-ELE-12", "853650", nil),
        ("CN-ELE-13", "850980", nil), ("CN-ELE-14", "852869", nil), ("CN-ELE-15", "962000", nil), ("CN-ELE-16", "852589", nil),
        ("CN-ELE-17", "847170", nil), ("CN-ELE-18", "853952", nil), ("CN-ELE-19", "851762", nil), ("CN-ELE-20", "841451", nil),
        ("CN-ELE-21", "850811", nil),
        // Kitchenware: stainless 732393, cast iron 732391, enamelled 732394, knives 821192, plastic or silicone 392410,
        // vacuum flasks 961700, glassware 701349, cooking appliances 851660, mixers and grinders 850940.
        ("JP-KIT-01", "701349", nil), ("JP-KIT-02", "392410", nil), ("JP-KIT-03", "821192", nil), ("JP-KIT-04", "821192", nil),
        ("JP-KIT-05", "732393", nil), ("JP-KIT-06", "961700", nil), ("JP-KIT-07", "741810", nil), ("JP-KIT-08", "732391", nil),
        ("JP-KIT-09", "732393", nil), ("JP-KIT-10", "392410", nil),
        ("US-KIT-01", "732391", nil), ("US-KIT-02", "961700", nil),
        ("DE-KIT-01", "821192", nil), ("DE-KIT-02", "732393", nil), ("DE-KIT-03", "732393", nil), ("DE-KIT-04", "821300", nil),
        ("DE-KIT-05", "732393", nil), ("DE-KIT-06", "821110", nil), ("DE-KIT-07", "821599", nil),
        ("CN-KIT-01", "732393", nil), ("CN-KIT-02", "392410", nil), ("CN-KIT-03", "392410", nil), ("CN-KIT-04", "732393", nil),
        ("CN-KIT-05", "701349", nil), ("CN-KIT-06", "961700", nil), ("CN-KIT-07", "441919", nil), ("CN-KIT-08", "732393", nil),
        ("CN-KIT-09", "392410", nil), ("CN-KIT-10", "732394", nil), ("CN-KIT-11", "732393", nil), ("CN-KIT-12", "392410", nil),
        ("CN-KIT-13", "392410", nil), ("CN-KIT-14", "851671", nil), ("CN-KIT-15", "851660", nil), ("CN-KIT-16", "851660", nil),
        ("CN-KIT-17", "850940", nil), ("CN-KIT-18", "761510", nil), ("CN-KIT-19", "732393", nil), ("CN-KIT-20", "850940", nil),
        ("CN-KIT-21", "842240", nil),
        // Watches: automatic 910221, quartz 910211.
        ("DE-WAT-01", "910221", nil), ("DE-WAT-02", "910221", nil), ("DE-WAT-03", "910211", nil), ("FR-WAT-01", "910221", nil),
        // Jewellery: gold 711319, silver 711311, pearl articles 711610, base metal 711719, other imitation 711790.
        ("DE-JEW-01", "711319", nil), ("DE-JEW-02", "711311", nil), ("DE-JEW-03", "711610", nil), ("FR-JEW-01", "711319", nil),
        ("CN-JEW-01", "711719", nil), ("CN-JEW-02", "711719", nil), ("CN-JEW-03", "711790", nil), ("CN-JEW-04", "711719", nil),
        ("CN-JEW-05", "711610", nil), ("CN-JEW-06", "711610", nil), ("CN-JEW-07", "711610", nil),
    ]
}
