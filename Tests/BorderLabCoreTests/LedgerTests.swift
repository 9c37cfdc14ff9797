import Foundation
import Testing
@testable import BorderLabCore

/// DESIGN.md invariant 3: every money movement is a balanced journal entry; cash never appears or vanishes;
/// a purchase the shop cannot pay is refused. And goods are conserved like money.
@Suite struct LedgerTests {
    static func ninetyDayWorld(_ scenario: Scenario) throws -> World {
        try WorldFixtures.run(seed: 31, scenario, WorldFixtures.ninetyDays(scenario))
    }

    @Test(arguments: [Scenario.cnImport, .globalExport])
    func booksBalanceInEveryCurrency(scenario: Scenario) throws {
        let world = try LedgerTests.ninetyDayWorld(scenario)
        #expect(world.statusReport().ordersTotal > 0)
        for currency in Currency.allCases {
            #expect(world.ledger.imbalance(currency) == 0, "\(currency)")
        }
        // Global-export touches foreign currencies: the books are not trivially CNY-only.
        if !scenario.isImport {
            #expect(world.ledger.lines.contains { $0.currency == .USD })
            #expect(world.ledger.lines.contains { $0.currency == .EUR })
            #expect(world.ledger.lines.contains { $0.currency == .JPY })
            #expect(world.ledger.lines.contains { $0.account == .fxClearing })
        }
    }

