@testable import BorderLabCore
import Testing

/// Service and supervision: inspection in the world, counterfeit batches, the regulator, supplier checks and badges.
/// Golden figures are worked out by hand in the comments from the constants of Service/.
@Suite struct ServiceTests {
    static func balanced(_ world: World) -> Bool {
        Currency.allCases.allSatisfy { world.ledger.imbalance($0) == 0 } && world.lots.allSatisfy(\.unitsBalance)
    }

    /// Advances until purchase order `po` has arrived (its arrival is processed on its arrival day).
    static func advanceToArrival(_ world: inout World, po: Int) throws {
        let due = world.purchaseOrders[po - 1].arrivalDay
        if world.day <= due { try world.apply(.advance(days: due - world.day + 1)) }
        #expect(world.purchaseOrders[po - 1].status == .received)
    }

    /// The first seed whose first purchase from a fake-document overseas supplier is a counterfeit batch (seeds are
    /// searched, so the cases below do not depend on a hand-picked seed staying lucky).
    static func counterfeitPurchase(quantity: Int = 100) throws -> (World, String) {
        for seed in UInt64(1)...300 {
            var world = try World(header: WorldHeader(seed: seed, scenario: .cnImport, customers: 200)).mature()
            let fake = world.supplierDocumentsFake()
            for (i, supplier) in world.catalogue.suppliers.enumerated() where fake[i] && supplier.country != .CN {
                guard let product = world.catalogue.products(ofSupplier: supplier.id).first(where: { $0.positiveList && $0.moq <= quantity }),
                      (try? world.apply(.buy(sku: product.id, quantity: quantity, channel: .airFreight, customs: .bonded, warehouse: nil))) != nil
                else { continue }
                if world.serviceBook.batchCounterfeit[0] == quantity { return (world, product.id) }
                break
            }
        }
        Issue.record("no counterfeit batch in 300 seeds")
        throw EngineError.badDays(0)
    }

    /// A genuine purchase of `quantity` units in a cn-import world, and its SKU.
    static func genuinePurchase(seed: UInt64 = 5, quantity: Int) throws -> (World, String) {
        var world = try World(header: WorldHeader(seed: seed, scenario: .cnImport, customers: 200)).mature()
        let fake = world.supplierDocumentsFake()
        let supplier = try #require(world.catalogue.suppliers.indices.first { !fake[$0] && world.catalogue.suppliers[$0].country == .JP })
        let product = try #require(world.catalogue.products(ofSupplier: world.catalogue.suppliers[supplier].id).first { $0.positiveList })
        try world.apply(.buy(sku: product.id, quantity: quantity, channel: .airFreight, customs: .bonded, warehouse: nil))
        #expect(world.serviceBook.batchCounterfeit[0] == 0)
        return (world, product.id)
    }

    // MARK: Inspection

    /// 300 units at AQL 2.5: lot 281–500 → code H, n = 50, Ac 3, Re 4. Booked while in transit, it runs on arrival:
    /// fee 2,000.00 CNY to service_costs; the 50 samples leave the shelf at landed × 50 / 300 (half-up) to write_offs.
    @Test func inspectionBookedInTransitRunsOnArrival() throws {
        var (world, _) = try Self.genuinePurchase(quantity: 300)
        let cashBefore = world.cash(.CNY)
        try world.apply(.inspect(purchaseOrder: 1, aql: "2.5"))
        #expect(world.serviceBook.inspections[0].outcome == "pending")
        #expect(world.cash(.CNY) == cashBefore, "nothing is paid before the inspection happens")
        try Self.advanceToArrival(&world, po: 1)
        let i = world.serviceBook.inspections[0]
        let po = world.purchaseOrders[0]
        #expect(i.day == po.arrivalDay && i.lotSize == 300 && i.sampled == 50)
        #expect(i.plan == SamplingPlan(codeLetter: "H", planLetter: "H", sampleSize: 50, accept: 3, reject: 4))
        #expect(i.outcome == (i.defects <= 3 ? "accepted" : "rejected"))
        #expect(i.outcome == "accepted", "a genuine product with a low defect rate passes (defects: \(i.defects))")
        let sampleCost = divideHalfUp(Int128(po.landedHome.minor) * 50, 300)
        #expect(i.writtenOffHome == sampleCost && i.feeHome == 200_000)
        #expect(world.ledger.balance(.serviceCosts, .CNY) == Money(minor: 200_000, .CNY))
        #expect(world.ledger.balance(.writeOffs, .CNY) == Money(minor: sampleCost, .CNY))
        #expect(world.lots[0].onHand == 250 && world.lots[0].usedInInspection == 50)
        #expect(world.lots[0].costOnHand == po.landedHome.minor - sampleCost)
        #expect(Self.balanced(world))
    }

