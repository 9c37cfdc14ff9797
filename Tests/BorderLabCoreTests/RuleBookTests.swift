import Testing
@testable import BorderLabCore

// The dated rule tables against the dates and figures of DOMAIN.md.

private func date(_ iso: String) -> SimDate { SimDate(iso: iso)! }
private func money(_ text: String) -> Money { try! Money(parsing: text) }
private func ids(on day: String) -> [String] { RuleBook.inForce(on: date(day)).map(\.id) }

/// Rows of one table with the same key must not be in force on the same day, or the answer would depend on order.
private func overlaps<Value>(_ table: RuleTable<Value>) -> [String] {
    var found: [String] = []
    for (i, a) in table.rows.enumerated() {
        for b in table.rows[(i + 1)...] where a.key == b.key {
            let aEnds = a.rule.effectiveTo ?? date("9999-12-31")
            let bEnds = b.rule.effectiveTo ?? date("9999-12-31")
            if a.rule.effectiveFrom <= bEnds && b.rule.effectiveFrom <= aEnds { found.append("\(a.rule.id)/\(b.rule.id)") }
        }
    }
    return found
}

@Test func everyRuleIsWellFormed() {
    var seen: [String] = []
    for rule in RuleBook.all {
        #expect(!seen.contains(rule.id), "duplicate id \(rule.id)")
        seen.append(rule.id)
        #expect(!rule.title.isEmpty && !rule.source.isEmpty && !rule.summary.isEmpty, "\(rule.id) lacks text")
        if let end = rule.effectiveTo { #expect(rule.effectiveFrom <= end, "\(rule.id) ends before it starts") }
    }
}

@Test func tablesHaveNoOverlappingRows() {
    #expect(overlaps(RuleBook.cbecLimits).isEmpty)
    #expect(overlaps(RuleBook.cbecRetailTerms).isEmpty)
    #expect(overlaps(RuleBook.chinaVAT).isEmpty)
    #expect(overlaps(RuleBook.positiveList).isEmpty)
    #expect(overlaps(RuleBook.euIOSS).isEmpty)
    #expect(overlaps(RuleBook.euFlatDuty).isEmpty)
    #expect(overlaps(RuleBook.euVAT).isEmpty)
    #expect(overlaps(RuleBook.usDeMinimis).isEmpty)
    #expect(overlaps(RuleBook.usOriginSurcharge).isEmpty)
    #expect(overlaps(RuleBook.jpConsumptionTax).isEmpty)
    #expect(overlaps(RuleBook.jpSmallValue).isEmpty)
    #expect(overlaps(RuleBook.gbVAT).isEmpty)
    #expect(overlaps(RuleBook.gbLowValue).isEmpty)
    #expect(overlaps(RuleBook.auGST).isEmpty)
    #expect(overlaps(RuleBook.auLowValue).isEmpty)
    #expect(overlaps(RuleBook.dutySchedules).isEmpty)
    #expect(overlaps(RuleBook.disputeMonitor).isEmpty)
}

@Test func allIsSortedByJurisdictionDateAndId() {
    let all = RuleBook.all
    for (a, b) in zip(all, all.dropFirst()) {
        #expect((a.jurisdiction, a.effectiveFrom.daysSinceEpoch, a.id) < (b.jurisdiction, b.effectiveFrom.daysSinceEpoch, b.id))
    }
    // Every row of every table is listed, and the customs codes.
    let counts: [Int] = [
        RuleBook.cbecLimits.rows.count, RuleBook.cbecRetailTerms.rows.count, RuleBook.chinaVAT.rows.count,
        RuleBook.positiveList.rows.count, RuleBook.customsModes.count, RuleBook.euIOSS.rows.count,
        RuleBook.euFlatDuty.rows.count, RuleBook.euVAT.rows.count, RuleBook.usDeMinimis.rows.count,
        RuleBook.usOriginSurcharge.rows.count, RuleBook.usSection301.rows.count, RuleBook.usSalesTax.rows.count,
        RuleBook.euLowValue.rows.count, RuleBook.cnConsumptionTax.rows.count, RuleBook.jpConsumptionTax.rows.count, RuleBook.jpSmallValue.rows.count,
        RuleBook.gbVAT.rows.count, RuleBook.gbLowValue.rows.count, RuleBook.auGST.rows.count,
        RuleBook.auLowValue.rows.count, RuleBook.dutySchedules.rows.count,
        RuleBook.disputeMonitor.rows.count,
    ]
    let rows = counts.reduce(0, +)
    #expect(all.count == rows)
    for id in ["CN-CBEC-LIMITS-2016", "CN-CBEC-LIMITS-2019", "CN-CBEC-RETAIL-70", "CN-VAT-2018", "CN-VAT-2019",
               "CN-POSITIVE-LIST-2019", "CN-POSITIVE-LIST-2020", "CN-POSITIVE-LIST-2022", "CN-CUSTOMS-9610",
               "CN-CUSTOMS-1210", "CN-CUSTOMS-9710-9810", "EU-IOSS", "EU-FLAT-DUTY-3", "US-DE-MINIMIS-CN-HK",
               "US-DE-MINIMIS-SUSPENDED", "US-IEEPA-CN-20", "JP-SMALL-VALUE-10000", "GB-LOW-VALUE-135", "AU-LVG-1000",
               "VISA-VAMP-2025", "VISA-VAMP-2026", "MASTERCARD-EXCESSIVE-CHARGEBACK"] {
        #expect(RuleBook.rule(id: id) != nil, "missing \(id)")
    }
}

@Test func cbecLimitsChangeOn20190101() {
    // Caiguanshui [2016] No. 18 from 2016-04-08, replaced by Caiguanshui [2018] No. 49 from 2019-01-01.
    #expect(RuleBook.cbecLimits.value(on: date("2016-04-07")) == nil)
    #expect(RuleBook.cbecLimits.value(on: date("2016-04-08"))
            == CBECLimits(perTransaction: money("2000.00 CNY"), annual: money("20000.00 CNY")))
    #expect(RuleBook.cbecLimits.value(on: date("2018-12-31"))?.perTransaction == money("2000.00 CNY"))
    #expect(RuleBook.cbecLimits.value(on: date("2019-01-01"))
            == CBECLimits(perTransaction: money("5000.00 CNY"), annual: money("26000.00 CNY")))
    #expect(RuleBook.cbecLimits.row(on: date("2019-01-01"))?.rule.source.contains("[2018] No. 49") == true)
    #expect(RuleBook.cbecRetailTerms.value(on: date("2025-01-01")) == CBECRetailTerms(tariffBP: 0, vatAndConsumptionShareBP: 7000))
}

