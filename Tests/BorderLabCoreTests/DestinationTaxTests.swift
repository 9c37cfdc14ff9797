import Testing
@testable import BorderLabCore

// Golden cases worked out by hand from DOMAIN.md and the duty schedules of RuleBook (assumptions:
// EU/GB apparel 12%, electronics 2%, cosmetics 0%; US apparel 15%, electronics 0%, plus on CN origin Section 301
// List 4A 7.5% (apparel, electronics) and the dated IEEPA steps (20% from 2025-03-04, 30% from 2025-05-14);
// JP apparel 10%, cosmetics 0%; AU apparel 5%, electronics 0%).

private func date(_ iso: String) -> SimDate { SimDate(iso: iso)! }
private func money(_ text: String) -> Money { try! Money(parsing: text) }

private func item(_ category: Category, _ hs: String, _ quantity: Int, _ price: String) -> ExportLine {
    ExportLine(sku: "\(category.rawValue)-\(hs)", category: category, hsSubheading: hs, quantity: quantity, unitPrice: money(price))
}

private func parcel(_ day: String, to destination: Country, from origin: Country = .CN, _ lines: [ExportLine],
                    shipping: String) -> ExportParcel {
    ExportParcel(date: date(day), destination: destination, origin: origin, lines: lines, shipping: money(shipping))
}

private func expected(vat: String, duty: String, _ scheme: String, collected: Bool) -> DestinationAssessment {
    DestinationAssessment(vat: money(vat), duty: money(duty), scheme: scheme, collectedAtCheckout: collected)
}

private let shirt = item(.apparel, "610910", 1, "100.00 EUR")

// MARK: EU

@Test func euIOSSChargesDestinationVATOnGoodsPlusShipping() {
    // DE 19% on 100.00 + 10.00 = 20.90; no duty before 2026-07-01; collected at checkout.
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .DE, [shirt], shipping: "10.00 EUR"))
            == expected(vat: "20.90 EUR", duty: "0.00 EUR", "EU-IOSS", collected: true))
    // The same parcel to France (20%): 22.00; Italy (22%): 24.20.
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .FR, [shirt], shipping: "10.00 EUR")).vat == money("22.00 EUR"))
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .IT, [shirt], shipping: "10.00 EUR")).vat == money("24.20 EUR"))
}

@Test func iossThresholdLooksAtGoodsWithoutShipping() {
    // Intrinsic 150.00 (≤ 150) with 20.00 shipping is still IOSS: IT 22% × 170.00 = 37.40.
    let atLimit = item(.cosmetics, "330499", 3, "50.00 EUR")
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .IT, [atLimit], shipping: "20.00 EUR"))
            == expected(vat: "37.40 EUR", duty: "0.00 EUR", "EU-IOSS", collected: true))
}

@Test func euFlatDutyIsDatedAndCountsDistinctSubheadings() {
    // 100.00 apparel + 10.00 shipping, DE: 3.00 EUR flat duty from 2026-07-01 through 2028-06-30, not the day before.
    // The duty is in the VAT base (VAT Directive art. 86(1)(a)): 19% × (100.00 + 10.00 + 3.00) = 21.47.
    #expect(DestinationTax.assess(parcel("2026-06-30", to: .DE, [shirt], shipping: "10.00 EUR")).duty == money("0.00 EUR"))
    #expect(DestinationTax.assess(parcel("2026-07-01", to: .DE, [shirt], shipping: "10.00 EUR"))
            == expected(vat: "21.47 EUR", duty: "3.00 EUR", "EU-IOSS", collected: true))
    #expect(DestinationTax.assess(parcel("2028-06-30", to: .DE, [shirt], shipping: "10.00 EUR")).duty == money("3.00 EUR"))
    // "Parcels under 150 EUR": 149.99 pays it; exactly 150.00 stays in the IOSS (VAT 19% × 160.00 = 30.40) without it.
    #expect(DestinationTax.assess(parcel("2027-01-15", to: .DE, [item(.apparel, "610910", 1, "149.99 EUR")], shipping: "10.00 EUR")).duty == money("3.00 EUR"))
    #expect(DestinationTax.assess(parcel("2027-01-15", to: .DE, [item(.apparel, "610910", 1, "150.00 EUR")], shipping: "10.00 EUR"))
            == expected(vat: "30.40 EUR", duty: "0.00 EUR", "EU-IOSS", collected: true))
    // FR 2027-01-15: two lines share subheading 610910, one is 330499 → 2 × 3.00 = 6.00 (not 3 lines × 3.00).
    // Goods 2 × 20.00 + 15.00 + 30.00 = 85.00; VAT 20% × (85.00 + 5.00 + 6.00 duty) = 19.20.
    let lines = [item(.apparel, "610910", 2, "20.00 EUR"), item(.apparel, "610910", 1, "15.00 EUR"), item(.cosmetics, "330499", 1, "30.00 EUR")]
    #expect(DestinationTax.assess(parcel("2027-01-15", to: .FR, lines, shipping: "5.00 EUR"))
            == expected(vat: "19.20 EUR", duty: "6.00 EUR", "EU-IOSS", collected: true))
}