    /// A counterfeit batch of 100 at AQL 1.0: lot 91–150 → F, ↑ to E: n = 13, Ac 0, Re 1. The inspector flags a fake as
    /// nonconforming 25% of the time, so the batch is rejected unless all 13 pass (0.75^13 ≈ 2.4%). Rejected: 87 units go
    /// back, the supplier refunds the goods of all 100 — so write_offs = landed − goods = freight + insurance.
    @Test func counterfeitBatchIsRejectedAndTheSupplierRefunds() throws {
        var (world, _) = try Self.counterfeitPurchase()
        try world.apply(.inspect(purchaseOrder: 1, aql: "1.0"))
        let cashBefore = world.cash(.CNY)
        try Self.advanceToArrival(&world, po: 1)
        let i = world.serviceBook.inspections[0]
        let po = world.purchaseOrders[0]
        #expect(i.plan == SamplingPlan(codeLetter: "F", planLetter: "E", sampleSize: 13, accept: 0, reject: 1))
        #expect(i.outcome == "rejected" && i.defects >= 1)
        #expect(i.refundHome == po.goodsHome.minor)
        // Opened food and cosmetics samples are used up (13); other goods lose only the defective samples, and the
        // sound ones go back to the supplier with the rest of the batch.
        let product = world.catalogue.products[world.lots[0].product]
        let usedUp = World.inspectionDestroysSamples(product.category) ? 13 : i.defects
        #expect(world.lots[0].onHand == 0 && world.lots[0].usedInInspection == usedUp && world.lots[0].writtenOff == 100 - usedUp)
        #expect(world.lots[0].costOnHand == 0)
        #expect(world.serviceBook.counterfeitUnits[0] == 0)
        #expect(world.ledger.balance(.writeOffs, .CNY) == po.landedHome - po.goodsHome)
        // Less the marketplace's annual fee, paid on day 0 by a self-operated B2C shop.
        #expect(world.cash(.CNY) == cashBefore - Money(minor: 200_000, .CNY) + po.goodsHome - World.marketplaceAnnualFee(isImport: true))
        #expect(Self.balanced(world))
    }

    /// Electronics are checked, not opened for good: at AQL 2.5 a genuine batch of 300 (H: n = 50, Ac 3) that passes
    /// loses only its defective samples; the sound ones go back on the shelf.
    @Test func nonDestructiveInspectionReturnsSoundSamples() throws {
        var world = try World(header: WorldHeader(seed: 5, scenario: .cnImport, customers: 200)).mature()
        let fake = world.supplierDocumentsFake()
        let supplier = try #require(world.catalogue.suppliers.firstIndex { $0.id == "jp-tokyo-denki" })
        try #require(!fake[supplier], "seed 5's electronics supplier has genuine papers")
        try world.apply(.buy(sku: "JP-ELE-01", quantity: 300, channel: .airFreight, customs: .bonded, warehouse: nil))
        try world.apply(.inspect(purchaseOrder: 1, aql: "2.5"))
        try Self.advanceToArrival(&world, po: 1)
        let i = world.serviceBook.inspections[0]
        #expect(i.sampled == 50 && i.outcome == "accepted")
        #expect(world.lots[0].usedInInspection == i.defects && world.lots[0].onHand == 300 - i.defects)
        #expect(Self.balanced(world))
    }

