@testable import BorderLabCore
import Testing

extension Scenario: CustomTestStringConvertible {
    public var testDescription: String { id }
}

/// Small worlds with a realistic trading pattern, shared by the determinism, ledger and error tests.
///
/// 300–600 customers keep each 90-day run well under a second in debug while still producing orders.
enum WorldFixtures {
    static let catalogue = Catalogue.standard

    static func product(_ sku: String) -> Product { catalogue.product(sku)! }

    /// cn-import: overseas positive-list SKUs into a bonded zone (1210, air freight) and by direct mail (9610, express),
    /// listed at their typical retail price in CNY. JP-COS-01 travels both ways, so one listing has two lots.
    static let cnImportOpening: [Action] = {
        let bonded = ["JP-COS-01", "KR-COS-01", "DE-INF-01", "US-SUP-01", "AU-SUP-01", "FR-COS-02"]
        let direct = ["JP-COS-01", "US-SUP-02", "NZ-SUP-05"]
        var actions: [Action] = []
        for sku in bonded {
            actions.append(.buy(sku: sku, quantity: max(60, product(sku).moq), channel: .airFreight, customs: .bonded, warehouse: nil))
        }
        for sku in direct {
            actions.append(.buy(sku: sku, quantity: max(30, product(sku).moq), channel: .express, customs: .directMail, warehouse: nil))
        }
        for sku in Set(bonded + direct).sorted() {
            actions.append(.list(sku: sku, price: product(sku).typicalRetail))
        }
        return actions
    }()

    /// global-export: Chinese SKUs from the home warehouse by postal and express (9610) and to the overseas
    /// warehouses in the US and Germany by sea (9810), listed at typical retail in USD.
    static let globalExportOpening: [Action] = {
        var actions: [Action] = []
        let postal = ["CN-ELE-01", "CN-COS-01", "CN-APP-01"]
        let express = ["CN-KIT-02", "CN-ELE-06"]
        for sku in postal {
            actions.append(.buy(sku: sku, quantity: max(100, product(sku).moq), channel: .postal, customs: .directMail, warehouse: nil))
        }
        for sku in express {
            actions.append(.buy(sku: sku, quantity: max(100, product(sku).moq), channel: .express, customs: .directMail, warehouse: nil))
        }
        actions.append(.buy(sku: "CN-ELE-03", quantity: 100, channel: .seaFreight, customs: .overseasWarehouse, warehouse: "US"))
        actions.append(.buy(sku: "CN-COS-02", quantity: 100, channel: .seaFreight, customs: .overseasWarehouse, warehouse: "DE"))
        actions.append(.buy(sku: "CN-ELE-01", quantity: 100, channel: .seaFreight, customs: .overseasWarehouse, warehouse: "DE"))
        for sku in Set(postal + express + ["CN-ELE-03", "CN-COS-02"]).sorted() {
            actions.append(.list(sku: sku, price: product(sku).typicalRetail))
        }
        return actions
    }()

    /// The opening, 45 days, a reprice and a top-up purchase, then 45 more days: 90 simulated days in all.
    static func ninetyDays(_ scenario: Scenario) -> [Action] {
        if scenario.isImport {
            return cnImportOpening + [
                .advance(days: 45),
                .reprice(sku: "KR-COS-01", price: Money(major: 119, .CNY)),
                .buy(sku: "KR-COS-01", quantity: 40, channel: .airFreight, customs: .bonded, warehouse: nil),
                .advance(days: 45),
            ]
        }
        return globalExportOpening + [
            .advance(days: 45),
            .reprice(sku: "CN-ELE-01", price: Money(minor: 1_799, .USD)),
            .buy(sku: "CN-ELE-01", quantity: 100, channel: .express, customs: .directMail, warehouse: nil),
            .advance(days: 45),
        ]
    }

    static func world(seed: UInt64, _ scenario: Scenario, customers: Int = 300) throws -> World {
        try World(header: WorldHeader(seed: seed, scenario: scenario, customers: customers)).mature()
    }

    /// A world after `actions`, applied in order.
    static func run(seed: UInt64, _ scenario: Scenario, customers: Int = 300, _ actions: [Action]) throws -> World {
        var world = try world(seed: seed, scenario, customers: customers)
        for action in actions { try world.apply(action) }
        return world
    }
}

extension World {
    /// The world with a mature shop's traffic, for tests of mechanics other than traffic (tickets, customs, risk,
    /// the ledger): the earning modes visit at `factor` × the base rate whatever the shop does, enough orders from a
    /// few hundred customers at the calibrated conversion. The traffic model itself is tested in MarketMechanicsTests.
    func mature(_ factor: Double = 5) -> World {
        var world = self
        world.modeBook.trafficOverride = factor
        world.modeBook.trafficFactor = world.todaysTrafficFactor()
        return world
    }
}
