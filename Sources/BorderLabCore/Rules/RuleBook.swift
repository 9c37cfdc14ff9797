/// One rule of the simulated world, with the dates it is in force and where it comes from.
///
/// Rules are data, not code branches (DESIGN.md, "Rules as dated data"): a computation asks which row is in
/// force on the order's date, so a 2018 order is judged by 2018 law. `borderlab rules` shows these rows, so
/// the source must let a student find the real text.
public struct Rule: Sendable, Hashable, CustomStringConvertible {
    /// A stable id, e.g. `CN-CBEC-LIMITS-2019`.
    public let id: String
    public let title: String
    /// Who makes the rule: a country code (`CN`, `US`, `DE`, …) or `EU`.
    public let jurisdiction: String
    /// The first day the rule applies.
    public let effectiveFrom: SimDate
    /// The last day the rule applies (inclusive), or `nil` while it has no announced end.
    public let effectiveTo: SimDate?
    /// The legal text or, for the sandbox's own figures, the word *Assumption* and why.
    public let source: String
    /// What the rule says, in a sentence or two a student understands.
    public let summary: String

    public init(id: String, title: String, jurisdiction: String, effectiveFrom: SimDate, effectiveTo: SimDate?,
                source: String, summary: String) {
        self.id = id
        self.title = title
        self.jurisdiction = jurisdiction
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.source = source
        self.summary = summary
    }

    /// Whether `date` falls between `effectiveFrom` and `effectiveTo`, both inclusive.
    public func isInForce(on date: SimDate) -> Bool {
        date >= effectiveFrom && (effectiveTo.map { date <= $0 } ?? true)
    }

    public var description: String {
        "\(id) [\(jurisdiction)] \(effectiveFrom.iso)..\(effectiveTo?.iso ?? "") \(title)"
    }
}

/// A rule together with the figures a computation reads from it.
public struct DatedValue<Value: Sendable>: Sendable {
    public let rule: Rule
    /// Rows of one table that share a key replace each other over time (e.g. one VAT row per country).
    public let key: String
    public let value: Value

    public init(_ rule: Rule, key: String = "", _ value: Value) {
        self.rule = rule
        self.key = key
        self.value = value
    }
}

/// A table of dated rows: the figures of one kind of rule through time.
///
/// Computations call ``value(on:key:)`` instead of comparing dates themselves, so changing the law is a
/// change of data in ``RuleBook``.
public struct RuleTable<Value: Sendable>: Sendable {
    public let rows: [DatedValue<Value>]

    public init(_ rows: [DatedValue<Value>]) { self.rows = rows }

    /// The row with `key` in force on `date`; if rows overlap, the one that started last wins.
    public func row(on date: SimDate, key: String = "") -> DatedValue<Value>? {
        var best: DatedValue<Value>?
        for row in rows where row.key == key && row.rule.isInForce(on: date) {
            if best == nil || best!.rule.effectiveFrom < row.rule.effectiveFrom { best = row }
        }
        return best
    }

    /// The figures of ``row(on:key:)``.
    public func value(on date: SimDate, key: String = "") -> Value? { row(on: date, key: key)?.value }

    public var rules: [Rule] { rows.map(\.rule) }
}

// MARK: - The figures the tables carry

/// China's CBEC retail limits, compared with the dutiable value (goods + freight + insurance).
public struct CBECLimits: Sendable, Hashable {
    public let perTransaction: Money
    public let annual: Money
}

/// What CBEC retail imports within the limits pay: a tariff rate and a share of statutory VAT + consumption tax.
public struct CBECRetailTerms: Sendable, Hashable {
    /// The tariff rate within the limits (0).
    public let tariffBP: Int
    /// The share of the statutory VAT and consumption tax levied (7000 = 70%).
    public let vatAndConsumptionShareBP: Int
}

/// China's import VAT bands. ``TaxClass/vatBP`` states a good's rate as the law stands since 2019-04-01;
/// older orders map that band to the rate of their date.
public struct ChinaVATRates: Sendable, Hashable {
    public let standardBP: Int
    public let reducedBP: Int
}

/// A positive-list edition: how many tariff lines may clear as CBEC retail (product flags say which).
public struct PositiveListEdition: Sendable, Hashable {
    public let tariffLines: Int
}

/// A VAT or GST rate, by itself.
public struct TaxRate: Sendable, Hashable {
    public let rateBP: Int
}

/// A value threshold in the destination's currency (IOSS, de minimis, small-value and low-value rules).
public struct ValueThreshold: Sendable, Hashable {
    /// `nil` when the relief is suspended or repealed: nothing qualifies.
    public let limit: Money?
    /// Origins (country codes) that may not use the relief even while it exists.
    public let excludedOrigins: [String]

    public init(limit: Money?, excludedOrigins: [String] = []) {
        self.limit = limit
        self.excludedOrigins = excludedOrigins
    }

    /// Whether goods of `value` from `origin` qualify (value at or below the limit).
    public func admits(_ value: Money, origin: String) -> Bool {
        guard let limit, !excludedOrigins.contains(origin) else { return false }
        return value <= limit
    }
}

