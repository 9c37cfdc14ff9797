import Testing
@testable import BorderLabCore

// Dated destination rules, golden cases worked out by hand from the rule book's rows.

private func date(_ iso: String) -> SimDate { SimDate(iso: iso)! }
private func money(_ text: String) -> Money { try! Money(parsing: text) }

private func item(_ category: Category, _ hs: String, _ price: String) -> ExportLine {
    ExportLine(sku: "\(category.rawValue)-\(hs)", category: category, hsSubheading: hs, quantity: 1, unitPrice: money(price))
}

private func assess(_ day: String, _ destination: Country, from origin: Country = .CN, _ line: ExportLine,
                    shipping: String) -> DestinationAssessment {
    DestinationTax.assess(ExportParcel(date: date(day), destination: destination, origin: origin, lines: [line],
                                       shipping: money(shipping)))
}

// MARK: EU before 2021-07-01

@Test func euBefore2021ExemptsUpTo22AndRelievesDutyUpTo150() {
    // DE 2020-09-01 (VAT 16%): a 20.00 EUR shirt is exempt; a 100.00 shirt + 10.00 shipping pays VAT on delivery,
    // 16% × 110.00 = 17.60, no duty; a 200.00 coat + 10.00 pays duty 12% × 210.00 = 25.20 and VAT 16% × 235.20 = 37.632 → 37.63.
    let cheap = assess("2020-09-01", .DE, item(.apparel, "610910", "20.00 EUR"), shipping: "5.00 EUR")
    #expect(cheap.scheme == "EU-low-value-exempt" && cheap.total == money("0.00 EUR"))
    let mid = assess("2020-09-01", .DE, item(.apparel, "610910", "100.00 EUR"), shipping: "10.00 EUR")
    #expect(mid.scheme == "EU-duty-relief" && mid.vat == money("17.60 EUR") && mid.duty == money("0.00 EUR") && !mid.collectedAtCheckout)
    let coat = assess("2020-09-01", .DE, item(.apparel, "620140", "200.00 EUR"), shipping: "10.00 EUR")
    #expect(coat.scheme == "EU-import" && coat.duty == money("25.20 EUR") && coat.vat == money("37.63 EUR"))
    // The last day of the exemption and the first of the IOSS: 20.00 + 5.00 → 0; then 19% × 25.00 = 4.75 at checkout.
    #expect(assess("2021-06-30", .DE, item(.apparel, "610910", "20.00 EUR"), shipping: "5.00 EUR").vat == money("0.00 EUR"))
    let ioss = assess("2021-07-01", .DE, item(.apparel, "610910", "20.00 EUR"), shipping: "5.00 EUR")
    #expect(ioss.scheme == "EU-IOSS" && ioss.vat == money("4.75 EUR"))
}

@Test func euReducedRatesForFoodSupplementsAndFormula() {
    // 40.00 + 5.00 shipping through the IOSS, 2025-06-01: DE supplements 7% × 45.00 = 3.15;
    // FR infant formula 5.5% × 45.00 = 2.475 → 2.48; DE apparel stays 19%: 8.55.
    #expect(assess("2025-06-01", .DE, item(.supplements, "210690", "40.00 EUR"), shipping: "5.00 EUR").vat == money("3.15 EUR"))
    #expect(assess("2025-06-01", .FR, item(.infantFormula, "190110", "40.00 EUR"), shipping: "5.00 EUR").vat == money("2.48 EUR"))
    #expect(assess("2025-06-01", .DE, item(.apparel, "610910", "40.00 EUR"), shipping: "5.00 EUR").vat == money("8.55 EUR"))
    // DE in the second half of 2020 (duty relief, VAT on delivery): supplements 5% × 45.00 = 2.25.
    #expect(assess("2020-09-01", .DE, item(.supplements, "210690", "40.00 EUR"), shipping: "5.00 EUR").vat == money("2.25 EUR"))
}

// MARK: US

