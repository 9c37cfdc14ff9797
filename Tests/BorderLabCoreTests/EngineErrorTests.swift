import Foundation
import Testing
@testable import BorderLabCore

/// Bad actions get their exact ``EngineError``, leave the world unchanged, and say how to fix them.
@Suite struct EngineErrorTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let scenario: Scenario
        let setup: [Action]
        let action: Action
        let error: EngineError
        /// A piece of the description that tells the student what to do instead.
        let fix: String
        var testDescription: String { name }

        init(_ name: String, _ scenario: Scenario, setup: [Action] = [], _ action: Action, _ error: EngineError, fix: String) {
            self.name = name
            self.scenario = scenario
            self.setup = setup
            self.action = action
            self.error = error
            self.fix = fix
        }
    }

    static func buy(_ sku: String, _ quantity: Int, _ channel: Channel, _ customs: CustomsMode, _ warehouse: String? = nil) -> Action {
        .buy(sku: sku, quantity: quantity, channel: channel, customs: customs, warehouse: warehouse)
    }

    // Catalogue facts the cases rely on are checked in `catalogueHasTheCasesTheTableNeeds`.
    static let cases: [ErrorCase] = [
        ErrorCase("unknown SKU", .cnImport, buy("XX-NOPE-99", 10, .airFreight, .bonded),
                  .unknownSKU("XX-NOPE-99"), fix: "`borderlab market offers`"),
        ErrorCase("unknown SKU when listing", .globalExport, .list(sku: "XX-NOPE-99", price: Money(minor: 999, .USD)),
                  .unknownSKU("XX-NOPE-99"), fix: "`borderlab market offers`"),
        ErrorCase("USD price in cn-import", .cnImport, .list(sku: "JP-COS-01", price: Money(minor: 2_999, .USD)),
                  .wrongCurrency(sku: "JP-COS-01", given: .USD, expected: .CNY), fix: "Write it in CNY, e.g. \"129.00 CNY\""),
        ErrorCase("CNY price in global-export", .globalExport, .list(sku: "CN-ELE-01", price: Money(minor: 12_900, .CNY)),
                  .wrongCurrency(sku: "CN-ELE-01", given: .CNY, expected: .USD), fix: "Write it in USD"),
        ErrorCase("zero price", .cnImport, .list(sku: "JP-COS-01", price: Money(minor: 0, .CNY)),
                  .nonPositivePrice("JP-COS-01"), fix: "above zero"),
        ErrorCase("below MOQ", .cnImport, buy("KR-COS-01", 5, .airFreight, .bonded),
                  .belowMOQ(sku: "KR-COS-01", quantity: 5, moq: 10), fix: "Order at least 10"),
        ErrorCase("zero quantity", .cnImport, buy("JP-COS-01", 0, .airFreight, .bonded),
                  .nonPositiveQuantity(0), fix: "Give --qty 1 or more"),
        ErrorCase("negative quantity", .globalExport, buy("CN-ELE-01", -50, .postal, .directMail),
                  .nonPositiveQuantity(-50), fix: "Give --qty 1 or more"),
        ErrorCase("postal with 1210", .cnImport, buy("JP-COS-01", 10, .postal, .bonded),
                  .channelNotAllowed(channel: .postal, customs: .bonded, allowed: [.seaFreight, .airFreight]),
                  fix: "Use one of: sea-freight, air-freight"),
        ErrorCase("sea freight with 9610", .globalExport, buy("CN-ELE-01", 50, .seaFreight, .directMail),
                  .channelNotAllowed(channel: .seaFreight, customs: .directMail, allowed: [.postal, .epacket, .dedicatedLine, .express]),
                  fix: "Use one of: postal, epacket, dedicated-line, express"),
        ErrorCase("9810 in cn-import", .cnImport, buy("JP-COS-01", 10, .seaFreight, .overseasWarehouse, "US"),
                  .customsNotAllowed(customs: .overseasWarehouse, scenario: "cn-import", allowed: [.directMail, .bonded]),
                  fix: "Use one of: 9610, 1210"),
        ErrorCase("1210 in global-export", .globalExport, buy("CN-ELE-01", 50, .seaFreight, .bonded),
                  .customsNotAllowed(customs: .bonded, scenario: "global-export", allowed: [.directMail, .overseasWarehouse]),
                  fix: "Use one of: 9610, 9810"),
        ErrorCase("Chinese SKU in cn-import", .cnImport, buy("CN-ELE-01", 50, .airFreight, .bonded),
                  .wrongOrigin(sku: "CN-ELE-01", supplierCountry: "CN", scenario: "cn-import"), fix: "`borderlab market suppliers`"),
        ErrorCase("listing a Chinese SKU in cn-import", .cnImport, .list(sku: "CN-ELE-01", price: Money(minor: 12_900, .CNY)),
                  .wrongOrigin(sku: "CN-ELE-01", supplierCountry: "CN", scenario: "cn-import"), fix: "buy from an overseas supplier"),
        ErrorCase("overseas SKU in global-export", .globalExport, buy("JP-COS-01", 10, .postal, .directMail),
                  .wrongOrigin(sku: "JP-COS-01", supplierCountry: "JP", scenario: "global-export"), fix: "buy from a Chinese supplier"),
        ErrorCase("off the positive list", .cnImport, buy("US-SUP-03", 10, .airFreight, .bonded),
                  .offPositiveList("US-SUP-03"), fix: "Pick another product"),
        ErrorCase("off the positive list by direct mail", .cnImport, buy("AU-SUP-04", 3, .express, .directMail),
                  .offPositiveList("AU-SUP-04"), fix: "Pick another product"),
        ErrorCase("9810 without a warehouse", .globalExport, buy("CN-ELE-01", 50, .seaFreight, .overseasWarehouse),
                  .warehouseRequired, fix: "--warehouse US, DE or JP"),
        ErrorCase("unknown warehouse", .globalExport, buy("CN-ELE-01", 50, .seaFreight, .overseasWarehouse, "FR"),
                  .unknownWarehouse("FR", allowed: ["DE", "JP", "US"]), fix: "Use one of: DE, JP, US"),
        // ePacket weighs actual weight (postal services ignore volume): the 4.2 kg air fryer is too heavy; the bulky
        // but light steamer (1.2 kg actual, 3 kg volumetric) is not.
        ErrorCase("ePacket too heavy", .globalExport, buy("CN-KIT-15", 50, .epacket, .directMail),
                  .parcelTooHeavy(sku: "CN-KIT-15", channel: .epacket, grams: 4_200, limit: 2_000),
                  fix: "Pick express, dedicated-line or postal"),
        ErrorCase("ePacket too heavy into China", .cnImport, buy("JP-KIT-08", 1, .epacket, .directMail),
                  .parcelTooHeavy(sku: "JP-KIT-08", channel: .epacket, grams: 2_800, limit: 2_000),
                  fix: "Pick express, dedicated-line or postal"),
        ErrorCase("advance 0 days", .cnImport, .advance(days: 0), .badDays(0), fix: "give between 1 and 3660"),
        ErrorCase("advance 3661 days", .globalExport, .advance(days: 3_661), .badDays(3_661), fix: "give between 1 and 3660"),
        ErrorCase("reprice an unlisted SKU", .cnImport, .reprice(sku: "JP-COS-01", price: Money(minor: 19_900, .CNY)),
                  .notListed("JP-COS-01"), fix: "`borderlab shop add JP-COS-01"),
        ErrorCase("delist an unlisted SKU", .cnImport, .delist(sku: "JP-COS-01"),
                  .notListed("JP-COS-01"), fix: "`borderlab shop add JP-COS-01"),
        ErrorCase("list twice", .cnImport, setup: [.list(sku: "JP-COS-01", price: Money(minor: 19_800, .CNY))],
                  .list(sku: "JP-COS-01", price: Money(minor: 17_800, .CNY)),
                  .alreadyListed("JP-COS-01"), fix: "`borderlab shop price JP-COS-01"),
        ErrorCase("reprice in the wrong currency", .cnImport, setup: [.list(sku: "JP-COS-01", price: Money(minor: 19_800, .CNY))],
                  .reprice(sku: "JP-COS-01", price: Money(minor: 2_999, .USD)),
                  .wrongCurrency(sku: "JP-COS-01", given: .USD, expected: .CNY), fix: "Write it in CNY"),
    ]

    @Test(arguments: cases)
    func refusesWithTheExactError(_ c: ErrorCase) throws {
        var world = try WorldFixtures.run(seed: 8, c.scenario, c.setup)
        let before = try DeterminismTests.statusJSON(world)
        let ledger = world.ledger.lines, lots = world.lots, listings = world.listings, day = world.day
        #expect(throws: c.error) { try world.apply(c.action) }
        // The world is unchanged.
        #expect(try DeterminismTests.statusJSON(world) == before)
        #expect(world.ledger.lines == ledger)
        #expect(world.lots == lots)
        #expect(world.listings == listings)
        #expect(world.day == day)
    }

    @Test(arguments: cases)
    func descriptionNamesTheFix(_ c: ErrorCase) {
        let text = c.error.description
        #expect(text.contains(c.fix), "\(text)")
        // It also names what was wrong: the SKU, channel, warehouse or number given.
        switch c.action {
        case .buy(let sku, let quantity, _, _, let warehouse):
            let named = text.contains(sku) || text.contains(String(quantity)) || warehouse.map { text.contains($0) } == true
                || text.contains("9810") || text.contains("9610") || text.contains("1210")
            #expect(named, "\(text)")
        case .list(let sku, _), .reprice(let sku, _), .delist(let sku):
            #expect(text.contains(sku), "\(text)")
        case .advance(let days):
            #expect(text.contains(String(days)), "\(text)")
        case .set(let key, let value):
            #expect(text.contains(key) || text.contains(value), "\(text)")
        case .releaseHold(let id), .replyTicket(let id, _), .inspect(let id, _):
            #expect(text.contains(String(id)), "\(text)")
        case .convert(let amount, let to):
            #expect(text.contains(amount.currency.rawValue) || text.contains(to.rawValue), "\(text)")
        case .verifySupplier(let id), .signSupplier(let id):
            #expect(text.contains(id), "\(text)")
        case .answer, .hint, .setupEnd:
            break
        }
    }

    /// Every description ends in an instruction, not only a complaint: a `borderlab` command or an imperative.
    @Test func everyDescriptionSaysWhatToDo() {
        let imperatives = ["`borderlab", "Use ", "Give ", "Pick ", "Order ", "Write ", "give ", "say which", "Buy ", "buy from", "List it", "Change"]
        var missing: [String] = []
        for c in EngineErrorTests.cases + [
            ErrorCase("cannot afford", .cnImport, .advance(days: 1),
                      .cannotAfford(needed: Money(major: 600_000, .CNY), available: Money(major: 500_000, .CNY)), fix: ""),
            ErrorCase("unknown scenario", .cnImport, .advance(days: 1), .unknownScenario("mars-import"), fix: ""),
        ] where !imperatives.contains(where: { c.error.description.contains($0) }) {
            missing.append(c.error.description)
        }
        // Every description, the zero price's included, names the fix;
        // must carry an imperative.
        #expect(missing == [])
    }

    @Test func unknownScenarioIsRefused() {
        var header = WorldHeader(seed: 1, scenario: .cnImport, customers: 10)
        header.scenario = "mars-import"
        #expect(throws: EngineError.unknownScenario("mars-import")) { try World(header: header) }
        #expect(EngineError.unknownScenario("mars-import").description.contains("Use one of: cn-import, global-export"))
    }

    /// The table above relies on these catalogue facts; if the catalogue changes, this test says which case to update.
    @Test func catalogueHasTheCasesTheTableNeeds() throws {
        let cat = Catalogue.standard
        let kr = try #require(cat.product("KR-COS-01"))
        #expect(kr.moq == 10)
        #expect(try #require(cat.product("US-SUP-03")).positiveList == false)
        #expect(try #require(cat.product("AU-SUP-04")).positiveList == false)
        #expect(try #require(cat.product("CN-KIT-01")).chargeableGrams == 3_000)
        #expect(try #require(cat.product("JP-KIT-08")).chargeableGrams == 2_800)
        #expect(cat.product("XX-NOPE-99") == nil)
        #expect(try #require(cat.product("CN-ELE-01")).moq <= 50)
    }

    /// Valid neighbours of the refused cases are accepted, so the refusals are about the one thing named.
    @Test func nearMissesAreAccepted() throws {
        var cn = try WorldFixtures.world(seed: 8, .cnImport)
        try cn.apply(EngineErrorTests.buy("KR-COS-01", 10, .airFreight, .bonded))
        try cn.apply(EngineErrorTests.buy("JP-COS-01", 1, .express, .directMail))
        try cn.apply(EngineErrorTests.buy("JP-KIT-08", 1, .express, .directMail))
        try cn.apply(.list(sku: "JP-COS-01", price: Money(minor: 1, .CNY)))
        try cn.apply(.reprice(sku: "JP-COS-01", price: Money(minor: 19_800, .CNY)))
        try cn.apply(.delist(sku: "JP-COS-01"))
        try cn.apply(.list(sku: "JP-COS-01", price: Money(minor: 17_800, .CNY)))
        try cn.apply(.advance(days: 1))
        var ge = try WorldFixtures.world(seed: 8, .globalExport)
        try ge.apply(EngineErrorTests.buy("CN-ELE-01", 50, .seaFreight, .overseasWarehouse, "DE"))
        try ge.apply(EngineErrorTests.buy("CN-ELE-01", 50, .seaFreight, .overseasWarehouse, "jp"))
        try ge.apply(EngineErrorTests.buy("CN-KIT-04", 50, .postal, .directMail))
        try ge.apply(EngineErrorTests.buy("CN-ELE-01", 50, .epacket, .directMail))
        try ge.apply(.advance(days: 3_660))
        #expect(cn.purchaseOrders.count == 3)
        #expect(ge.purchaseOrders.count == 4)
        #expect(ge.day == 3_660)
    }
    // MARK: Untrusted input must be refused, not crash (DESIGN.md invariant 5: one bad submission never stops a batch)

    /// A quantity typed on the command line or written into actions.jsonl is untrusted. 10^14 units of a 1,450 EUR
    /// watch cannot be afforded and must be refused with an ``EngineError``; today `unitPrice * quantity`
    /// (Money.swift `*`, from World+Market.swift `quote`) overflows Int64 and traps, killing the process.
    @Test func hugeQuantityIsRefusedNotACrash() async {
        await #expect(processExitsWith: .success) {
            var world = try World(header: WorldHeader(seed: 1, scenario: .cnImport, customers: 10)).mature()
            do {
                try world.apply(.buy(sku: "DE-WAT-01", quantity: 100_000_000_000_000, channel: .airFreight, customs: .bonded, warehouse: nil))
                exit(1) // accepted: wrong
            } catch {}
            do {
                try world.apply(.buy(sku: "JP-COS-01", quantity: Int.max, channel: .airFreight, customs: .bonded, warehouse: nil))
                exit(1)
            } catch {}
        }
    }

    /// The header of actions.jsonl is untrusted too: a negative customer count must be refused by `World(header:)`
    /// (which throws ``EngineError`` already); today `0..<count` in `World.makePopulation` traps.
    @Test func negativeCustomerCountIsRefusedNotACrash() async {
        await #expect(processExitsWith: .success) {
            var header = WorldHeader(seed: 1, scenario: .cnImport, customers: 10)
            header.customers = -1
            do {
                _ = try World(header: header)
                exit(1)
            } catch {}
        }
    }

    /// ePacket takes parcels up to 2 kg. The purchase check looks at one unit, but a customer order of two units
    /// travels as one parcel, so a 1.5 kg product must not go by ePacket two at a time.
    @Test func ePacketParcelsStayWithinTwoKilograms() throws {
        let product = WorldFixtures.product("CN-KIT-07")
        #expect(product.chargeableGrams == 1_500)
        var world = try WorldFixtures.world(seed: 3, .globalExport, customers: 2_000)
        try world.apply(.list(sku: product.id, price: product.typicalRetail))
        try world.apply(.buy(sku: product.id, quantity: 300, channel: .epacket, customs: .directMail, warehouse: nil))
        try world.apply(.advance(days: 150))
        let parcels = world.shipments.filter { $0.channel == .epacket }
        // Enough parcels to mean something (38 in this world since the US duty on Chinese goods follows the dated rules).
        #expect(parcels.count > 30)
        let tooHeavy = parcels.filter { $0.chargeableGrams > 2_000 }
        #expect(tooHeavy.count == 0, "\(tooHeavy.count) ePacket parcels above 2 kg, e.g. \(tooHeavy.first.map { "\($0.chargeableGrams) g" } ?? "")")
    }
}