@Test func euAbove150IsANormalImportWithDutyInTheVATBase() {
    // DE, apparel 200.00 + 10.00 shipping: duty 12% × 210.00 = 25.20; VAT 19% × (210.00 + 25.20) = 44.688 → 44.69.
    let coat = item(.apparel, "620193", 1, "200.00 EUR")
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .DE, [coat], shipping: "10.00 EUR"))
            == expected(vat: "44.69 EUR", duty: "25.20 EUR", "EU-import", collected: false))
    // The flat duty does not apply above 150 EUR either: same figures in 2027.
    #expect(DestinationTax.assess(parcel("2027-01-15", to: .DE, [coat], shipping: "10.00 EUR")).duty == money("25.20 EUR"))
}

@Test func euImportAllocatesShippingProRataForDuty() {
    // NL: apparel 150.00 + electronics 50.00, shipping 20.00 → 15.00 / 5.00.
    // Duty 12% × 165.00 + 2% × 55.00 = 19.80 + 1.10 = 20.90; VAT 21% × (220.00 + 20.90) = 50.589 → 50.59.
    let lines = [item(.apparel, "610910", 1, "150.00 EUR"), item(.electronics, "851830", 1, "50.00 EUR")]
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .NL, lines, shipping: "20.00 EUR"))
            == expected(vat: "50.59 EUR", duty: "20.90 EUR", "EU-import", collected: false))
}

@Test func euVATRoundingTieGoesUp() {
    // ES 21% × (10.00 + 2.50) = 2.625 → 2.63 (banker's rounding would give 2.62).
    let cream = item(.cosmetics, "330499", 1, "10.00 EUR")
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .ES, [cream], shipping: "2.50 EUR")).vat == money("2.63 EUR"))
}

// MARK: US

@Test func usDeMinimisEndedForChinaOn20250502() {
    // Apparel 100.00 USD + 15.00 shipping from China: de minimis on 2025-05-01, duty from 2025-05-02, when the
    // April reciprocal rate still stood: (15% base + 7.5% Section 301 + 20% IEEPA fentanyl + 125% reciprocal) × 100.00
    // = 167.50 (US duty is on the goods' value, without shipping).
    let tee = item(.apparel, "610910", 1, "100.00 USD")
    #expect(DestinationTax.assess(parcel("2025-05-01", to: .US, [tee], shipping: "15.00 USD"))
            == expected(vat: "0.00 USD", duty: "0.00 USD", "US-de-minimis", collected: false))
    #expect(DestinationTax.assess(parcel("2025-05-02", to: .US, [tee], shipping: "15.00 USD"))
            == expected(vat: "0.00 USD", duty: "167.50 USD", "US-formal", collected: false))
}

@Test func usDeMinimisEndedForEveryoneOn20250829() {
    // The same shirt of Japanese origin keeps de minimis until 2025-08-28, then pays 15% × 100.00 = 15.00 (no surcharge).
    let tee = item(.apparel, "610910", 1, "100.00 USD")
    #expect(DestinationTax.assess(parcel("2025-08-28", to: .US, from: .JP, [tee], shipping: "15.00 USD")).scheme == "US-de-minimis")
    #expect(DestinationTax.assess(parcel("2025-08-29", to: .US, from: .JP, [tee], shipping: "15.00 USD"))
            == expected(vat: "0.00 USD", duty: "15.00 USD", "US-formal", collected: false))
}

@Test func usChinaSurchargeStartsOn20250304() {
    // Electronics 900.00 USD from China (above 800, so never de minimis): base rate 0%, Section 301 List 4A 7.5%;
    // 2025-03-03 the 10% IEEPA step: 17.5% × 900.00 = 157.50; from 2025-03-04 20%: 27.5% × 900.00 = 247.50.
    let speaker = item(.electronics, "851822", 1, "900.00 USD")
    #expect(DestinationTax.assess(parcel("2025-03-03", to: .US, [speaker], shipping: "30.00 USD"))
            == expected(vat: "0.00 USD", duty: "157.50 USD", "US-formal", collected: false))
    #expect(DestinationTax.assess(parcel("2025-03-04", to: .US, [speaker], shipping: "30.00 USD")).duty == money("247.50 USD"))
}

