/// The US tariffs on top of the base duty, and the sales tax on local sales, as dated rows.
///
/// Each IEEPA step on Chinese goods is its own row, dated as enacted, so a parcel of April 2025 pays what it paid
/// then; Section 301 duties by category continue under their own table. Origins `["*"]` means every origin.
extension RuleBook {
    /// The keys of ``usOriginSurcharge``: rows of different keys add up.
    public static let usSurchargeKeys = ["IEEPA", "SECTION-122"]

    static let ieepaOrigins = ["CN", "HK"]

    /// Additional ad-valorem US tariffs by origin: IEEPA steps on Chinese goods, then the Section 122 surcharge.
    public static let usOriginSurcharge = RuleTable<OriginSurcharge>([
        DatedValue(rule("US-IEEPA-CN-10", "US", "2025-02-04", "2025-03-03", "US IEEPA tariff 10% on Chinese goods",
                        source: "Executive Order 14195 (2025-02-01), effective 2025-02-04",
                        summary: "Goods of Chinese or Hong Kong origin pay 10 percentage points on top of the base duty (the 'fentanyl' tariff under IEEPA)."),
                   key: "IEEPA", OriginSurcharge(origins: ieepaOrigins, rateBP: 1_000)),
        DatedValue(rule("US-IEEPA-CN-20", "US", "2025-03-04", "2025-04-04", "US IEEPA tariff 20% on Chinese goods",
                        source: "Executive Order 14228 (2025-03-03), effective 2025-03-04",
                        summary: "The fentanyl tariff on Chinese and Hong Kong goods rises to 20%."),
                   key: "IEEPA", OriginSurcharge(origins: ieepaOrigins, rateBP: 2_000)),
        DatedValue(rule("US-IEEPA-CN-30", "US", "2025-04-05", "2025-04-08", "US IEEPA tariffs 20% + 10% reciprocal on Chinese goods",
                        source: "Executive Order 14257 (2025-04-02): 10% baseline reciprocal tariff from 2025-04-05",
                        summary: "The 10% baseline reciprocal tariff adds to the 20% fentanyl tariff: 30% on top of the base duty."),
                   key: "IEEPA", OriginSurcharge(origins: ieepaOrigins, rateBP: 3_000)),
        DatedValue(rule("US-IEEPA-CN-104", "US", "2025-04-09", "2025-04-09", "US IEEPA tariffs 20% + 84% reciprocal on Chinese goods",
                        source: "Executive Orders 14257 (China rate 34% from 2025-04-09) and 14259 (2025-04-08, raising it to 84% the same day)",
                        summary: "For one day the reciprocal tariff on Chinese goods is 84%: 104% on top of the base duty with the fentanyl tariff."),
                   key: "IEEPA", OriginSurcharge(origins: ieepaOrigins, rateBP: 10_400)),
        DatedValue(rule("US-IEEPA-CN-145", "US", "2025-04-10", "2025-05-13", "US IEEPA tariffs 20% + 125% reciprocal on Chinese goods",
                        source: "Executive Order 14266 (2025-04-09), effective 2025-04-10",
                        summary: "The reciprocal tariff on Chinese goods reaches 125%: 145% on top of the base duty with the 20% fentanyl tariff."),
                   key: "IEEPA", OriginSurcharge(origins: ieepaOrigins, rateBP: 14_500)),
        DatedValue(rule("US-IEEPA-CN-30-GENEVA", "US", "2025-05-14", "2025-11-09", "US IEEPA tariffs 20% + 10% on Chinese goods (Geneva truce)",
                        source: "Executive Order 14298 (2025-05-12), effective 2025-05-14",
                        summary: "After the Geneva talks the reciprocal tariff on Chinese goods falls to 10% for 90 days (later extended): 30% on top of the base duty."),
                   key: "IEEPA", OriginSurcharge(origins: ieepaOrigins, rateBP: 3_000)),
        DatedValue(rule("US-IEEPA-CN-20-NOV", "US", "2025-11-10", "2026-02-23", "US IEEPA tariffs 10% + 10% on Chinese goods",
                        source: "Executive order of 2025-11-04 implementing the US–China arrangement (fentanyl tariff cut to 10%), effective 2025-11-10; ended when collection stopped on 2026-02-24 after the Supreme Court held IEEPA tariffs unlawful (Learning Resources, Inc. v. Trump, 2026-02-20)",
                        summary: "Fentanyl tariff 10% plus reciprocal 10%: 20% on top of the base duty, until IEEPA tariffs stop being collected on 2026-02-24."),
                   key: "IEEPA", OriginSurcharge(origins: ieepaOrigins, rateBP: 2_000)),
        DatedValue(rule("US-SECTION-122-10", "US", "2026-02-24", "2026-07-23", "US Section 122 surcharge 10% on all origins",
                        source: "Trade Act of 1974, s. 122 (balance-of-payments surcharge, at most 15% for at most 150 days). The start date is an assumption (the day IEEPA collection stopped); the sources at hand give no effective date, so the 150 days are counted from it",
                        summary: "After the IEEPA tariffs end, a 10% surcharge on goods of every origin for 150 days."),
                   key: "SECTION-122", OriginSurcharge(origins: ["*"], rateBP: 1_000)),
    ])

    /// The sum of the US surcharges in force on `date` for goods of `origin`, basis points.
    public static func usSurchargeBP(origin: String, on date: SimDate) -> Int {
        usSurchargeKeys.reduce(0) { sum, key in
            guard let row = usOriginSurcharge.value(on: date, key: key), row.applies(to: origin) else { return sum }
            return sum + row.rateBP
        }
    }