/// The EU's temporary flat duty on low-value parcels.
public struct FlatDuty: Sendable, Hashable {
    /// Duty per distinct tariff subheading in the parcel.
    public let perSubheading: Money
    /// Parcels of intrinsic value up to this amount pay the flat duty instead of duty by category.
    public let intrinsicLimit: Money
}

/// An extra ad-valorem tariff on goods of some origins (e.g. the US on Chinese goods).
public struct OriginSurcharge: Sendable, Hashable {
    public let origins: [String]
    public let rateBP: Int
}

/// One category's duty rate.
public struct CategoryRate: Sendable, Hashable {
    public let category: Category
    public let rateBP: Int
}

/// A destination's ad-valorem duty rates by category, and what value they apply to.
public struct DutySchedule: Sendable, Hashable {
    /// CIF customs value (goods + shipping: EU, JP, GB) or FOB (goods only: US, AU).
    public let includesShipping: Bool
    /// One rate per category, in ``Category`` order.
    public let rates: [CategoryRate]

    /// The rate of `category`; every schedule lists every category (RuleBookTests checks it).
    public func rateBP(for category: Category) -> Int {
        guard let row = rates.first(where: { $0.category == category }) else {
            preconditionFailure("duty schedule has no rate for \(category.rawValue)")
        }
        return row.rateBP
    }
}

// MARK: - The rule book

/// Every rule the sandbox encodes, with its dates and source. Tax code reads its figures from these tables.
///
/// Dates are inclusive at both ends. Rows marked *Assumption* are the sandbox's own figures;
/// scenarios may tune them.
public enum RuleBook {
    static func day(_ iso: String) -> SimDate {
        guard let date = SimDate(iso: iso) else { preconditionFailure("bad rule date \(iso)") }
        return date
    }

    static func rule(_ id: String, _ jurisdiction: String, _ from: String, _ to: String?, _ title: String,
                     source: String, summary: String) -> Rule {
        Rule(id: id, title: title, jurisdiction: jurisdiction, effectiveFrom: day(from), effectiveTo: to.map(day),
             source: source, summary: summary)
    }

    /// A start date for the sandbox's assumed duty schedules, which stand for no particular law.
    static let assumptionStart = "2000-01-01"

    // MARK: China, CBEC retail imports

    /// Per-transaction and annual limits of CBEC retail imports.
    public static let cbecLimits = RuleTable<CBECLimits>([
        DatedValue(rule("CN-CBEC-LIMITS-2016", "CN", "2016-04-08", "2018-12-31",
                        "CBEC retail limits 2,000 / 20,000 CNY",
                        source: "Caiguanshui [2016] No. 18 (MOF, GAC, SAT)",
                        summary: "CBEC retail imports: at most 2,000 CNY dutiable value per transaction and 20,000 CNY per person per year. (Then a single indivisible item above 2,000 CNY paid full tax as general trade; the sandbox treats it like the 2019 single-item rule, which levies the same tax.)"),
                   CBECLimits(perTransaction: Money(major: 2_000, .CNY), annual: Money(major: 20_000, .CNY))),
        DatedValue(rule("CN-CBEC-LIMITS-2019", "CN", "2019-01-01", nil,
                        "CBEC retail limits 5,000 / 26,000 CNY",
                        source: "Caiguanshui [2018] No. 49 (MOF, GAC, SAT)",
                        summary: "CBEC retail imports: at most 5,000 CNY dutiable value (goods + freight + insurance) per transaction and 26,000 CNY per person per calendar year. An order of exactly one item above 5,000 CNY, by a person within the annual limit, clears as CBEC but pays full tariff, VAT and consumption tax and counts toward the annual total; a multi-item order above 5,000 CNY or any order over the annual limit is not CBEC retail."),
                   CBECLimits(perTransaction: Money(major: 5_000, .CNY), annual: Money(major: 26_000, .CNY))),
    ])

    /// The 0% tariff and 70% VAT + consumption tax within the limits.
    public static let cbecRetailTerms = RuleTable<CBECRetailTerms>([
        DatedValue(rule("CN-CBEC-RETAIL-70", "CN", "2016-04-08", nil,
                        "CBEC retail: tariff 0%, VAT and consumption tax at 70%",
                        source: "Caiguanshui [2016] No. 18; kept by Caiguanshui [2018] No. 49",
                        summary: "Within the limits the tariff is 0% and import VAT and consumption tax are levied at 70% of the statutory amount, on the completed price (retail price + freight + insurance); the consumer is the taxpayer, the platform or logistics company withholds. Consumption tax is on a tax-inclusive base: CT = base × ct / (1 − ct); VAT = (base + CT) × vat; the order's tax is rounded once, half-up, to 0.01 CNY."),
                   CBECRetailTerms(tariffBP: 0, vatAndConsumptionShareBP: 7_000)),
    ])

