/// Which goods pay China's consumption tax at import, at what rate, and from what price.
///
/// The tax is scoped by tariff heading (the law names kinds of goods; customs identifies them by their code) and,
/// for cosmetics and watches, by a price line on the dutiable value of one unit (retail + freight + insurance,
/// Caiguanshui [2016] No. 18): cosmetics per ml or g, or per piece; watches per watch.
public struct ConsumptionTaxScope: Sendable, Hashable {
    /// HS prefixes (4 or 6 digits) in scope.
    public let headings: [String]
    /// The rate when a good is in scope and at or above its price line (0: levied at another stage, not at import).
    public let rateBP: Int
    /// In scope only from this dutiable value per ml or g (goods measured in ml or g); nil: no line.
    public let minimumPerMlOrG: Money?
    /// In scope only from this dutiable value per piece (goods counted in pieces, or without a measured content);
    /// nil: no line.
    public let minimumPerPiece: Money?

    public init(headings: [String], rateBP: Int, minimumPerMlOrG: Money? = nil, minimumPerPiece: Money? = nil) {
        self.headings = headings
        self.rateBP = rateBP
        self.minimumPerMlOrG = minimumPerMlOrG
        self.minimumPerPiece = minimumPerPiece
    }

    /// Whether the subheading `hs` falls under one of the headings.
    public func covers(_ hs: String) -> Bool { headings.contains { hs.hasPrefix($0) } }

    /// Whether one unit of `content` with dutiable value `unitBase` (fen, exact) reaches the price line.
    func reachesLine(unitBase: Rational, content: NetContent?) -> Bool {
        let measure = content ?? NetContent(1, .piece)
        let minimum = measure.unit == .piece ? minimumPerPiece : minimumPerMlOrG
        guard let minimum else { return true }
        // unitBase / (tenths / 10) ≥ minimum  ⇔  unitBase × 10 ≥ minimum × tenths (exact, no division).
        return !(unitBase * Rational(10) < Rational(Int128(minimum.minor) * Int128(measure.tenths)))
    }
}

extension RuleBook {
    /// The keys of ``cnConsumptionTax``, in the order a good is matched against them (first match wins).
    public static let cnConsumptionTaxKeys = ["cosmetics", "skin-care", "watches", "gold-silver-platinum", "diamonds", "jewellery"]