@Test func usIEEPAStepsOnChineseGoodsAreDatedAsEnacted() {
    // 1,000.00 USD of apparel from China (never de minimis above 800): base 15% + Section 301 List 4A 7.5% = 22.5%
    // plus the IEEPA step of the day.
    let coat = item(.apparel, "620140", "1000.00 USD")
    let expectations: [(String, String)] = [
        ("2025-02-03", "225.00"),   // 22.5%
        ("2025-02-04", "325.00"),   // + 10%
        ("2025-03-04", "425.00"),   // + 20%
        ("2025-04-05", "525.00"),   // + 20% + 10% baseline reciprocal
        ("2025-04-09", "1265.00"),  // + 20% + 84%
        ("2025-04-10", "1675.00"),  // + 20% + 125%
        ("2025-05-14", "525.00"),   // + 20% + 10%
        ("2025-11-10", "425.00"),   // + 10% + 10%
        ("2026-02-23", "425.00"),   // last day collected
        ("2026-02-24", "325.00"),   // IEEPA ends; Section 122 10% on all origins
        ("2026-07-23", "325.00"),
        ("2026-07-24", "225.00"),   // Section 122's 150 days are over; Section 301 continues
    ]
    for (day, duty) in expectations {
        #expect(assess(day, .US, coat, shipping: "0.00 USD").duty == money("\(duty) USD"), "\(day)")
    }
    // Japanese goods pay the Section 122 surcharge but neither IEEPA's China steps nor Section 301:
    // 2026-03-01 (15% + 10%) × 1,000.00 = 250.00.
    #expect(assess("2026-03-01", .US, from: .JP, coat, shipping: "0.00 USD").duty == money("250.00 USD"))
    // Kitchenware on List 3 (25%) on top of the 4% base, 2026-11-01: 29% × 1,000.00 = 290.00.
    #expect(assess("2026-11-01", .US, item(.kitchenware, "732393", "1000.00 USD"), shipping: "0.00 USD").duty == money("290.00 USD"))
    // The order records the rate: 22.5% + 125% + 20% = 167.5% on 2025-04-10.
    #expect(assess("2025-04-10", .US, coat, shipping: "0.00 USD").rates.tariffBP == 16_750)
}

// MARK: Japan

@Test func japanValuesPersonalImportsAt60PercentAndTaxesFoodAt8() {
    // 20,000 JPY supplement + 1,000 shipping: taxable 12,000 + 1,000 = 13,000; duty 5% = 650;
    // consumption tax at the reduced 8% × (13,000 + 650) = 1,092.
    let pills = assess("2025-06-01", .JP, item(.supplements, "210690", "20000 JPY"), shipping: "1000 JPY")
    #expect(pills.duty == money("650 JPY") && pills.vat == money("1092 JPY"))
    // Apparel: duty 10% × 13,000 = 1,300; consumption tax 10% × 14,300 = 1,430; on 2019-09-30 8% × 14,300 = 1,144.
    let shirt = item(.apparel, "610910", "20000 JPY")
    #expect(assess("2025-06-01", .JP, shirt, shipping: "1000 JPY").vat == money("1430 JPY"))
    #expect(assess("2019-09-30", .JP, shirt, shipping: "1000 JPY").vat == money("1144 JPY"))
    // The exemption ends on 2028-04-01: 15,000 × 0.6 + 1,000 = 10,000 is exempt the day before, taxed from then:
    // duty 10% × 10,000 = 1,000; consumption tax 10% × 11,000 = 1,100.
    let tee = item(.apparel, "610910", "15000 JPY")
    #expect(assess("2028-03-31", .JP, tee, shipping: "1000 JPY").scheme == "JP-small-exempt")
    let taxed = assess("2028-04-01", .JP, tee, shipping: "1000 JPY")
    #expect(taxed.duty == money("1000 JPY") && taxed.vat == money("1100 JPY"))
}

// MARK: Local sales from an overseas warehouse

@Test func localSaleTaxIsReadFromTheRuleBook() {
    // Germany 16% (5% on food) in the second half of 2020, 19% (7%) after; Japan 8% before 2019-10-01 and on food;
    // France 5.5% on formula; the US one assumed sales-tax rate, 7%.
    #expect(DestinationTax.localSaleTaxBP(destination: .DE, category: .apparel, on: date("2020-09-01")) == 1600)
    #expect(DestinationTax.localSaleTaxBP(destination: .DE, category: .supplements, on: date("2020-09-01")) == 500)
    #expect(DestinationTax.localSaleTaxBP(destination: .DE, category: .apparel, on: date("2021-01-01")) == 1900)
    #expect(DestinationTax.localSaleTaxBP(destination: .DE, category: .infantFormula, on: date("2021-01-01")) == 700)
    #expect(DestinationTax.localSaleTaxBP(destination: .JP, category: .apparel, on: date("2019-09-30")) == 800)
    #expect(DestinationTax.localSaleTaxBP(destination: .JP, category: .apparel, on: date("2019-10-01")) == 1000)
    #expect(DestinationTax.localSaleTaxBP(destination: .JP, category: .supplements, on: date("2019-10-01")) == 800)
    #expect(DestinationTax.localSaleTaxBP(destination: .FR, category: .infantFormula, on: date("2025-06-01")) == 550)
    #expect(DestinationTax.localSaleTaxBP(destination: .US, category: .apparel, on: date("2025-06-01")) == 700)
}