    @Test(arguments: [Scenario.cnImport, .globalExport])
    func everyJournalEntryBalancesPerCurrency(scenario: Scenario) throws {
        let world = try LedgerTests.ninetyDayWorld(scenario)
        let lines = world.ledger.lines
        #expect(lines.count > 100)
        struct Key: Hashable { let entry: Int32; let currency: Currency }
        var sums: [Key: Int64] = [:]
        var malformed = 0
        for line in lines {
            sums[Key(entry: line.entry, currency: line.currency), default: 0] += line.debit - line.credit
            // One side only, never negative, never an empty line.
            if line.debit < 0 || line.credit < 0 || (line.debit == 0) == (line.credit == 0) { malformed += 1 }
        }
        #expect(malformed == 0)
        #expect(sums.filter { $0.value != 0 }.isEmpty, "unbalanced entries: \(sums.filter { $0.value != 0 }.keys.map(\.entry).sorted().prefix(5))")
        // Entries are numbered 1, 2, 3, … without gaps, and lines of one entry are contiguous and share a day.
        let entries = lines.map(\.entry)
        #expect(entries.first == 1)
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $1 == $0 || $1 == $0 + 1 })
        #expect(entries.last == world.ledger.entryCount)
        let days = Dictionary(grouping: lines, by: \.entry).mapValues { Set($0.map(\.day)) }
        #expect(days.values.allSatisfy { $0.count == 1 })
    }

    /// The ledger agrees with the records it summarises: cash, inventory and receivables.
    @Test(arguments: [Scenario.cnImport, .globalExport])
    func ledgerBalancesMatchTheRecords(scenario: Scenario) throws {
        let world = try LedgerTests.ninetyDayWorld(scenario)
        let home = scenario.homeCurrency
        // Cash = capital − landed cost of purchases − parcel freight + settlements received.
        var cash = scenario.startingCash
        for po in world.purchaseOrders { cash -= po.landedHome }
        for shipment in world.shipments { cash -= shipment.cost }
        for payment in world.payments { if let settled = payment.settledHome { cash += settled } }
        // The marketplace's commission and annual fee leave cash at sale and on day 0 (MarketMechanicsTests checks them).
        // Customs pays storage fees and charges, and every refund (lost and seized parcels, returns) leaves cash as a
        // refund entry (CustomsTests, StorageTariffTests and ServiceTests check those amounts against their records).
        for line in world.ledger.lines where line.account == .cash && line.currency == home
            && [EntryKind.storage, .customs, .refund, .chargeback, .dispute, .disputePenalty, .marketplaceCommission, .marketplaceFee,
                 .marketing].contains(line.kind) {
            cash += Money(minor: line.debit - line.credit, home)
        }
        // Service and supervision: return shipping, inspection fees less suppliers' refunds, checks, fines.
        let service = world.serviceBook
        #expect(service.resends.isEmpty, "this fixture answers no tickets; resends would need their freight here")
        for r in service.returns { cash -= Money(minor: r.shippingHome, home) }
        for i in service.inspections { cash -= Money(minor: i.feeHome - i.refundHome, home) }
        for c in service.supplierChecks { cash -= Money(minor: c.feeHome, home) }
        for a in service.regulatorActions { cash -= Money(minor: a.fineHome, home) }
        #expect(world.cash(home) == cash)
        // Inventory = landed cost of stock on hand + purchases still travelling.
        var inventory = world.lots.reduce(Int64(0)) { $0 + $1.costOnHand }
        for po in world.purchaseOrders where po.status != .received { inventory += po.landedHome.minor }
        #expect(world.ledger.balance(.inventory, home).minor == inventory)
        // Receivable per currency = captured payments not yet settled.
        for currency in Currency.allCases {
            let open = world.payments.filter { $0.status == .captured && $0.amount.currency == currency }
                .reduce(Int64(0)) { $0 + $1.amount.minor }
            #expect(world.ledger.balance(.receivable, currency).minor == open, "\(currency)")
        }
        // Payments did settle (2–7 days after capture), and only settled ones carry a home amount.
        #expect(world.payments.contains { $0.status == .settled })
        #expect(world.payments.allSatisfy { ($0.status != .captured) == ($0.settledHome != nil) })
        #expect(world.payments.allSatisfy { $0.status != .captured || $0.settleDay >= world.day })
    }

    @Test(arguments: [Scenario.cnImport, .globalExport])
    func unitsAreConserved(scenario: Scenario) throws {
        let world = try LedgerTests.ninetyDayWorld(scenario)
        #expect(world.lots.count >= 8)
        for lot in world.lots {
            #expect(lot.onHand >= 0 && lot.inTransit >= 0)
            // Returns put units back on hand or write them off; inspections, recalls and losses take them off the shelf.
            #expect(lot.unitsBalance, "lot \(lot.id) \(lot.sku)")
            #expect(lot.received == lot.soldNet + lot.onHand + lot.heldAtCustoms + lot.usedInInspection + lot.lost + lot.writtenOff,
                    "lot \(lot.id) \(lot.sku)")
            let ordered = world.purchaseOrders.filter { $0.lotID == lot.id }.reduce(0) { $0 + $1.quantity }
            #expect(ordered == lot.received + lot.inTransit, "lot \(lot.id) \(lot.sku)")
            let sold = world.orders.filter { $0.lotID == lot.id }.reduce(0) { $0 + $1.quantity }
            #expect(sold == lot.sold, "lot \(lot.id) \(lot.sku)")
            if lot.onHand == 0 { #expect(lot.costOnHand == 0, "no cost left on an empty lot \(lot.id)") }
        }
        let ordered = world.purchaseOrders.reduce(0) { $0 + $1.quantity }
        #expect(ordered == world.lots.reduce(0) { $0 + $1.received + $1.inTransit })
        let status = world.statusReport()
        #expect(status.unitsSold == world.lots.reduce(0) { $0 + $1.sold })
        #expect(status.unitsSold > 0)
        #expect(world.orders.count == world.shipments.count && world.orders.count == world.payments.count)
    }

    /// Each payment captures goods + tax of its order, and its fee is the provider's published schedule on the
    /// day's rates (international outside China, converted when the shopper pays in another currency than the storefront's).
    @Test(arguments: [Scenario.cnImport, .globalExport])
    func paymentsMatchOrdersAndFeeSchedules(scenario: Scenario) throws {
        let world = try LedgerTests.ninetyDayWorld(scenario)
        #expect(!world.payments.isEmpty)
        var providers = Set<String>()
        for payment in world.payments {
            let order = world.orders[payment.orderID - 1]
            #expect(payment.amount == order.goods + order.tax)
            #expect(payment.tax == order.tax)
            #expect(payment.day == order.day)
            let provider = try #require(PaymentProvider.all.first { $0.id == payment.provider })
            providers.insert(provider.id)
            let expected = provider.fee(on: payment.amount, international: order.country != "CN",
                                        converted: payment.amount.currency != scenario.storefrontCurrency,
                                        rates: world.fxHistory[payment.day])
            #expect(payment.fee == expected, "payment \(payment.id)")
            #expect(provider.settlementDays.contains(payment.settleDay - payment.day))
        }
        #expect(providers == (scenario.isImport ? ["cn-wallet", "card"] : ["card", "paypal"]))
    }

    @Test func globalExportOrdersUseTheDestinationTaxSchemes() throws {
        let world = try LedgerTests.ninetyDayWorld(.globalExport)
        let schemes = Set(world.orders.map(\.taxScheme))
        #expect(schemes.contains("EU-IOSS"))
        #expect(schemes.contains("US-formal"))
        #expect(schemes.contains("US-local-sale"), "stock in the US warehouse sells as a local sale")
        // IOSS orders are to EU countries and collect VAT; US-formal orders are in USD.
        #expect(world.orders.filter { $0.taxScheme == "EU-IOSS" }.allSatisfy { ["DE", "FR"].contains($0.country) && $0.tax.minor > 0 })
        #expect(world.orders.filter { $0.taxScheme == "US-formal" }.allSatisfy { $0.country == "US" && $0.goods.currency == .USD })
        // Overseas-warehouse stock serves only its own region.
        for order in world.orders where order.customs == .overseasWarehouse {
            let lot = world.lots[order.lotID - 1]
            #expect(lot.serves.contains(order.country))
            #expect(order.channel == .overseasWarehouse)
        }
    }

    @Test func cnImportOrdersClearAsCBECRetail() throws {
        let world = try LedgerTests.ninetyDayWorld(.cnImport)
        #expect(!world.orders.isEmpty)
        #expect(world.orders.allSatisfy { $0.country == "CN" && $0.goods.currency == .CNY })
        #expect(world.orders.allSatisfy { $0.taxScheme.hasPrefix("cbec-") && $0.tax.minor > 0 })
        #expect(Set(world.orders.map(\.customs)) == [.bonded, .directMail])
    }

    // MARK: Cash and purchases

    /// A purchase larger than the cash is refused with the exact amounts, and leaves the world as it was.
    @Test func unaffordablePurchaseIsRefusedAndChangesNothing() throws {
        var world = try WorldFixtures.world(seed: 4, .cnImport)
        try world.apply(.buy(sku: "JP-COS-01", quantity: 20, channel: .airFreight, customs: .bonded, warehouse: nil))
        let before = try DeterminismTests.statusJSON(world)
        let lines = world.ledger.lines, orders = world.purchaseOrders, lots = world.lots
        // DE-WAT-01 costs 1,450 EUR a unit: 100 units are about 1.1 million CNY, more than the 500,000 CNY.
        let quote = try world.quote(sku: "DE-WAT-01", quantity: 100, channel: .airFreight, customs: .bonded)
        let cash = world.cash(.CNY)
        #expect(quote.total > cash)
        #expect(throws: EngineError.cannotAfford(needed: quote.total, available: cash)) {
            try world.apply(.buy(sku: "DE-WAT-01", quantity: 100, channel: .airFreight, customs: .bonded, warehouse: nil))
        }
        #expect(try DeterminismTests.statusJSON(world) == before)
        #expect(world.ledger.lines == lines)
        #expect(world.purchaseOrders == orders)
        #expect(world.lots == lots, "no empty lot is created for a refused purchase")
    }

    /// Buying until the money runs out: every accepted purchase leaves cash ≥ 0, and the first refused one
    /// names what it needed and what the shop had.
    @Test func purchasesNeverPushCashBelowZero() throws {
        var world = try WorldFixtures.world(seed: 4, .cnImport)
        var bought = 0
        while true {
            let quote = try world.quote(sku: "DE-WAT-01", quantity: 3, channel: .airFreight, customs: .bonded)
            do {
                try world.apply(.buy(sku: "DE-WAT-01", quantity: 3, channel: .airFreight, customs: .bonded, warehouse: nil))
            } catch {
                #expect(error == .cannotAfford(needed: quote.total, available: world.cash(.CNY)))
                break
            }
            bought += 1
            #expect(world.cash(.CNY).minor >= 0)
            #expect(bought < 100, "the shop should run out of cash")
            if bought >= 100 { break }
        }
        #expect(bought > 5)
        #expect(!world.statusReport().cashNegative)
        #expect(world.ledger.imbalance(.CNY) == 0)
    }

    /// Obligations may push cash below zero (parcel freight is paid at sale, customer money arrives days later);
    /// `status` flags it, and no purchase is accepted while cash is negative.
    @Test func freightObligationsMayPushCashBelowZeroAndStatusFlagsIt() throws {
        var world = try WorldFixtures.world(seed: 3, .globalExport, customers: 30_000)
        let skus = ["CN-ELE-01", "CN-COS-01", "CN-APP-01", "CN-KIT-02", "CN-ELE-06"]
        for sku in skus {
            try world.apply(.list(sku: sku, price: WorldFixtures.product(sku).typicalRetail))
            try world.apply(.buy(sku: sku, quantity: 200, channel: .express, customs: .directMail, warehouse: nil))
        }
        // Spend nearly all the rest on slow stock for the US warehouse.
        var refused = false
        for _ in 0..<200 where !refused {
            do {
                try world.apply(.buy(sku: "CN-KIT-19", quantity: 20, channel: .seaFreight, customs: .overseasWarehouse, warehouse: "US"))
            } catch {
                refused = true
            }
        }
        #expect(refused)
        // Squeeze the last cash into the cheapest purchase the market allows, a few units at a time.
        for _ in 0..<400 {
            do {
                try world.apply(.buy(sku: "CN-KIT-19", quantity: 20, channel: .airFreight, customs: .overseasWarehouse, warehouse: "US"))
            } catch { break }
        }
        #expect(world.cash(.CNY).minor >= 0)
        var negativeDay: Int?
        for _ in 0..<40 where negativeDay == nil {
            try world.apply(.advance(days: 1))
            if world.cash(.CNY).minor < 0 { negativeDay = world.day }
        }
        let day = try #require(negativeDay, "cash should dip below zero while settlements lag behind freight")
        #expect(day > 0)
        #expect(world.statusReport().cashNegative)
        for currency in Currency.allCases { #expect(world.ledger.imbalance(currency) == 0) }
        #expect(throws: EngineError.self) {
            try world.apply(.buy(sku: "CN-ELE-01", quantity: 50, channel: .postal, customs: .directMail, warehouse: nil))
        }
    }

    @Test func openingCapitalIsBooked() throws {
        let world = try WorldFixtures.world(seed: 1, .globalExport)
        #expect(world.cash(.CNY) == Money(major: 500_000, .CNY))
        #expect(world.ledger.balance(.equity, .CNY) == Money(major: -500_000, .CNY))
        #expect(world.ledger.lines.count == 2)
        let status = world.statusReport()
        #expect(status.cash == [MoneyJSON(Money(major: 500_000, .CNY))])
        #expect(!status.cashNegative)
    }
}