    /// China's consumption tax on imports, one key per kind of good.
    public static let cnConsumptionTax = RuleTable<ConsumptionTaxScope>([
        DatedValue(rule("CN-CT-COSMETICS-2006", "CN", "2006-04-01", "2016-09-30", "China consumption tax 30% on perfume and make-up",
                        source: "Caishui [2006] No. 33 (MOF, SAT), from 2006-04-01",
                        summary: "Perfume (3303) and make-up (3304.10 lips, 3304.20 eyes, 3304.30 nails, 3304.91 powders) pay 30% consumption tax, whatever their price."),
                   key: "cosmetics", ConsumptionTaxScope(headings: ["3303", "330410", "330420", "330430", "330491"], rateBP: 3_000)),
        DatedValue(rule("CN-CT-SKIN-CARE-2006", "CN", "2006-04-01", "2016-09-30", "China consumption tax 30% on high-end skin care",
                        source: "Caishui [2006] No. 33 (MOF, SAT). Assumption: the 2006 text names 'high-end skin-care cosmetics' without a price line; the sandbox uses the 2016 line (10 CNY per ml or g, 15 CNY per piece) to tell them apart",
                        summary: "High-end skin care (3304.99) pays 30% consumption tax; the sandbox counts skin care at or above 10 CNY per ml or g (15 CNY per piece) of dutiable value as high-end."),
                   key: "skin-care", ConsumptionTaxScope(headings: ["330499"], rateBP: 3_000, minimumPerMlOrG: Money(major: 10, .CNY),
                                                         minimumPerPiece: Money(major: 15, .CNY))),
        DatedValue(rule("CN-CT-COSMETICS-2016", "CN", "2016-10-01", nil, "China consumption tax 15% on high-end cosmetics",
                        source: "Caishui [2016] No. 103 (MOF, SAT), from 2016-10-01",
                        summary: "'High-end cosmetics' pay 15% consumption tax: perfume, make-up and skin care (3303, 3304) whose price before VAT (at import, the dutiable value: retail + freight + insurance) is at least 10 CNY per ml or g, or 15 CNY per piece (sheet). Cheaper cosmetics and ordinary make-up pay none. Example: a 300 CNY lipstick of 4 g is 75 CNY/g, in scope; a 198 CNY lotion of 200 ml is 0.99 CNY/ml, not."),
                   key: "cosmetics", ConsumptionTaxScope(headings: ["3303", "3304"], rateBP: 1_500, minimumPerMlOrG: Money(major: 10, .CNY),
                                                         minimumPerPiece: Money(major: 15, .CNY))),
        DatedValue(rule("CN-CT-SKIN-CARE-2016", "CN", "2016-10-01", nil, "High-end skin care joins high-end cosmetics",
                        source: "Caishui [2016] No. 103 (MOF, SAT), from 2016-10-01",
                        summary: "The separate 30% tax on high-end skin care ends: skin care is taxed as a cosmetic (CN-CT-COSMETICS-2016), 15% from the price line."),
                   key: "skin-care", ConsumptionTaxScope(headings: [], rateBP: 0)),
        DatedValue(rule("CN-CT-WATCHES-2006", "CN", "2006-04-01", nil, "China consumption tax 20% on high-end watches",
                        source: "Caishui [2006] No. 33 (MOF, SAT), from 2006-04-01",
                        summary: "Watches (9101, 9102) whose price before VAT (at import, the dutiable value) is at least 10,000 CNY each pay 20% consumption tax; cheaper watches pay none."),
                   key: "watches", ConsumptionTaxScope(headings: ["9101", "9102"], rateBP: 2_000, minimumPerPiece: Money(major: 10_000, .CNY))),
        DatedValue(rule("CN-CT-GOLD-SILVER-RETAIL", "CN", "1995-01-01", nil, "Gold, silver and platinum jewellery: consumption tax at retail, not at import",
                        source: "Caishuzi [1994] No. 95 (gold and silver, from 1995-01-01); Caishui [2003] No. 86 (platinum, from 2003-05-01)",
                        summary: "Jewellery of gold, silver or platinum (7113.11, 7113.19) pays its 5% consumption tax when sold at retail in China, so none at import: its CBEC tax is 9.1% (VAT only)."),
                   key: "gold-silver-platinum", ConsumptionTaxScope(headings: ["711311", "711319"], rateBP: 0)),
        DatedValue(rule("CN-CT-DIAMONDS-RETAIL", "CN", "2002-01-01", nil, "Diamonds: consumption tax at retail, not at import",
                        source: "Caishui [2001] No. 176, from 2002-01-01",
                        summary: "Diamonds and diamond jewellery (7102) pay their 5% consumption tax at retail, none at import."),
                   key: "diamonds", ConsumptionTaxScope(headings: ["7102"], rateBP: 0)),
        DatedValue(rule("CN-CT-JEWELLERY-2006", "CN", "2006-04-01", nil, "China consumption tax 10% on other jewellery, pearls and gems",
                        source: "Caishui [2006] No. 33 (MOF, SAT); Provisional Regulations on Consumption Tax, rate table",
                        summary: "Pearls, precious and semi-precious stones and their articles (7101, 7103, 7104, 7116) pay 10% consumption tax at import, whatever their price."),
                   key: "jewellery", ConsumptionTaxScope(headings: ["7101", "7103", "7104", "7116"], rateBP: 1_000)),
    ])

    /// The consumption tax on one unit of subheading `hs` with net `content` and dutiable value `unitBase` (fen)
    /// on `date`: the rate and the rule that sets it, or 0 and nil when no rule covers the good.
    public static func cnConsumptionTaxBP(hs: String, content: NetContent?, unitBase: Rational, on date: SimDate) -> (rateBP: Int, rule: Rule?) {
        for key in cnConsumptionTaxKeys {
            guard let row = cnConsumptionTax.row(on: date, key: key), row.value.covers(hs) else { continue }
            guard row.value.reachesLine(unitBase: unitBase, content: content) else { return (0, row.rule) }
            return (row.value.rateBP, row.rule)
        }
        return (0, nil)
    }
}