    /// China's import VAT rates through time (standard band and reduced band).
    public static let chinaVAT = RuleTable<ChinaVATRates>([
        DatedValue(rule("CN-VAT-1994", "CN", "1994-01-01", "2017-06-30", "China VAT 17% / 13%",
                        source: "Provisional Regulations of the PRC on Value-Added Tax (State Council Decree No. 134, 1993)",
                        summary: "Import VAT 17%, 13% for goods such as books and agricultural products."),
                   ChinaVATRates(standardBP: 1_700, reducedBP: 1_300)),
        DatedValue(rule("CN-VAT-2017", "CN", "2017-07-01", "2018-04-30", "China VAT 17% / 11%",
                        source: "Caishui [2017] No. 37",
                        summary: "The 13% band is merged into 11%; the standard rate stays 17%."),
                   ChinaVATRates(standardBP: 1_700, reducedBP: 1_100)),
        DatedValue(rule("CN-VAT-2018", "CN", "2018-05-01", "2019-03-31", "China VAT 16% / 10%",
                        source: "Caishui [2018] No. 32",
                        summary: "Import VAT 16% for most goods, 10% for the reduced band."),
                   ChinaVATRates(standardBP: 1_600, reducedBP: 1_000)),
        DatedValue(rule("CN-VAT-2019", "CN", "2019-04-01", nil, "China VAT 13% / 9%",
                        source: "MOF, SAT and GAC Announcement [2019] No. 39",
                        summary: "Import VAT 13% for most goods, 9% for some (e.g. books, certain agricultural products). Product tax classes state these rates."),
                   ChinaVATRates(standardBP: 1_300, reducedBP: 900)),
    ])

    /// The VAT rate of `taxClass` on `date`: its band's rate then (classes state the rates in force since 2019-04-01).
    public static func chinaVATBP(for taxClass: TaxClass, on date: SimDate) -> Int {
        guard let now = chinaVAT.rows.last?.value, let then = chinaVAT.value(on: date) else {
            preconditionFailure("no China VAT rule in force on \(date)")
        }
        switch taxClass.vatBP {
        case now.standardBP: return then.standardBP
        case now.reducedBP: return then.reducedBP
        default: return taxClass.vatBP
        }
    }

    /// Editions of the CBEC positive list (products carry the `positiveList` flag; this says which edition holds).
    public static let positiveList = RuleTable<PositiveListEdition>([
        DatedValue(rule("CN-POSITIVE-LIST-2016", "CN", "2016-04-08", "2018-12-31", "CBEC positive list, first edition",
                        source: "MOF and ten departments Announcements 2016 No. 40 and No. 47 (first and second batches)",
                        summary: "Only tariff lines on the positive list may be imported as CBEC retail; resale of CBEC goods is forbidden."),
                   PositiveListEdition(tariffLines: 1_293)),
        DatedValue(rule("CN-POSITIVE-LIST-2019", "CN", "2019-01-01", "2019-12-31", "CBEC positive list, 1,321 lines",
                        source: "MOF and twelve departments Announcement 2018 No. 157",
                        summary: "The 2018 extension: 1,321 tariff lines may clear as CBEC retail; some foods carry per-person yearly caps."),
                   PositiveListEdition(tariffLines: 1_321)),
        DatedValue(rule("CN-POSITIVE-LIST-2020", "CN", "2020-01-01", "2022-02-28", "CBEC positive list, 1,413 lines",
                        source: "MOF and departments Announcement 2019 No. 96",
                        summary: "Extension to 1,413 tariff lines."),
                   PositiveListEdition(tariffLines: 1_413)),
        DatedValue(rule("CN-POSITIVE-LIST-2022", "CN", "2022-03-01", nil, "CBEC positive list, 1,476 lines",
                        source: "MOF and departments Announcement 2022 No. 7",
                        summary: "Extension to 1,476 tariff lines."),
                   PositiveListEdition(tariffLines: 1_476)),
    ])

    /// China's customs supervision codes for e-commerce (descriptive: the engine's customs modes).
    public static let customsModes: [Rule] = [
        rule("CN-CUSTOMS-9610", "CN", "2014-02-10", nil, "Customs code 9610: CBEC direct mail",
             source: "GAC Announcement 2014 No. 12",
             summary: "Parcels declared one by one and shipped direct from abroad to the consumer."),
        rule("CN-CUSTOMS-1210", "CN", "2014-08-01", nil, "Customs code 1210: bonded e-commerce",
             source: "GAC Announcement 2014 No. 57",
             summary: "Stock imported in bulk into a bonded zone and taxed only when sold to a consumer."),
        rule("CN-CUSTOMS-9710-9810-PILOT", "CN", "2020-07-01", "2020-08-31", "Customs codes 9710 / 9810 (pilot)",
             source: "GAC Announcement 2020 No. 75",
             summary: "Pilot in ten customs districts: 9710 B2B direct export, 9810 export to an overseas warehouse."),
        rule("CN-CUSTOMS-9710-9810", "CN", "2020-09-01", "2021-06-30", "Customs codes 9710 / 9810 (extended)",
             source: "GAC Announcement 2020 No. 92 (extends 2020 No. 75)",
             summary: "The 9710 (B2B direct export) and 9810 (export to an overseas warehouse) pilot is extended to more customs districts."),
        rule("CN-CUSTOMS-9710-9810-NATIONWIDE", "CN", "2021-07-01", nil, "Customs codes 9710 / 9810 nationwide",
             source: "GAC Announcement 2021 No. 47",
             summary: "The 9710 and 9810 B2B export codes apply in every customs district. (The sandbox lets a global-export shop use 9810 on any date; these rows say when the real codes existed.)"),
        rule("CN-CBEC-RETURNS-30", "CN", "2016-04-08", nil, "CBEC returns within 30 days: tax refunded, annual total adjusted",
             source: "Caiguanshui [2016] No. 18, art. 7; kept by Caiguanshui [2018] No. 49",
             summary: "Goods returned within 30 days of customs release (and before the tax is due) have their CBEC tax refunded and the person's annual total lowered by their dutiable value. A parcel customs seizes was never released: it never counts toward the annual total."),
    ]
}