@Test func chinaVATIs13PercentFrom20190401And16Before() {
    let general = TaxClass(code: "general-13", vatBP: 1300, tariffBP: 0, hsSubheading: "732393")
    let reduced = TaxClass(code: "reduced-9", vatBP: 900, tariffBP: 0, hsSubheading: "490199")
    #expect(RuleBook.chinaVATBP(for: general, on: date("2019-03-31")) == 1600)
    #expect(RuleBook.chinaVATBP(for: general, on: date("2019-04-01")) == 1300)
    #expect(RuleBook.chinaVATBP(for: general, on: date("2018-04-30")) == 1700)
    #expect(RuleBook.chinaVATBP(for: reduced, on: date("2018-05-01")) == 1000)
    #expect(RuleBook.chinaVATBP(for: reduced, on: date("2025-01-01")) == 900)
}

@Test func positiveListEditionsAndCustomsCodes() {
    #expect(RuleBook.positiveList.value(on: date("2019-01-01"))?.tariffLines == 1321)
    #expect(RuleBook.positiveList.value(on: date("2019-12-31"))?.tariffLines == 1321)
    #expect(RuleBook.positiveList.value(on: date("2020-01-01"))?.tariffLines == 1413)
    #expect(RuleBook.positiveList.value(on: date("2022-02-28"))?.tariffLines == 1413)
    #expect(RuleBook.positiveList.value(on: date("2022-03-01"))?.tariffLines == 1476)
    // 9610 from 2014-02-10, 1210 from 2014-08-01, 9710/9810 pilot from 2020-07-01, extended 2020-09-01.
    #expect(!ids(on: "2014-02-09").contains("CN-CUSTOMS-9610"))
    #expect(ids(on: "2014-02-10").contains("CN-CUSTOMS-9610"))
    #expect(!ids(on: "2014-07-31").contains("CN-CUSTOMS-1210"))
    #expect(ids(on: "2014-08-01").contains("CN-CUSTOMS-1210"))
    #expect(!ids(on: "2020-06-30").contains { $0.hasPrefix("CN-CUSTOMS-9710") })
    #expect(ids(on: "2020-07-01").contains("CN-CUSTOMS-9710-9810-PILOT"))
    #expect(ids(on: "2020-09-01").contains("CN-CUSTOMS-9710-9810"))
    #expect(!ids(on: "2020-09-01").contains("CN-CUSTOMS-9710-9810-PILOT"))
}

@Test func inForceOn20180601ShowsThe2018Law() {
    let inForce = ids(on: "2018-06-01")
    #expect(inForce.contains("CN-CBEC-LIMITS-2016"))
    #expect(!inForce.contains("CN-CBEC-LIMITS-2019"))
    #expect(inForce.contains("CN-VAT-2018"))
    #expect(!inForce.contains("CN-VAT-2019"))
    #expect(!inForce.contains("EU-IOSS"))
    #expect(inForce.contains("US-DE-MINIMIS-800"))
}