    @Test func inspectionRefusalsNameTheFixAndChangeNothing() throws {
        var (world, _) = try Self.genuinePurchase(quantity: 300)
        let lines = world.ledger.lines.count
        #expect(throws: EngineError.badAQL("3.0")) { try world.apply(.inspect(purchaseOrder: 1, aql: "3.0")) }
        #expect(throws: EngineError.unknownPurchaseOrder(7)) { try world.apply(.inspect(purchaseOrder: 7, aql: "2.5")) }
        try world.apply(.inspect(purchaseOrder: 1, aql: "2.5"))
        #expect(throws: EngineError.alreadyInspected(purchaseOrder: 1, outcome: "pending")) {
            try world.apply(.inspect(purchaseOrder: 1, aql: "4.0"))
        }
        #expect(world.ledger.lines.count == lines && world.serviceBook.inspections.count == 1)
        #expect(EngineError.badAQL("3.0").description.contains("--aql 2.5"))
    }

    // MARK: Regulator

    /// All 100 units counterfeit, none sold yet: the 5 sampled are all fakes; recall of 100 units, listing delisted,
    /// fine = max(5 × 0, 10,000.00 CNY) = 10,000.00 CNY.
    @Test func regulatorRecallsCounterfeitStockAndFines() throws {
        var (world, sku) = try Self.counterfeitPurchase()
        try Self.advanceToArrival(&world, po: 1)
        try world.apply(.list(sku: sku, price: world.product(sku)!.typicalRetail))
        world.spotCheck(listing: 0)
        let action = try #require(world.serviceBook.regulatorActions.last)
        #expect(action.outcome == "recall" && action.sampled == 5 && action.counterfeitFound == 5 && action.unitsRecalled == 100)
        #expect(action.fineHome == 1_000_000)
        #expect(world.ledger.balance(.fines, .CNY) == Money(major: 10_000, .CNY))
        #expect(world.lots[0].onHand == 0 && world.lots[0].writtenOff == 100)
        #expect(world.listings[0].active == false)
        #expect(world.events.contains { $0.kind == "regulator-recall" })
        #expect(Self.balanced(world))
    }

    @Test func regulatorPassesGenuineStock() throws {
        var (world, sku) = try Self.genuinePurchase(quantity: 100)
        try Self.advanceToArrival(&world, po: 1)
        try world.apply(.list(sku: sku, price: world.product(sku)!.typicalRetail))
        world.spotCheck(listing: 0)
        let action = try #require(world.serviceBook.regulatorActions.last)
        #expect(action.outcome == "passed" && action.counterfeitFound == 0 && action.fineHome == 0)
        #expect(world.listings[0].active && world.lots[0].onHand == 100)
    }

    // MARK: Supplier documents and badges

    /// Every seed has at least one fake supplier on each side of the market, and about 15% overall.
    @Test func everyWorldHasFakeSuppliersOnBothSides() throws {
        var fakes = 0, total = 0
        for seed in UInt64(1)...60 {
            let world = try World(header: WorldHeader(seed: seed, scenario: .cnImport, customers: 10))
            let fake = world.supplierDocumentsFake()
            let suppliers = world.catalogue.suppliers
            #expect(suppliers.indices.contains { fake[$0] && suppliers[$0].country == .CN }, "seed \(seed)")
            #expect(suppliers.indices.contains { fake[$0] && suppliers[$0].country != .CN }, "seed \(seed)")
            #expect(world.supplierDocumentsFake() == fake, "a pure function of the seed")
            fakes += fake.filter { $0 }.count; total += fake.count
        }
        let share = Double(fakes) / Double(total)
        #expect(share > 0.12 && share < 0.30, "fake share \(share)")
    }

    /// Two checks at 800.00 CNY each: service_costs 1,600.00 CNY. The genuine supplier's listing gets the +0.3 badge.
    @Test func verificationRevealsTheTruthAndGivesABadge() throws {
        var world = try World(header: WorldHeader(seed: 3, scenario: .cnImport, customers: 100)).mature()
        let fake = world.supplierDocumentsFake()
        let suppliers = world.catalogue.suppliers
        let genuine = try #require(suppliers.indices.first { !fake[$0] && suppliers[$0].country != .CN })
        let forged = try #require(suppliers.indices.first { fake[$0] && suppliers[$0].country != .CN })
        let goodSKU = try #require(world.catalogue.products(ofSupplier: suppliers[genuine].id).first { $0.positiveList }).id
        let badSKU = try #require(world.catalogue.products(ofSupplier: suppliers[forged].id).first { $0.positiveList }).id
        try world.apply(.list(sku: goodSKU, price: world.product(goodSKU)!.typicalRetail))
        try world.apply(.list(sku: badSKU, price: world.product(badSKU)!.typicalRetail))
        try world.apply(.verifySupplier(id: suppliers[genuine].id))
        try world.apply(.verifySupplier(id: suppliers[forged].id))
        #expect(world.serviceBook.supplierChecks.map(\.genuine) == [true, false])
        #expect(world.ledger.balance(.serviceCosts, .CNY) == Money(major: 1_600, .CNY))
        #expect(world.serviceChoiceBonus(listing: 0) == 0.3 && world.serviceChoiceBonus(listing: 1) == 0)
        #expect(world.hasVerifiedBadge(listing: 0) && !world.hasVerifiedBadge(listing: 1))
        let lines = world.ledger.lines.count
        #expect(throws: EngineError.alreadyVerified(supplier: suppliers[genuine].id, genuine: true)) {
            try world.apply(.verifySupplier(id: suppliers[genuine].id))
        }
        #expect(throws: EngineError.unknownSupplier("nobody")) { try world.apply(.verifySupplier(id: "nobody")) }
        #expect(throws: EngineError.unknownSupplier("cn-yiwu-goods"), "cn-import buys from overseas suppliers only") {
            try world.apply(.verifySupplier(id: "cn-yiwu-goods"))
        }
        #expect(world.ledger.lines.count == lines && world.serviceBook.supplierChecks.count == 2)
    }

    /// Counterfeit units reach customers from a counterfeit lot, and customers notice: tickets or returns say so.
    @Test func counterfeitUnitsReachCustomersAndShow() throws {
        var (world, sku) = try Self.counterfeitPurchase()
        // At the going price, so the one listing sells (typical retail is above what competitors charge).
        try world.apply(.list(sku: sku, price: world.goingPrice(world.product(sku)!)))
        try world.apply(.advance(days: 120))
        let delivered = world.serviceBook.counterfeitDelivered[0]
        #expect(delivered > 0)
        #expect(delivered + world.serviceBook.counterfeitUnits[0] <= 100)
        let complaints = world.serviceBook.tickets.filter { $0.kind == .counterfeit }.count
            + world.serviceBook.returns.filter { $0.reason == .counterfeit }.count
        #expect(complaints > 0)
        #expect(world.serviceBook.returns.filter { $0.reason == .counterfeit && $0.received }.allSatisfy { !$0.resaleable })
        #expect(Self.balanced(world))
    }
}