// MARK: - Destinations of exports from China

extension RuleBook {
    /// The EU's Import One-Stop Shop: VAT at the destination rate collected at checkout, intrinsic value ≤ 150 EUR.
    public static let euIOSS = RuleTable<ValueThreshold>([
        DatedValue(rule("EU-IOSS", "EU", "2021-07-01", nil, "EU IOSS for consignments up to 150 EUR",
                        source: "Council Directives (EU) 2017/2455 and (EU) 2019/1995 (VAT e-commerce package)",
                        summary: "The 22 EUR VAT exemption is gone (see EU-LOW-VALUE-22); consignments of intrinsic value (goods, without shipping) up to 150 EUR pay VAT at the buyer's country rate on the price with shipping, collected at checkout through the IOSS, and no customs duty (from 2026-07-01 to 2028-07-01 parcels under 150 EUR pay the flat 3 EUR duty per tariff subheading: see EU-FLAT-DUTY-3). Above 150 EUR: a normal import declaration with duty and import VAT."),
                   ValueThreshold(limit: Money(major: 150, .EUR))),
    ])

    /// The temporary flat duty on low-value parcels, replacing their duty relief.
    public static let euFlatDuty = RuleTable<FlatDuty>([
        DatedValue(rule("EU-FLAT-DUTY-3", "EU", "2026-07-01", "2028-06-30",
                        "EU flat 3 EUR duty per tariff subheading in low-value parcels",
                        source: "Council of the EU decision of 2026-02-11",
                        summary: "From 2026-07-01 until the duty reform of 2028-07-01, each distinct tariff subheading in a parcel of intrinsic value under 150 EUR pays a flat 3 EUR customs duty, collected with the IOSS VAT at checkout. A parcel of exactly 150 EUR stays in the IOSS without the flat duty."),
                   FlatDuty(perSubheading: Money(major: 3, .EUR), intrinsicLimit: Money(major: 150, .EUR))),
    ])

    /// Standard VAT rates of the EU countries in the sandbox, keyed by country code.
    public static let euVAT = RuleTable<TaxRate>([
        DatedValue(rule("DE-VAT-19", "DE", "2007-01-01", "2020-06-30", "Germany VAT 19%",
                        source: "Umsatzsteuergesetz § 12(1)", summary: "Standard VAT rate 19%."),
                   key: "DE", TaxRate(rateBP: 1_900)),
        DatedValue(rule("DE-VAT-16", "DE", "2020-07-01", "2020-12-31", "Germany VAT 16% (temporary)",
                        source: "Zweites Corona-Steuerhilfegesetz (2020)", summary: "Standard VAT rate cut to 16% for the second half of 2020."),
                   key: "DE", TaxRate(rateBP: 1_600)),
        DatedValue(rule("DE-VAT-19-2021", "DE", "2021-01-01", nil, "Germany VAT 19%",
                        source: "Umsatzsteuergesetz § 12(1)", summary: "Standard VAT rate back to 19%."),
                   key: "DE", TaxRate(rateBP: 1_900)),
        DatedValue(rule("DE-VAT-7", "DE", "2007-01-01", "2020-06-30", "Germany reduced VAT 7% on food",
                        source: "Umsatzsteuergesetz § 12(2) No. 1 and Anlage 2 (food, including infant formula and food supplements)",
                        summary: "Reduced VAT rate 7% on food, infant formula and food supplements. (In force long before; the sandbox dates it with the 19% standard rate.)"),
                   key: "DE-reduced", TaxRate(rateBP: 700)),
        DatedValue(rule("DE-VAT-5", "DE", "2020-07-01", "2020-12-31", "Germany reduced VAT 5% (temporary)",
                        source: "Zweites Corona-Steuerhilfegesetz (2020), § 28(2) UStG", summary: "Reduced VAT rate cut to 5% for the second half of 2020."),
                   key: "DE-reduced", TaxRate(rateBP: 500)),
        DatedValue(rule("DE-VAT-7-2021", "DE", "2021-01-01", nil, "Germany reduced VAT 7% on food",
                        source: "Umsatzsteuergesetz § 12(2) No. 1 and Anlage 2", summary: "Reduced VAT rate back to 7%."),
                   key: "DE-reduced", TaxRate(rateBP: 700)),
        DatedValue(rule("FR-VAT-20", "FR", "2014-01-01", nil, "France VAT 20%",
                        source: "Code général des impôts, art. 278", summary: "Standard VAT rate 20%."),
                   key: "FR", TaxRate(rateBP: 2_000)),
        DatedValue(rule("FR-VAT-5-5", "FR", "2014-01-01", nil, "France reduced VAT 5.5% on food",
                        source: "Code général des impôts, art. 278-0 bis A (food for human consumption)",
                        summary: "Reduced VAT rate 5.5% on food, infant formula and food supplements. (In force long before; the sandbox dates it with the 20% standard rate.) Italy, Spain and the Netherlands: the sandbox applies their standard rate to every good."),
                   key: "FR-reduced", TaxRate(rateBP: 550)),
        DatedValue(rule("IT-VAT-22", "IT", "2013-10-01", nil, "Italy VAT 22%",
                        source: "DPR 633/1972, art. 16", summary: "Standard VAT rate (IVA) 22%."),
                   key: "IT", TaxRate(rateBP: 2_200)),
        DatedValue(rule("ES-VAT-21", "ES", "2012-09-01", nil, "Spain VAT 21%",
                        source: "Ley 37/1992 del IVA, art. 90", summary: "Standard VAT rate (IVA) 21%."),
                   key: "ES", TaxRate(rateBP: 2_100)),
        DatedValue(rule("NL-VAT-21", "NL", "2012-10-01", nil, "Netherlands VAT 21%",
                        source: "Wet op de omzetbelasting 1968, art. 9", summary: "Standard VAT rate (btw) 21%."),
                   key: "NL", TaxRate(rateBP: 2_100)),
    ])

