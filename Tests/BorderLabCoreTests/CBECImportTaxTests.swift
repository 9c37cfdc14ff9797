import Testing
@testable import BorderLabCore

// Golden cases worked out by hand from DOMAIN.md. Within the limits: tax = 0.7 × (CT + VAT) with
// CT = base × ct / (1 − ct) and VAT = (base + CT) × vat; base = goods + freight + insurance.
// Test tax classes (rates as the law stands since 2019-04-01; tariff rates are the MFN assumptions of DOMAIN.md
// except the watch's, which is this test's own figure). Consumption tax follows each line's subheading and dutiable
// value per unit (RuleBook.cnConsumptionTax): the test cosmetic (330499, no content: one piece) is at or above
// 15 CNY a piece in every case here, the watch (910211) pays it only from 10,000 CNY.

private func date(_ iso: String) -> SimDate { SimDate(iso: iso)! }
private func cny(_ amount: String) -> Money { try! Money(parsing: "\(amount) CNY") }

private let general = TaxClass(code: "general-13", vatBP: 1300, tariffBP: 800, hsSubheading: "732393")
private let book = TaxClass(code: "reduced-9", vatBP: 900, tariffBP: 0, hsSubheading: "490199")
private let cosmetic = TaxClass(code: "high-end-cosmetic", vatBP: 1300, tariffBP: 500, hsSubheading: "330499")
private let watch = TaxClass(code: "high-end-watch", vatBP: 1300, tariffBP: 1000, hsSubheading: "910211")
private let electronics = TaxClass(code: "electronics", vatBP: 1300, tariffBP: 500, hsSubheading: "851830")

private func line(_ sku: String, _ taxClass: TaxClass, _ quantity: Int, _ price: String, listed: Bool = true) -> CBECLine {
    CBECLine(sku: sku, taxClass: taxClass, positiveList: listed, quantity: quantity, unitPrice: cny(price))
}

private func order(_ lines: [CBECLine], on day: String = "2025-06-01", freight: String = "0.00", insurance: String = "0.00",
                   yearToDate: String = "0.00") -> CBECOrder {
    CBECOrder(date: date(day), lines: lines, freight: cny(freight), insurance: cny(insurance), customerYearToDate: cny(yearToDate))
}

@Test func generalGoodPays9Point1Percent() {
    // 100.00 × 0.7 × 0.13 = 9.10 (the 9.1% "comprehensive tax" of DOMAIN.md).
    let verdict = CBECImportTax.assess(order([line("G-1", general, 1, "100.00")]))
    #expect(verdict == .retail(tax: cny("9.10"), dutiableValue: cny("100.00")))
}

@Test func highEndCosmeticPays23Point06Percent() {
    // CT = 200 × 0.15 / 0.85 = 35.294117…; VAT = (200 + 35.294117…) × 0.13 = 30.588235…;
    // 0.7 × 65.882352… = 46.117647… = 200 × 0.7 × 0.28 / 0.85 → 46.12.
    let verdict = CBECImportTax.assess(order([line("COS-1", cosmetic, 1, "200.00")]))
    #expect(verdict == .retail(tax: cny("46.12"), dutiableValue: cny("200.00")))
}

@Test func freightAndInsuranceAreInTheBase() {
    // 180.00 goods + 15.00 freight + 5.00 insurance = 200.00 base, as above → 46.12 (goods alone would give 41.51).
    let verdict = CBECImportTax.assess(order([line("COS-1", cosmetic, 1, "180.00")], freight: "15.00", insurance: "5.00"))
    #expect(verdict == .retail(tax: cny("46.12"), dutiableValue: cny("200.00")))
}

@Test func roundingTieGoesUp() {
    // 15.00 × 0.091 = 1.365 exactly: half-up gives 1.37 (banker's rounding or truncation would give 1.36).
    let verdict = CBECImportTax.assess(order([line("G-1", general, 1, "15.00")]))
    #expect(verdict == .retail(tax: cny("1.37"), dutiableValue: cny("15.00")))
}

@Test func orderTaxIsRoundedOnceNotPerLine() {
    // Two lines of 15.00: 1.365 + 1.365 = 2.73 exactly. Rounding each line first would give 1.37 + 1.37 = 2.74.
    let verdict = CBECImportTax.assess(order([line("G-1", general, 1, "15.00"), line("G-2", general, 1, "15.00")]))
    #expect(verdict == .retail(tax: cny("2.73"), dutiableValue: cny("30.00")))
}

@Test func freightIsAllocatedProRataToGoodsValue() {
    // Cosmetic 300.00 and general good 100.00, freight 40.00 → bases 330.00 and 110.00 (3 : 1).
    // Cosmetic: 330 × 0.7 × 0.28 / 0.85 = 76.094117…; general: 110 × 0.091 = 10.01; total 86.104117… → 86.10.
    // (An even split, 320 / 120, would give 84.71; all freight on the first line, 87.50.)
    let verdict = CBECImportTax.assess(order([line("COS-1", cosmetic, 1, "300.00"), line("G-1", general, 1, "100.00")],
                                             freight: "40.00"))
    #expect(verdict == .retail(tax: cny("86.10"), dutiableValue: cny("440.00")))
}

