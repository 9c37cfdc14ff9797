import Testing
@testable import BorderLabCore

// China's consumption tax at import follows the good's subheading and its dutiable value per unit (retail + freight
// + insurance, Caiguanshui [2016] No. 18), measured per ml or g or per piece. Golden cases worked out by hand:
// CBEC tax within the limits = 0.7 × (CT + VAT), CT = base × ct / (1 − ct), VAT = (base + CT) × vat.

private func date(_ iso: String) -> SimDate { SimDate(iso: iso)! }
private func cny(_ amount: String) -> Money { try! Money(parsing: "\(amount) CNY") }

private func line(_ hs: String, _ content: NetContent?, quantity: Int = 1, _ price: String,
                  as taxClass: TaxClass = .cosmetic) -> CBECLine {
    CBECLine(sku: "SKU-\(hs)", taxClass: taxClass, positiveList: true, quantity: quantity, unitPrice: cny(price),
             hsSubheading: hs, content: content)
}

private func tax(_ lines: [CBECLine], on day: String = "2025-06-01", freight: String = "0.00") -> Money? {
    let order = CBECOrder(date: date(day), lines: lines, freight: cny(freight), insurance: cny("0.00"), customerYearToDate: cny("0.00"))
    switch CBECImportTax.assess(order) {
    case .retail(let tax, _), .singleItemFullDuty(let tax, _): return tax
    case .refused: return nil
    }
}

@Test func lipstickAboveTheLinePaysConsumptionTax() {
    // A 300 CNY lipstick of 3.5 g = 85.7 CNY/g ≥ 10 ⇒ consumption tax 15%:
    // CT = 300 × 0.15 / 0.85 = 52.941176…; VAT = 352.941176… × 0.13 = 45.882352…; 0.7 × 98.823529… = 69.176470… → 69.18.
    #expect(tax([line("330410", NetContent(tenths: 35, .g), "300.00")]) == cny("69.18"))
}

@Test func cheapLotionPaysNoConsumptionTax() {
    // A 198 CNY lotion of 200 ml = 0.99 CNY/ml < 10 ⇒ no consumption tax: 198 × 0.7 × 0.13 = 18.018 → 18.02.
    #expect(tax([line("330499", NetContent(200, .ml), "198.00")]) == cny("18.02"))
}

@Test func theLineIsAtTenYuanPerMlInclusive() {
    // 50 ml at 500.00 = 10.00 CNY/ml ≥ 10 ⇒ 15%: 500 × 0.7 × 0.28 / 0.85 = 115.294117… → 115.29.
    #expect(tax([line("330499", NetContent(50, .ml), "500.00")]) == cny("115.29"))
    // 499.99 = 9.9998 CNY/ml < 10 ⇒ none: 499.99 × 0.091 = 45.49909 → 45.50.
    #expect(tax([line("330499", NetContent(50, .ml), "499.99")]) == cny("45.50"))
}

@Test func freightCountsInThePricePerMl() {
    // 480.00 retail alone is 9.6 CNY/ml, but with 20.00 freight the dutiable value is 500.00 = 10 CNY/ml ⇒ 15%:
    // 500 × 0.7 × 0.28 / 0.85 = 115.29, as above.
    #expect(tax([line("330499", NetContent(50, .ml), "480.00")], freight: "20.00") == cny("115.29"))
}

@Test func sheetMasksAreMeasuredPerPiece() {
    // 10 sheets at 129.00 = 12.90 CNY a piece < 15 ⇒ none: 129 × 0.091 = 11.739 → 11.74.
    #expect(tax([line("330499", NetContent(10, .piece), "129.00")]) == cny("11.74"))
    // 10 sheets at 150.00 = 15.00 a piece ≥ 15 ⇒ 15%: 150 × 0.7 × 0.28 / 0.85 = 34.588235… → 34.59.
    #expect(tax([line("330499", NetContent(10, .piece), "150.00")]) == cny("34.59"))
}

@Test func theLineIsPerUnitNotPerOrder() {
    // Two 4 g lip tints at 30.00 each: 60.00 in the order but 7.50 CNY/g per unit < 10 ⇒ none: 60 × 0.091 = 5.46.
    #expect(tax([line("330410", NetContent(4, .g), quantity: 2, "30.00")]) == cny("5.46"))
}