    /// US de minimis (Section 321) through its end.
    public static let usDeMinimis = RuleTable<ValueThreshold>([
        DatedValue(rule("US-DE-MINIMIS-800", "US", "2016-03-10", "2025-05-01", "US de minimis 800 USD",
                        source: "Trade Facilitation and Trade Enforcement Act of 2015, s. 901 (19 U.S.C. 1321)",
                        summary: "Goods worth up to 800 USD imported by one person on one day enter free of duty."),
                   ValueThreshold(limit: Money(major: 800, .USD))),
        DatedValue(rule("US-DE-MINIMIS-CN-HK", "US", "2025-05-02", "2025-08-28",
                        "US de minimis ended for China and Hong Kong",
                        source: "Executive Order 14256 (2025-04-02)",
                        summary: "Goods of Chinese or Hong Kong origin no longer qualify for de minimis and pay duty; other origins keep the 800 USD threshold."),
                   ValueThreshold(limit: Money(major: 800, .USD), excludedOrigins: ["CN", "HK"])),
        DatedValue(rule("US-DE-MINIMIS-SUSPENDED", "US", "2025-08-29", "2027-06-30",
                        "US de minimis suspended for all countries",
                        source: "Executive Order 14324 (2025-07-30)",
                        summary: "No shipment qualifies for de minimis, whatever its origin. (Postal shipments could pay a flat 80 / 160 / 200 USD per item for six months instead; the sandbox uses the ad-valorem rate.)"),
                   ValueThreshold(limit: nil)),
        DatedValue(rule("US-DE-MINIMIS-REPEALED", "US", "2027-07-01", nil, "US commercial de minimis repealed",
                        source: "Statutory repeal of commercial de minimis from 2027-07-01",
                        summary: "Commercial shipments no longer qualify for de minimis by statute."),
                   ValueThreshold(limit: nil)),
    ])

    /// Japan's consumption tax on imports.
    public static let jpConsumptionTax = RuleTable<TaxRate>([
        DatedValue(rule("JP-CT-8", "JP", "2014-04-01", "2019-09-30", "Japan consumption tax 8%",
                        source: "Consumption Tax Act as amended by Act No. 68 of 2012",
                        summary: "Consumption tax 8% (national and local together)."),
                   TaxRate(rateBP: 800)),
        DatedValue(rule("JP-CT-10", "JP", "2019-10-01", nil, "Japan consumption tax 10%",
                        source: "Consumption Tax Act as amended by Act No. 68 of 2012",
                        summary: "Consumption tax 10% (7.8% national + 2.2% local), levied on imports on customs value + duty."),
                   TaxRate(rateBP: 1_000)),
        DatedValue(rule("JP-CT-REDUCED-8", "JP", "2019-10-01", nil, "Japan reduced consumption tax 8% on food",
                        source: "Consumption Tax Act as amended by Act No. 68 of 2012 and Act No. 15 of 2016 (reduced rate for food and beverages other than alcohol)",
                        summary: "Food and non-alcoholic beverages, including infant formula and food supplements, keep 8% (6.24% national + 1.76% local) when the standard rate rises to 10%; imports of food pay it too."),
                   key: "reduced", TaxRate(rateBP: 800)),
        DatedValue(rule("JP-CT-REDUCED-BEFORE-2019", "JP", "2014-04-01", "2019-09-30", "Japan consumption tax 8% on food (one rate for all)",
                        source: "Consumption Tax Act as amended by Act No. 68 of 2012",
                        summary: "Before 2019-10-01 Japan had one consumption-tax rate, 8%, for food as for everything else."),
                   key: "reduced", TaxRate(rateBP: 800)),
    ])