@Test func euDatesMatchDomain() {
    #expect(RuleBook.euIOSS.value(on: date("2021-06-30")) == nil)
    #expect(RuleBook.euIOSS.value(on: date("2021-07-01"))?.limit == money("150.00 EUR"))
    #expect(RuleBook.euFlatDuty.value(on: date("2026-06-30")) == nil)
    #expect(RuleBook.euFlatDuty.value(on: date("2026-07-01"))?.perSubheading == money("3.00 EUR"))
    #expect(RuleBook.euFlatDuty.value(on: date("2028-06-30")) != nil)
    #expect(RuleBook.euFlatDuty.value(on: date("2028-07-01")) == nil)
    let rates = ["DE": 1900, "FR": 2000, "IT": 2200, "ES": 2100, "NL": 2100]
    for code in ["DE", "FR", "IT", "ES", "NL"] {
        #expect(RuleBook.euVAT.value(on: date("2025-06-01"), key: code)?.rateBP == rates[code], "\(code)")
    }
    #expect(RuleBook.euVAT.value(on: date("2020-09-01"), key: "DE")?.rateBP == 1600)
}

@Test func usDeMinimisEndsInTwoSteps() {
    let cn = "CN", de = "DE", value = money("800.00 USD")
    #expect(RuleBook.usDeMinimis.value(on: date("2025-05-01"))?.admits(value, origin: cn) == true)
    #expect(RuleBook.usDeMinimis.value(on: date("2025-05-01"))?.admits(money("800.01 USD"), origin: cn) == false)
    #expect(RuleBook.usDeMinimis.value(on: date("2025-05-02"))?.admits(value, origin: cn) == false)
    #expect(RuleBook.usDeMinimis.value(on: date("2025-05-02"))?.admits(value, origin: "HK") == false)
    #expect(RuleBook.usDeMinimis.value(on: date("2025-08-28"))?.admits(value, origin: de) == true)
    #expect(RuleBook.usDeMinimis.value(on: date("2025-08-29"))?.admits(money("1.00 USD"), origin: de) == false)
    #expect(RuleBook.usDeMinimis.value(on: date("2027-07-01"))?.limit == nil)
    #expect(RuleBook.usOriginSurcharge.value(on: date("2025-02-03"), key: "IEEPA") == nil)
    #expect(RuleBook.usOriginSurcharge.value(on: date("2025-03-03"), key: "IEEPA")?.rateBP == 1000)
    #expect(RuleBook.usOriginSurcharge.value(on: date("2025-03-04"), key: "IEEPA")?.rateBP == 2000)
}

@Test func lowValueThresholdsOfJapanUKAndAustralia() {
    #expect(RuleBook.jpSmallValue.value(on: date("2025-06-01"))?.limit == money("10000 JPY"))
    #expect(RuleBook.jpConsumptionTax.value(on: date("2025-06-01"))?.rateBP == 1000)
    #expect(RuleBook.gbLowValue.value(on: date("2021-01-01"))?.limit == money("135.00 GBP"))
    #expect(RuleBook.gbLowValue.value(on: date("2020-12-31")) == nil)
    #expect(RuleBook.gbVAT.value(on: date("2025-06-01"))?.rateBP == 2000)
    #expect(RuleBook.auLowValue.value(on: date("2018-07-01"))?.limit == money("1000.00 AUD"))
    #expect(RuleBook.auLowValue.value(on: date("2018-06-30")) == nil)
    #expect(RuleBook.auGST.value(on: date("2025-06-01"))?.rateBP == 1000)
}

@Test func dutySchedulesCoverEveryCategoryWithinDomainRanges() {
    // DOMAIN.md: EU 0–12% (apparel 12%), US base 0–15%, Japan 0–10%.
    let caps = [("EU", 1200), ("US", 1500), ("JP", 1000), ("GB", 1200), ("AU", 1000)]
    for (key, cap) in caps {
        guard let schedule = RuleBook.dutySchedules.value(on: date("2025-06-01"), key: key) else {
            Issue.record("no duty schedule for \(key)")
            continue
        }
        #expect(schedule.rates.map(\.category) == Category.allCases, "\(key) must list each category once, in order")
        for rate in schedule.rates { #expect((0...cap).contains(rate.rateBP), "\(key) \(rate.category)") }
    }
    #expect(RuleBook.dutySchedules.value(on: date("2025-06-01"), key: "EU")?.rateBP(for: .apparel) == 1200)
    #expect(RuleBook.dutySchedules.value(on: date("2025-06-01"), key: "EU")?.includesShipping == true)
    #expect(RuleBook.dutySchedules.value(on: date("2025-06-01"), key: "US")?.includesShipping == false)
}

@Test func ruleDatesAreInclusive() {
    let rule = Rule(id: "X", title: "t", jurisdiction: "CN", effectiveFrom: date("2020-01-01"), effectiveTo: date("2020-01-31"),
                    source: "s", summary: "m")
    #expect(!rule.isInForce(on: date("2019-12-31")))
    #expect(rule.isInForce(on: date("2020-01-01")))
    #expect(rule.isInForce(on: date("2020-01-31")))
    #expect(!rule.isInForce(on: date("2020-02-01")))
}