@Test func watchesPayFromTenThousandYuan() {
    // Single items above 5,000 pay full duty (tariff 10% in the quartz class).
    // 9,999.99: no CT; tariff 999.999; VAT = 10,999.989 × 0.13 = 1,429.99857; total 2,429.99757 → 2,430.00.
    #expect(tax([line("910211", nil, "9999.99", as: .watch)]) == cny("2430.00"))
    // 10,000.00: tariff 1,000.00; CT = 11,000 × 0.20 / 0.80 = 2,750.00; VAT = 13,750 × 0.13 = 1,787.50; total 5,537.50.
    #expect(tax([line("910211", nil, "10000.00", as: .watch)]) == cny("5537.50"))
    // The automatic class pays the scheduled 11%: 10,000.00 → tariff 1,100.00; CT = 11,100 × 0.25 = 2,775.00;
    // VAT = 13,875 × 0.13 = 1,803.75; total 5,678.75.
    #expect(tax([line("910221", nil, "10000.00", as: .automaticWatch)]) == cny("5678.75"))
}

@Test func goldSilverAndDiamondsPayNoConsumptionTaxAtImport() {
    // Gold (711319) and silver (711311) jewellery: VAT only, 9.1%: 3,000 × 0.091 = 273.00; 800 × 0.091 = 72.80.
    #expect(tax([line("711319", nil, "3000.00", as: .preciousJewellery)]) == cny("273.00"))
    #expect(tax([line("711311", nil, "800.00", as: .preciousJewellery)]) == cny("72.80"))
    // Pearls (711610) 10%: CT = 1,000 × 0.1 / 0.9 = 111.111…; VAT = 1,111.111… × 0.13 = 144.444…;
    // 0.7 × 255.555… = 178.888… → 178.89.
    #expect(tax([line("711610", nil, "1000.00", as: .preciousJewellery)]) == cny("178.89"))
}

@Test func before2016_10_01MakeUpPaid30PercentAtAnyPrice() {
    // 2016-06-01: make-up 30% whatever the price (Caishui [2006] No. 33), VAT 17%. A 100 CNY lipstick of 4 g:
    // CT = 100 × 0.3 / 0.7 = 42.857142…; VAT = 142.857142… × 0.17 = 24.285714…; 0.7 × 67.142857… = 47.00.
    #expect(tax([line("330410", NetContent(4, .g), "100.00")], on: "2016-06-01") == cny("47.00"))
    // Cheap skin care paid none: 198 × 0.7 × 0.17 = 23.562 → 23.56.
    #expect(tax([line("330499", NetContent(200, .ml), "198.00")], on: "2016-06-01") == cny("23.56"))
    // On 2016-10-01 the same lipstick is 25 CNY/g ≥ 10 ⇒ 15%, VAT 17%: CT = 100 × 0.15 / 0.85 = 17.647058…;
    // VAT = 117.647058… × 0.17 = 20.0; 0.7 × 37.647058… = 26.352941… → 26.35.
    #expect(tax([line("330410", NetContent(4, .g), "100.00")], on: "2016-10-01") == cny("26.35"))
}

@Test func ordersRecordTheRatesTheyApplied() {
    // The 300 CNY lipstick: VAT 13%, CT 15%, tariff 0 within the limits; a 10,000 CNY watch: 13%, 20%, 10%.
    let lipstick = CBECOrder(date: date("2025-06-01"), lines: [line("330410", NetContent(tenths: 35, .g), "300.00")],
                             freight: cny("0.00"), insurance: cny("0.00"), customerYearToDate: cny("0.00"))
    #expect(CBECImportTax.lineRates(lipstick) == [AppliedRates(vatBP: 1300, consumptionBP: 1500, tariffBP: 0)])
    let watch = CBECOrder(date: date("2025-06-01"), lines: [line("910211", nil, "10000.00", as: .watch)],
                          freight: cny("0.00"), insurance: cny("0.00"), customerYearToDate: cny("0.00"))
    #expect(CBECImportTax.lineRates(watch) == [AppliedRates(vatBP: 1300, consumptionBP: 2000, tariffBP: 1000)])
}

@Test func rulesDateShowsTheConsumptionTaxRows() {
    let before = RuleBook.inForce(on: date("2016-09-30")).map(\.id)
    let after = RuleBook.inForce(on: date("2016-10-01")).map(\.id)
    #expect(before.contains("CN-CT-COSMETICS-2006") && !before.contains("CN-CT-COSMETICS-2016"))
    #expect(after.contains("CN-CT-COSMETICS-2016") && after.contains("CN-CT-WATCHES-2006"))
    #expect(after.contains("CN-CT-GOLD-SILVER-RETAIL") && after.contains("CN-CT-JEWELLERY-2006"))
    #expect(RuleBook.rule(id: "CN-CT-COSMETICS-2016")?.source.contains("Caishui [2016] No. 103") == true)
}