    /// Japan's small-value exemption for personal imports.
    public static let jpSmallValue = RuleTable<ValueThreshold>([
        DatedValue(rule("JP-SMALL-VALUE-10000", "JP", assumptionStart, "2028-03-31",
                        "Japan: personal imports up to 10,000 JPY free of duty and tax",
                        source: "Customs Tariff Act art. 14(18); Act on Collection of Internal Consumption Tax on Imported Goods art. 13 (long-standing; the sandbox dates it from 2000-01-01); valuation of personal-use goods at 60% of overseas retail: Order for Enforcement of the Customs Tariff Act art. 1-13",
                        summary: "Goods imported for personal use are valued at 60% of their overseas retail price (plus shipping); when that taxable value is at most 10,000 JPY they pay neither duty nor consumption tax. Above it, duty and consumption tax are on the same reduced value. The exemption's end for mail-order goods was announced in the FY2026 tax reform outline for 2028-04-01 (date as reported in DOMAIN.md's audit; the sandbox ends the whole exemption then)."),
                   ValueThreshold(limit: Money(major: 10_000, .JPY))),
        DatedValue(rule("JP-SMALL-VALUE-ENDED", "JP", "2028-04-01", nil,
                        "Japan: small-value exemption ends for mail-order goods",
                        source: "FY2026 tax reform outline (announced December 2025), taxing mail-order goods of 10,000 JPY or less from 2028-04-01; the date is the one reported in DOMAIN.md's rule audit and the implementing act is not cited here",
                        summary: "Mail-order personal imports of 10,000 JPY or less pay consumption tax (and duty) like any other import; the sandbox treats every parcel as mail order."),
                   ValueThreshold(limit: nil)),
    ])

    /// The UK's standard VAT rate.
    public static let gbVAT = RuleTable<TaxRate>([
        DatedValue(rule("GB-VAT-20", "GB", "2011-01-04", nil, "UK VAT 20%",
                        source: "Value Added Tax Act 1994, s. 2, as amended by the Finance (No. 2) Act 2010",
                        summary: "Standard VAT rate 20%."),
                   TaxRate(rateBP: 2_000)),
    ])

    /// The UK's low-value consignment rule: VAT charged by the seller at sale.
    public static let gbLowValue = RuleTable<ValueThreshold>([
        DatedValue(rule("GB-LOW-VALUE-135", "GB", "2021-01-01", nil, "UK: consignments up to 135 GBP taxed at sale",
                        source: "Taxation (Cross-border Trade) Act 2018 and Finance Act 2020 (HMRC, VAT on goods up to 135 GBP)",
                        summary: "For consignments of intrinsic value up to 135 GBP the seller or marketplace charges 20% VAT at sale (on the price with shipping); no import VAT and no duty at the border. Above 135 GBP: import VAT and duty at the border."),
                   ValueThreshold(limit: Money(major: 135, .GBP))),
    ])

    /// Australia's GST rate.
    public static let auGST = RuleTable<TaxRate>([
        DatedValue(rule("AU-GST-10", "AU", "2000-07-01", nil, "Australia GST 10%",
                        source: "A New Tax System (Goods and Services Tax) Act 1999",
                        summary: "Goods and services tax 10%."),
                   TaxRate(rateBP: 1_000)),
    ])

    /// Australia's low-value goods rule: GST collected by the seller.
    public static let auLowValue = RuleTable<ValueThreshold>([
        DatedValue(rule("AU-LVG-1000", "AU", "2018-07-01", nil, "Australia: GST on low-value goods up to 1,000 AUD",
                        source: "Treasury Laws Amendment (GST Low Value Goods) Act 2017",
                        summary: "The seller collects 10% GST at sale on goods of customs value up to 1,000 AUD (on the price with shipping); no duty. Above 1,000 AUD: duty and GST at the border."),
                   ValueThreshold(limit: Money(major: 1_000, .AUD))),
    ])

