import Testing
@testable import BorderLabCore

/// Storage fees by hand: DOMAIN.md's overseas tiers, FIFO ageing of cohorts, the bonded rate, and a world that pays them.
@Suite struct StorageTariffTests {
    /// Age = days since arrival (arrival day = 0). Days 0–30 free; each boundary belongs to the lower tier.
    @Test(arguments: zip([0, 30, 31, 60, 61, 90, 91, 180, 181, 270, 271, 360, 361, 2_000],
                         [StorageTier.free, .free, .days31to60, .days31to60, .days61to90, .days61to90, .days91to180, .days91to180,
                          .days181to270, .days181to270, .days271to360, .days271to360, .over360, .over360]))
    func overseasTierBoundaries(age: Int, tier: StorageTier) {
        #expect(StorageTier.overseas(age: age) == tier)
    }

    @Test func tierRatesAreDomainFigures() {
        // DOMAIN.md: 0.50, 1.00, 1.50, 3.00, 4.00, 5.00 USD per m³ per day; bonded 2.00 CNY (assumption).
        #expect([StorageTier.free, .days31to60, .days61to90, .days91to180, .days181to270, .days271to360, .over360].map(\.ratePerCubicMetre.minor)
                == [0, 50, 100, 150, 300, 400, 500])
        #expect(StorageTier.bonded.ratePerCubicMetre == Money(minor: 200, .CNY))
    }

    /// 100 units of 0.010 m³ (20 × 25 × 20 cm = 10,000 cm³) = 1.0 m³, arrived day 0.
    /// Day 45: tier 31–60, 0.50 USD/m³/day × 1.0 m³ = 0.50 USD. Day 30: free, no charge. Day 31: 0.50 USD. Day 61: 1.00 USD.
    @Test func oneCubicMetreGolden() {
        let cohorts = [StockCohort(arrivalDay: 0, units: 100)]
        let day45 = StorageTier.charges(cohorts: cohorts, onHand: 100, unitCubicCm: 10_000, day: 45, site: .overseas)
        #expect(day45.count == 1)
        #expect(day45.first?.tier == .days31to60)
        #expect(day45.first?.units == 100)
        #expect(day45.first?.cubicCm == 1_000_000)
        #expect(day45.first?.fee == Money(minor: 50, .USD))
        #expect(StorageTier.charges(cohorts: cohorts, onHand: 100, unitCubicCm: 10_000, day: 30, site: .overseas).isEmpty)
        #expect(StorageTier.charges(cohorts: cohorts, onHand: 100, unitCubicCm: 10_000, day: 31, site: .overseas).first?.fee == Money(minor: 50, .USD))
        #expect(StorageTier.charges(cohorts: cohorts, onHand: 100, unitCubicCm: 10_000, day: 61, site: .overseas).first?.fee == Money(minor: 100, .USD))
        // Hubs and the home warehouse pay nothing.
        #expect(StorageTier.charges(cohorts: cohorts, onHand: 100, unitCubicCm: 10_000, day: 45, site: .none).isEmpty)
    }

    /// Two cohorts: 100 units on day 0, 50 on day 40; 10,000 cm³ each.
    /// Day 95 with 120 on hand: outflow 30 left the oldest, so day-0 keeps 70 (age 95: 1.50/m³ × 0.7 m³ = 1.05 USD) and
    /// day-40 keeps 50 (age 55: 0.50 × 0.5 = 0.25 USD). With 40 on hand, only the day-40 cohort is left: 0.50 × 0.4 = 0.20.
    @Test func fifoCohortAgeing() {
        let cohorts = [StockCohort(arrivalDay: 0, units: 100), StockCohort(arrivalDay: 40, units: 50)]
        let mixed = StorageTier.charges(cohorts: cohorts, onHand: 120, unitCubicCm: 10_000, day: 95, site: .overseas)
        #expect(mixed.map(\.tier) == [.days31to60, .days91to180])
        #expect(mixed.map(\.units) == [50, 70])
        #expect(mixed.map(\.fee.minor) == [25, 105])
        let young = StorageTier.charges(cohorts: cohorts, onHand: 40, unitCubicCm: 10_000, day: 95, site: .overseas)
        #expect(young.map(\.tier) == [.days31to60])
        #expect(young.map(\.fee.minor) == [20])
        // Day 75, all 150 on hand: day-40 units age 35 (0.50 × 0.5 = 0.25), day-0 units age 75 (1.00 × 1.0 = 1.00).
        let day75 = StorageTier.charges(cohorts: cohorts, onHand: 150, unitCubicCm: 10_000, day: 75, site: .overseas)
        #expect(day75.map(\.fee.minor) == [25, 100])
        // Day 60: day-0 cohort age 60 (0.50 × 1.0 = 0.50), day-40 cohort age 20: free, no row.
        let day60 = StorageTier.charges(cohorts: cohorts, onHand: 150, unitCubicCm: 10_000, day: 60, site: .overseas)
        #expect(day60.map(\.tier) == [.days31to60])
        #expect(day60.map(\.fee.minor) == [50])
    }

    /// One rounding, half-up: 0.50 USD × 0.010 m³ = 0.5 cent → 1 cent; × 0.009999 m³ = 0.49995 cent → no charge.
    @Test func roundsHalfUpOnce() {
        let one = [StockCohort(arrivalDay: 0, units: 1)]
        #expect(StorageTier.charges(cohorts: one, onHand: 1, unitCubicCm: 10_000, day: 40, site: .overseas).first?.fee.minor == 1)
        #expect(StorageTier.charges(cohorts: one, onHand: 1, unitCubicCm: 9_999, day: 40, site: .overseas).isEmpty)
    }

    /// Bonded zone: no free period. 600 units of 7 × 7 × 19 cm = 931 cm³ → 558,600 cm³; 2.00 CNY × 0.5586 m³ = 1.1172 → 1.12 CNY.
    @Test func bondedFlatRateFromArrival() {
        let cohorts = [StockCohort(arrivalDay: 10, units: 600)]
        let charges = StorageTier.charges(cohorts: cohorts, onHand: 600, unitCubicCm: 931, day: 10, site: .bonded)
        #expect(charges.map(\.tier) == [.bonded])
        #expect(charges.map(\.fee) == [Money(minor: 112, .CNY)])
    }

    /// The fee of one day of an unsold lot, cents (or fen), by hand from the tiers: nothing billed for days 0–30,
    /// then `perDay(age)`.
    static func expectedBills(_ world: World, arrival: Int, perDay: (Int) -> Int64) -> Int64 {
        let billed = world.customsBook.storageFees.map(\.toDay).max() ?? -1
        return arrival > billed ? 0 : (arrival...billed).reduce(Int64(0)) { $0 + perDay($1 - arrival) }
    }

    /// A US overseas lot nobody buys: 1,000 × CN-ELE-03 (8 × 8 × 5 = 320 cm³) = 0.32 m³.
    /// Ages 0–30 free; 31–60: 0.50 × 0.32 = 0.16 USD a day; 61–90: 1.00 × 0.32 = 0.32 USD; 91–180: 1.50 × 0.32 = 0.48 USD.
    /// Each day's fee is a whole number of cents, so the monthly bills (rounded once) add up to the daily sums exactly;
    /// ages 31–62 alone make 30 × 16 + 2 × 32 = 544 cents.
    @Test func overseasLotPaysByAgeInAWorld() throws {
        var world = try WorldFixtures.run(seed: 3, .globalExport, customers: 100, [
            .buy(sku: "CN-ELE-03", quantity: 1_000, channel: .seaFreight, customs: .overseasWarehouse, warehouse: "US"),
        ])
        let arrival = world.purchaseOrders[0].arrivalDay
        try world.apply(.advance(days: arrival + 100))
        let bills = world.customsBook.storageFees
        let perDay: (Int) -> Int64 = { age in age <= 30 ? 0 : age <= 60 ? 16 : age <= 90 ? 32 : 48 }
        #expect(bills.count >= 2, "at least two monthly bills in 100 days")
        #expect(bills.allSatisfy { $0.lotID == 1 && $0.cubicCmDays == $0.unitDays * 320 && $0.fee.currency == .USD })
        #expect(bills.allSatisfy { world.date($0.day).day == 1 && $0.toDay == $0.day - 1 })
        #expect(bills.reduce(0) { $0 + $1.fee.minor } == Self.expectedBills(world, arrival: arrival, perDay: perDay))
        #expect((31...62).reduce(Int64(0)) { $0 + perDay($1) } == 544)
        // One ledger entry per lot and month with a bill, in CNY (converted with the bank's spread).
        let entries = world.ledger.lines.filter { $0.account == .storageFees }
        #expect(entries.count == Set(bills.map(\.day)).count)
        #expect(entries.allSatisfy { $0.currency == .CNY && $0.debit > 0 })
        for currency in Currency.allCases { #expect(world.ledger.imbalance(currency) == 0) }
    }

    /// A bonded lot nobody buys: 600 × JP-COS-01, 0.5586 m³ × 2.00 CNY = 1.1172 CNY a day from its arrival day on.
    /// A month's bill is rounded once: e.g. 31 days → 31 × 1.1172 = 34.6332 → 34.63 CNY.
    @Test func bondedLotPaysFromArrivalInAWorld() throws {
        var world = try WorldFixtures.run(seed: 3, .cnImport, customers: 100, [
            .buy(sku: "JP-COS-01", quantity: 600, channel: .airFreight, customs: .bonded, warehouse: nil),
        ])
        let arrival = world.purchaseOrders[0].arrivalDay
        try world.apply(.advance(days: arrival + 70))
        let bills = world.customsBook.storageFees
        #expect(!bills.isEmpty)
        for bill in bills {
            let days = Int64(bill.toDay - max(bill.fromDay, arrival) + 1)
            #expect(bill.tier == .bonded && bill.unitDays == 600 * days)
            // 558,600 cm³ × days × 200 fen / 1,000,000, half-up.
            #expect(bill.fee == Money(minor: (558_600 * days * 200 + 500_000) / 1_000_000, .CNY))
        }
        #expect(world.ledger.balance(.storageFees, .CNY).minor == bills.reduce(0) { $0 + $1.fee.minor })
    }
}