@Test func usDutyRoundingTieGoesUp() {
    // Apparel 10.30 USD from Japan on 2025-09-01 (no 301, no IEEPA on Japanese goods in the sandbox): 15% × 10.30
    // = 1.545 → 1.55 (banker's would give 1.54).
    let sock = item(.apparel, "611595", 1, "10.30 USD")
    #expect(DestinationTax.assess(parcel("2025-09-01", to: .US, from: .JP, [sock], shipping: "0.00 USD")).duty == money("1.55 USD"))
}

// MARK: Japan, UK, Australia

@Test func japanSmallValueIsFreeUpTo10000Yen() {
    // Personal-use goods are valued at 60% of retail: 15,000 × 0.6 + 1,000 shipping = 10,000 JPY ≤ 10,000: no duty,
    // no consumption tax.
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .JP, [item(.apparel, "610910", 1, "15000 JPY")], shipping: "1000 JPY"))
            == expected(vat: "0 JPY", duty: "0 JPY", "JP-small-exempt", collected: false))
    // 15,000 × 0.6 + 1,001 = 10,001 JPY: duty 10% × 10,001 = 1,000.1 → 1,000; consumption tax 10% × (10,001 + 1,000)
    // = 1,100.1 → 1,100.
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .JP, [item(.apparel, "610910", 1, "15000 JPY")], shipping: "1001 JPY"))
            == expected(vat: "1100 JPY", duty: "1000 JPY", "JP-import", collected: false))
}

@Test func japanConsumptionTaxWas8PercentBefore20191001() {
    // Cosmetics (0% duty) 20,000 × 0.6 + 1,000 shipping = 13,000 JPY taxable: 10% → 1,300 JPY; on 2019-09-30 8% → 1,040 JPY.
    let cream = [item(.cosmetics, "330499", 1, "20000 JPY")]
    #expect(DestinationTax.assess(parcel("2019-10-01", to: .JP, cream, shipping: "1000 JPY"))
            == expected(vat: "1300 JPY", duty: "0 JPY", "JP-import", collected: false))
    #expect(DestinationTax.assess(parcel("2019-09-30", to: .JP, cream, shipping: "1000 JPY")).vat == money("1040 JPY"))
}

@Test func ukChargesVATAtSaleUpTo135Pounds() {
    // 135.00 GBP goods + 10.00 shipping: 20% × 145.00 = 29.00 at checkout, no duty.
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .GB, [item(.apparel, "610910", 1, "135.00 GBP")], shipping: "10.00 GBP"))
            == expected(vat: "29.00 GBP", duty: "0.00 GBP", "GB-low-value", collected: true))
    // 135.01: duty 12% × 145.01 = 17.4012 → 17.40; import VAT 20% × (145.01 + 17.40) = 32.482 → 32.48.
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .GB, [item(.apparel, "610910", 1, "135.01 GBP")], shipping: "10.00 GBP"))
            == expected(vat: "32.48 GBP", duty: "17.40 GBP", "GB-import", collected: false))
}

@Test func australiaCollectsGSTAtSaleUpTo1000Dollars() {
    // Electronics 1,000.00 AUD + 20.00 shipping: GST 10% × 1,020.00 = 102.00 at checkout.
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .AU, [item(.electronics, "851830", 1, "1000.00 AUD")], shipping: "20.00 AUD"))
            == expected(vat: "102.00 AUD", duty: "0.00 AUD", "AU-low-value-GST", collected: true))
    // Apparel 1,200.00 + 50.00 shipping: duty 5% × 1,200.00 (goods only) = 60.00; GST 10% × (1,250.00 + 60.00) = 131.00.
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .AU, [item(.apparel, "610910", 1, "1200.00 AUD")], shipping: "50.00 AUD"))
            == expected(vat: "131.00 AUD", duty: "60.00 AUD", "AU-import", collected: false))
}

@Test func destinationsWithoutRulesPayNothing() {
    #expect(DestinationTax.assess(parcel("2025-06-01", to: .KR, [item(.apparel, "610910", 1, "100.00 USD")], shipping: "5.00 USD"))
            == expected(vat: "0.00 USD", duty: "0.00 USD", "no-rules", collected: false))
}