    /// Duty rates by category for goods above the thresholds, keyed by `EU`, `US`, `JP`, `GB`, `AU` (*assumption*).
    public static let dutySchedules = RuleTable<DutySchedule>([
        DatedValue(rule("EU-DUTY-ASSUMED", "EU", assumptionStart, nil, "EU duty by category (assumption)",
                        source: "Assumption (EU 0–12% by category, apparel 12%), near the Common Customs Tariff",
                        summary: "On customs value (goods + shipping): apparel 12%, cosmetics 0%, electronics 2%, infant formula 8%, jewellery 2.5%, kitchenware 3%, supplements 6%, watches 4.5%."),
                   key: "EU", schedule(shipping: true, cosmetics: 0, infantFormula: 800, supplements: 600, kitchenware: 300,
                                       electronics: 200, apparel: 1_200, watches: 450, jewellery: 250)),
        DatedValue(rule("US-DUTY-ASSUMED", "US", assumptionStart, nil, "US base duty by category (assumption)",
                        source: "Assumption (US base rates 0–15%), near the HTSUS general rates",
                        summary: "On the goods' value (FOB, without shipping): apparel 15%, cosmetics 0%, electronics 0%, infant formula 10%, jewellery 6%, kitchenware 4%, supplements 5%, watches 6%; plus any additional tariff on the goods' origin."),
                   key: "US", schedule(shipping: false, cosmetics: 0, infantFormula: 1_000, supplements: 500, kitchenware: 400,
                                       electronics: 0, apparel: 1_500, watches: 600, jewellery: 600)),
        DatedValue(rule("JP-DUTY-ASSUMED", "JP", assumptionStart, nil, "Japan duty by category (assumption)",
                        source: "Assumption (Japan 0–10%)",
                        summary: "On customs value (goods + shipping): apparel 10%, cosmetics 0%, electronics 0%, infant formula 10%, jewellery 5%, kitchenware 3%, supplements 5%, watches 0%."),
                   key: "JP", schedule(shipping: true, cosmetics: 0, infantFormula: 1_000, supplements: 500, kitchenware: 300,
                                       electronics: 0, apparel: 1_000, watches: 0, jewellery: 500)),
        DatedValue(rule("GB-DUTY-ASSUMED", "GB", assumptionStart, nil, "UK duty by category (assumption)",
                        source: "Assumption (the EU figures, as the UK Global Tariff largely kept them)",
                        summary: "On customs value (goods + shipping): apparel 12%, cosmetics 0%, electronics 2%, infant formula 8%, jewellery 2.5%, kitchenware 3%, supplements 6%, watches 4.5%."),
                   key: "GB", schedule(shipping: true, cosmetics: 0, infantFormula: 800, supplements: 600, kitchenware: 300,
                                       electronics: 200, apparel: 1_200, watches: 450, jewellery: 250)),
        DatedValue(rule("AU-DUTY-ASSUMED", "AU", assumptionStart, nil, "Australia duty by category (assumption)",
                        source: "Assumption (Australia's general rate is 5% or free; ChAFTA would make Chinese goods free)",
                        summary: "On the goods' value (FOB, without shipping): apparel 5%, kitchenware 5%, all other categories 0%."),
                   key: "AU", schedule(shipping: false, cosmetics: 0, infantFormula: 0, supplements: 0, kitchenware: 500,
                                       electronics: 0, apparel: 500, watches: 0, jewellery: 0)),
    ])

    static func schedule(shipping: Bool, cosmetics: Int, infantFormula: Int, supplements: Int, kitchenware: Int,
                         electronics: Int, apparel: Int, watches: Int, jewellery: Int) -> DutySchedule {
        DutySchedule(includesShipping: shipping, rates: [
            CategoryRate(category: .cosmetics, rateBP: cosmetics),
            CategoryRate(category: .infantFormula, rateBP: infantFormula),
            CategoryRate(category: .supplements, rateBP: supplements),
            CategoryRate(category: .kitchenware, rateBP: kitchenware),
            CategoryRate(category: .electronics, rateBP: electronics),
            CategoryRate(category: .apparel, rateBP: apparel),
            CategoryRate(category: .watches, rateBP: watches),
            CategoryRate(category: .jewellery, rateBP: jewellery),
        ])
    }
}

// MARK: - All rules

extension RuleBook {
    /// Every rule, ordered by jurisdiction, then start date, then id (never by dictionary order).
    public static let all: [Rule] = {
        let rules: [Rule] = cbecLimits.rules + cbecRetailTerms.rules + chinaVAT.rules + cnConsumptionTax.rules + positiveList.rules
            + customsModes + euIOSS.rules + euFlatDuty.rules + euVAT.rules + usDeMinimis.rules
            + usOriginSurcharge.rules + usSection301.rules + usSalesTax.rules + euLowValue.rules + jpConsumptionTax.rules + jpSmallValue.rules + gbVAT.rules
            + gbLowValue.rules + auGST.rules + auLowValue.rules + dutySchedules.rules
            + disputeMonitor.rules
        return rules.sorted {
            ($0.jurisdiction, $0.effectiveFrom.daysSinceEpoch, $0.id) < ($1.jurisdiction, $1.effectiveFrom.daysSinceEpoch, $1.id)
        }
    }()

    /// The rules in force on `date`, in the order of ``all``.
    public static func inForce(on date: SimDate) -> [Rule] { all.filter { $0.isInForce(on: date) } }

    /// The rule with `id`, if any.
    public static func rule(id: String) -> Rule? { all.first { $0.id == id } }
}

// MARK: - Card networks: the dispute-ratio monitor

/// When a month's fraud reports and disputes count as excessive under one card programme, and what the sandbox charges.
public struct DisputeMonitorThreshold: Sendable, Hashable {
    /// Excessive at or above this ratio of (fraud reports + disputes) to settled card-not-present transactions, basis
    /// points.
    public let ratioBP: Int
    /// The programme applies only from this many fraud reports plus disputes in the month (scaled down for a small shop).
    public let minimumCount: Int
    /// Fee per dispute of an excessive month (0 while the programme monitors without fees).
    public let penaltyPerDispute: Money
    /// True when the ratio's denominator is the previous month's card-not-present transactions (Mastercard), false
    /// when it is the month's own (Visa).
    public let previousMonthTransactions: Bool