@Test func singleWatchAboveTheLimitPaysFullDuty() {
    // 5,500.00 + 80.00 freight + 20.00 insurance = 5,600.00 > 5,000, one unit, customer within 26,000.
    // A watch pays consumption tax only from 10,000 CNY (Caishui [2006] No. 33), so none here:
    // tariff 10%: 560.00; VAT = (5,600 + 560) × 0.13 = 800.80. Total 1,360.80 (no 70% reduction).
    let verdict = CBECImportTax.assess(order([line("W-1", watch, 1, "5500.00")], freight: "80.00", insurance: "20.00"))
    #expect(verdict == .singleItemFullDuty(tax: cny("1360.80"), dutiableValue: cny("5600.00")))
    // 11,900.00 + 80.00 + 20.00 = 12,000.00 ≥ 10,000: tariff 1,200.00; CT = (12,000 + 1,200) × 0.20 / 0.80 = 3,300.00;
    // VAT = (13,200 + 3,300) × 0.13 = 2,145.00. Total 6,645.00.
    let dear = CBECImportTax.assess(order([line("W-1", watch, 1, "11900.00")], freight: "80.00", insurance: "20.00"))
    #expect(dear == .singleItemFullDuty(tax: cny("6645.00"), dutiableValue: cny("12000.00")))
}

@Test func singleElectronicsItemAboveTheLimitPaysFullDuty() {
    // 5,600.00, tariff 5%: 280.00; no CT; VAT = (5,600 + 280) × 0.13 = 764.40. Total 1,044.40.
    let verdict = CBECImportTax.assess(order([line("E-1", electronics, 1, "5600.00")], yearToDate: "10000.00"))
    #expect(verdict == .singleItemFullDuty(tax: cny("1044.40"), dutiableValue: cny("5600.00")))
}

@Test func twoUnitsAboveTheLimitAreRefused() {
    // 2 × 2,600.00 = 5,200.00 > 5,000 with two units: not CBEC retail.
    let verdict = CBECImportTax.assess(order([line("E-1", electronics, 2, "2600.00")]))
    #expect(verdict == .refused(.multiItemOverTransactionLimit(dutiableValue: cny("5200.00"), limit: cny("5000.00"))))
}

@Test func freightCanPushAnOrderOverTheTransactionLimit() {
    // 2 × 2,480.00 = 4,960.00 goods, + 50.00 freight = 5,010.00 > 5,000.
    let verdict = CBECImportTax.assess(order([line("G-1", general, 2, "2480.00")], freight: "50.00"))
    #expect(verdict == .refused(.multiItemOverTransactionLimit(dutiableValue: cny("5010.00"), limit: cny("5000.00"))))
}

@Test func exactlyTheTransactionLimitIsRetail() {
    // 2 × 2,500.00 = 5,000.00, not above the limit: 5,000 × 0.091 = 455.00.
    let verdict = CBECImportTax.assess(order([line("G-1", general, 2, "2500.00")]))
    #expect(verdict == .retail(tax: cny("455.00"), dutiableValue: cny("5000.00")))
}

@Test func customerOverTheAnnualLimitIsRefused() {
    // 25,000.00 + 1,200.00 = 26,200.00 > 26,000.
    let verdict = CBECImportTax.assess(order([line("G-1", general, 1, "1200.00")], yearToDate: "25000.00"))
    #expect(verdict == .refused(.overAnnualLimit(yearToDate: cny("25000.00"), dutiableValue: cny("1200.00"), limit: cny("26000.00"))))
}

@Test func reachingTheAnnualLimitExactlyIsAllowed() {
    // 24,800.00 + 1,200.00 = 26,000.00, not above: 1,200 × 0.091 = 109.20.
    let verdict = CBECImportTax.assess(order([line("G-1", general, 1, "1200.00")], yearToDate: "24800.00"))
    #expect(verdict == .retail(tax: cny("109.20"), dutiableValue: cny("1200.00")))
}

@Test func singleItemOverTheAnnualLimitIsRefused() {
    // 21,000.00 + 5,600.00 = 26,600.00 > 26,000: the single-item rule needs the customer within the annual limit.
    let verdict = CBECImportTax.assess(order([line("W-1", watch, 1, "5600.00")], yearToDate: "21000.00"))
    #expect(verdict == .refused(.overAnnualLimit(yearToDate: cny("21000.00"), dutiableValue: cny("5600.00"), limit: cny("26000.00"))))
}

@Test func itemOffThePositiveListIsRefused() {
    // A small order, well within both limits, is still refused because one line is not on the positive list.
    let verdict = CBECImportTax.assess(order([line("G-1", general, 1, "50.00"), line("FOOD-9", general, 1, "30.00", listed: false)]))
    #expect(verdict == .refused(.offPositiveList(sku: "FOOD-9")))
}