    static let section301Source = "USTR notices 83 FR 47974 (List 3 at 10% from 2018-09-24), 84 FR 20459 (List 3 at 25% from 2019-05-10), 84 FR 43304 (List 4A at 15% from 2019-09-01) and 85 FR 3741 (List 4A at 7.5% from 2020-02-14). Assumption: each category sits on one list by its typical subheading (kitchenware 7323 and supplements 2106 on List 3; apparel, footwear, cosmetics, watches, jewellery, electronics such as 8518.30 and infant formula on List 4A); real coverage is by 8-digit line, with exclusions. Lists 1 and 2 (2018) cover industrial goods outside the catalogue"

    /// Section 301 duties on goods of Chinese origin, by category (FOB, like the base duty); they continue after IEEPA.
    public static let usSection301 = RuleTable<DutySchedule>([
        DatedValue(rule("US-301-LIST3-10", "US", "2018-09-24", "2019-05-09", "US Section 301 List 3 at 10%",
                        source: section301Source, summary: "Chinese-origin kitchenware and supplements pay 10% on top of the base duty."),
                   schedule(shipping: false, cosmetics: 0, infantFormula: 0, supplements: 1_000, kitchenware: 1_000,
                            electronics: 0, apparel: 0, watches: 0, jewellery: 0)),
        DatedValue(rule("US-301-LIST3-25", "US", "2019-05-10", "2019-08-31", "US Section 301 List 3 at 25%",
                        source: section301Source, summary: "Chinese-origin kitchenware and supplements pay 25% on top of the base duty."),
                   schedule(shipping: false, cosmetics: 0, infantFormula: 0, supplements: 2_500, kitchenware: 2_500,
                            electronics: 0, apparel: 0, watches: 0, jewellery: 0)),
        DatedValue(rule("US-301-LIST4A-15", "US", "2019-09-01", "2020-02-13", "US Section 301 List 4A at 15%",
                        source: section301Source, summary: "List 3 at 25% (kitchenware, supplements); List 4A at 15% (apparel, cosmetics, watches, jewellery, electronics, infant formula)."),
                   schedule(shipping: false, cosmetics: 1_500, infantFormula: 1_500, supplements: 2_500, kitchenware: 2_500,
                            electronics: 1_500, apparel: 1_500, watches: 1_500, jewellery: 1_500)),
        DatedValue(rule("US-301-LIST4A-7-5", "US", "2020-02-14", nil, "US Section 301 List 4A at 7.5%",
                        source: section301Source, summary: "List 3 at 25% (kitchenware, supplements); List 4A at 7.5% (apparel, cosmetics, watches, jewellery, electronics, infant formula)."),
                   schedule(shipping: false, cosmetics: 750, infantFormula: 750, supplements: 2_500, kitchenware: 2_500,
                            electronics: 750, apparel: 750, watches: 750, jewellery: 750)),
    ])

    /// The Section 301 rate on `category` from `origin` on `date` (Chinese and Hong Kong origin only; HK goods are
    /// marked as Chinese under the 2020 marking rule, an assumption here).
    public static func usSection301BP(category: Category, origin: String, on date: SimDate) -> Int {
        guard ieepaOrigins.contains(origin), let schedule = usSection301.value(on: date) else { return 0 }
        return schedule.rateBP(for: category)
    }

    /// The sales tax on sales from stock already in the US (one rate for the whole country).
    public static let usSalesTax = RuleTable<TaxRate>([
        DatedValue(rule("US-SALES-TAX-ASSUMED", "US", assumptionStart, nil, "US sales tax 7% on local sales (assumption)",
                        source: "Assumption: one rate for every state, near the average combined state and local sales tax rate (about 7%); real rates run from 0% to over 10% by state and city. Tune per scenario",
                        summary: "A sale from a US overseas warehouse (9810 stock) charges 7% sales tax at checkout; parcels from China pay duty at the border instead."),
                   TaxRate(rateBP: 700)),
    ])
}

extension OriginSurcharge {
    /// Whether goods of `origin` pay the surcharge (`["*"]`: every origin).
    public func applies(to origin: String) -> Bool { origins.contains("*") || origins.contains(origin) }
}

extension RuleBook {
    /// The EU's low-value reliefs before the 2021 VAT e-commerce package, keyed `VAT` and `DUTY`.
    public static let euLowValue = RuleTable<ValueThreshold>([
        DatedValue(rule("EU-LOW-VALUE-22", "EU", assumptionStart, "2021-06-30", "EU: consignments up to 22 EUR free of import VAT",
                        source: "Council Directive 2009/132/EC, art. 23 (small consignments of negligible value; 22 EUR in Germany and France); repealed by Directive (EU) 2017/2455 from 2021-07-01. Long-standing; the sandbox dates it from 2000-01-01",
                        summary: "A consignment of intrinsic value up to 22 EUR pays no import VAT (and no duty)."),
                   key: "VAT", ValueThreshold(limit: Money(major: 22, .EUR))),
        DatedValue(rule("EU-DUTY-RELIEF-150", "EU", assumptionStart, nil, "EU: consignments up to 150 EUR free of customs duty",
                        source: "Council Regulation (EC) No 1186/2009, art. 23 (consignments of negligible value). Long-standing; the sandbox dates it from 2000-01-01. From 2026-07-01 to 2028-06-30 parcels under 150 EUR pay the flat 3 EUR duty instead (EU-FLAT-DUTY-3)",
                        summary: "A consignment of intrinsic value up to 150 EUR pays no customs duty; before 2021-07-01 it paid import VAT on delivery, from then through the IOSS at checkout."),
                   key: "DUTY", ValueThreshold(limit: Money(major: 150, .EUR))),
    ])
}