/// Import duty into an overseas warehouse (9810) is charged on the base the destination's schedule names.
@Suite struct OverseasWarehouseDutyTests {
    /// CN-APP-04 (apparel, 95.00 CNY a unit) × 100 by sea, on the first day of a global-export world.
    /// US (FOB): base = the goods' 9,500.00 CNY converted to USD at the day's mid rate; rate on 2026-11-01 = 15% apparel
    /// + 7.5% Section 301 List 4A = 22.5% (the IEEPA tariffs stopped on 2026-02-24 and the Section 122 surcharge ran
    /// out on 2026-07-23); duty = base × 22.5%, bought in CNY with the bank's spread.
    /// DE (CIF): base = goods + freight + insurance in EUR; rate = 12% apparel (no origin surcharge).
    @Test func usDutyIsOnTheGoodsAndEUDutyOnGoodsFreightAndInsurance() throws {
        let world = try WorldFixtures.world(seed: 1, .globalExport)
        let us = try world.quote(sku: "CN-APP-04", quantity: 100, channel: .seaFreight, customs: .overseasWarehouse, warehouse: "US")
        #expect(us.dutyIncludesShipping == false)
        #expect(us.dutyRate == Rational(basisPoints: 2_250))
        #expect(us.dutyBase == world.rates.convert(us.goods, to: .USD))
        #expect(us.duty == world.rates.cost(of: us.dutyBase!.times(us.dutyRate), in: .CNY, spreadBP: FXMarket.spreadBP))
        let de = try world.quote(sku: "CN-APP-04", quantity: 100, channel: .seaFreight, customs: .overseasWarehouse, warehouse: "DE")
        #expect(de.dutyIncludesShipping)
        #expect(de.dutyRate == Rational(basisPoints: 1_200))
        #expect(de.dutyBase == world.rates.convert(de.goods + de.freight + de.insurance, to: .EUR))
        // The same goods and freight, so the FOB base is the smaller one: about 9,500 against 11,775 CNY.
        #expect(us.goods == de.goods && us.freight.minor > 0)
    }
}