@Test func the2018OrderIsJudgedByThe2016Limits() {
    // 2018-06-01: limits 2,000 / 20,000 (Caiguanshui [2016] No. 18). 2 × 1,100.00 = 2,200.00 > 2,000.
    let twoUnits = [line("G-1", general, 2, "1100.00")]
    #expect(CBECImportTax.assess(order(twoUnits, on: "2018-06-01"))
            == .refused(.multiItemOverTransactionLimit(dutiableValue: cny("2200.00"), limit: cny("2000.00"))))
    #expect(CBECImportTax.assess(order(twoUnits, on: "2018-12-31"))
            == .refused(.multiItemOverTransactionLimit(dutiableValue: cny("2200.00"), limit: cny("2000.00"))))
    // From 2019-01-01 the same order is retail; VAT is still 16% until 2019-03-31: 2,200 × 0.7 × 0.16 = 246.40.
    #expect(CBECImportTax.assess(order(twoUnits, on: "2019-01-01")) == .retail(tax: cny("246.40"), dutiableValue: cny("2200.00")))
    // 2018 annual limit: 19,500.00 + 600.00 = 20,100.00 > 20,000; in 2019 the limit is 26,000.
    let small = [line("G-1", general, 1, "600.00")]
    #expect(CBECImportTax.assess(order(small, on: "2018-06-01", yearToDate: "19500.00"))
            == .refused(.overAnnualLimit(yearToDate: cny("19500.00"), dutiableValue: cny("600.00"), limit: cny("20000.00"))))
    #expect(CBECImportTax.assess(order(small, on: "2019-06-01", yearToDate: "19500.00"))
            == .retail(tax: cny("54.60"), dutiableValue: cny("600.00")))
}

@Test func vatRateFollowsTheOrderDate() {
    // A general good on 2018-06-01 pays VAT 16% (Caishui [2018] No. 32): 1,500 × 0.7 × 0.16 = 168.00;
    // on 2019-04-01 13%: 1,500 × 0.091 = 136.50.
    let goods = [line("G-1", general, 1, "1500.00")]
    #expect(CBECImportTax.assess(order(goods, on: "2018-06-01")) == .retail(tax: cny("168.00"), dutiableValue: cny("1500.00")))
    #expect(CBECImportTax.assess(order(goods, on: "2019-03-31")) == .retail(tax: cny("168.00"), dutiableValue: cny("1500.00")))
    #expect(CBECImportTax.assess(order(goods, on: "2019-04-01")) == .retail(tax: cny("136.50"), dutiableValue: cny("1500.00")))
    // The reduced band (9% today) was 10% in 2018: 100 × 0.7 × 0.10 = 7.00; today 100 × 0.7 × 0.09 = 6.30.
    #expect(CBECImportTax.assess(order([line("B-1", book, 1, "100.00")], on: "2018-06-01")) == .retail(tax: cny("7.00"), dutiableValue: cny("100.00")))
    #expect(CBECImportTax.assess(order([line("B-1", book, 1, "100.00")], on: "2025-06-01")) == .retail(tax: cny("6.30"), dutiableValue: cny("100.00")))
}

@Test func singleItemAboveThe2018LimitPaysFullDutyAtThe2018VATRate() {
    // 2018-06-01, one electronics unit of 2,500.00 > 2,000: tariff 5% = 125.00; VAT 16% × 2,625 = 420.00; total 545.00.
    let verdict = CBECImportTax.assess(order([line("E-1", electronics, 1, "2500.00")], on: "2018-06-01"))
    #expect(verdict == .singleItemFullDuty(tax: cny("545.00"), dutiableValue: cny("2500.00")))
}

@Test func refusalsSayWhatAndHowToFix() {
    let unlisted = CBECRefusal.offPositiveList(sku: "FOOD-9").description
    #expect(unlisted.contains("FOOD-9") && unlisted.contains("positive list") && unlisted.contains("remove"))
    let multi = CBECRefusal.multiItemOverTransactionLimit(dutiableValue: cny("5200.00"), limit: cny("5000.00")).description
    #expect(multi.contains("5200.00 CNY") && multi.contains("5000.00 CNY") && multi.contains("split"))
    // 26,000 − 25,000 = 1,000.00 of room left this year.
    let annual = CBECRefusal.overAnnualLimit(yearToDate: cny("25000.00"), dutiableValue: cny("1200.00"), limit: cny("26000.00")).description
    #expect(annual.contains("25000.00 CNY") && annual.contains("26000.00 CNY") && annual.contains("1000.00 CNY"))
    // A customer already over the limit has no room left.
    let over = CBECRefusal.overAnnualLimit(yearToDate: cny("27000.00"), dutiableValue: cny("10.00"), limit: cny("26000.00")).description
    #expect(over.contains("at or below 0.00 CNY"))
}