    public init(ratioBP: Int, minimumCount: Int, penaltyPerDispute: Money, previousMonthTransactions: Bool = false) {
        self.ratioBP = ratioBP
        self.minimumCount = minimumCount
        self.penaltyPerDispute = penaltyPerDispute
        self.previousMonthTransactions = previousMonthTransactions
    }
}

extension RuleBook {
    /// The card programmes that monitor a merchant's monthly ratio of fraud reports plus disputes to card-not-present
    /// transactions, one key per programme (`VISA`, `MASTERCARD`; rows of a key replace each other over time, rows of
    /// different keys are in force side by side).
    ///
    /// The real minimum counts (Visa 1,500 fraud reports plus disputes, Mastercard 100 chargebacks a month) are beyond a
    /// sandbox shop, so both are scaled by the same factor, 1/300 (*assumption*): Visa 5, Mastercard 1 (100/300 rounded
    /// up). Visa's fee is its real 8 USD per dispute; Mastercard's is a sandbox figure.
    public static let disputeMonitor = RuleTable<DisputeMonitorThreshold>([
        DatedValue(rule("VISA-VAMP-2025-06", "CARD", "2025-06-01", "2025-09-30",
                        "Visa VAMP: excessive at 2.2%, monitored without fees",
                        source: "Visa Acquirer Monitoring Program (VAMP), effective 2025-06-01 with merchant fees from 2025-10-01; the real programme applies from 1,500 fraud reports plus disputes a month. Assumption: the sandbox applies it from 5 (1,500 scaled by 1/300)",
                        summary: "Monthly ratio (fraud reports + disputes) / card-not-present card transactions settled in the month, in counts; a fraud chargeback is both a fraud report and a dispute, so it counts twice. From 5 fraud reports plus disputes in a month (sandbox), 2.2% or more is excessive; no fee is charged before 2025-10-01."),
                   key: "VISA", DisputeMonitorThreshold(ratioBP: 220, minimumCount: 5, penaltyPerDispute: Money(major: 0, .USD))),
        DatedValue(rule("VISA-VAMP-2025", "CARD", "2025-10-01", "2026-03-31",
                        "Visa VAMP: excessive at 2.2%, 8 USD per dispute",
                        source: "Visa Acquirer Monitoring Program (VAMP): merchant fees from 2025-10-01, 8 USD per dispute of an excessive month; the real programme applies from 1,500 fraud reports plus disputes a month. Assumption: the sandbox applies it from 5 (1,500 scaled by 1/300)",
                        summary: "Monthly ratio (fraud reports + disputes) / card-not-present card transactions settled in the month, in counts; a fraud chargeback counts twice. From 5 fraud reports plus disputes in a month (sandbox), 2.2% or more is excessive: 8 USD per dispute of that month."),
                   key: "VISA", DisputeMonitorThreshold(ratioBP: 220, minimumCount: 5, penaltyPerDispute: Money(major: 8, .USD))),
        DatedValue(rule("VISA-VAMP-2026", "CARD", "2026-04-01", nil,
                        "Visa VAMP: excessive at 1.5%, 8 USD per dispute",
                        source: "Visa Acquirer Monitoring Program (VAMP), merchant threshold lowered to 1.5% from 2026-04-01 (outside MENA), 8 USD per dispute; the real programme applies from 1,500 fraud reports plus disputes a month. Assumption: the sandbox applies it from 5 (1,500 scaled by 1/300)",
                        summary: "Monthly ratio (fraud reports + disputes) / card-not-present card transactions settled in the month, in counts; a fraud chargeback counts twice. From 5 fraud reports plus disputes in a month (sandbox), 1.5% or more is excessive: 8 USD per dispute of that month."),
                   key: "VISA", DisputeMonitorThreshold(ratioBP: 150, minimumCount: 5, penaltyPerDispute: Money(major: 8, .USD))),
        DatedValue(rule("MASTERCARD-EXCESSIVE-CHARGEBACK", "CARD", assumptionStart, nil,
                        "Mastercard ECM: excessive at 1.5% of the previous month's transactions",
                        source: "Mastercard Excessive Chargeback Program: a merchant is Excessive Chargeback Merchant at 1.5% and 100 chargebacks in a month, chargebacks over the previous month's card-not-present transactions (HECM at 3% and 300). Assumptions: in force throughout; the sandbox does not tell card brands apart; the minimum of 100 is scaled by 1/300 like VAMP's, to 1; 50 USD per dispute of an excessive month",
                        summary: "Monthly ratio chargebacks in the month / card-not-present card transactions settled in the previous month, in counts (a fraud chargeback counts once here, unlike Visa's VAMP); from 1 chargeback (sandbox), 1.5% or more is excessive: 50 USD per dispute of that month (assumption). A world's first month has no previous month, so Mastercard does not judge it."),
                   key: "MASTERCARD", DisputeMonitorThreshold(ratioBP: 150, minimumCount: 1, penaltyPerDispute: Money(major: 50, .USD),
                                                              previousMonthTransactions: true)),
    ])
}
