@testable import BorderLabCore

/// Stocked worlds for the customs tests: enough units and customers that holds, losses and storage fees all occur.
enum CustomsFixtures {
    static func product(_ sku: String) -> Product { WorldFixtures.product(sku) }

    /// cn-import: three SKUs in the bonded zone (1210, air) and three by 9610 direct mail (express and postal).
    static let cnImport: [Action] = {
        var actions: [Action] = [
            .buy(sku: "JP-COS-01", quantity: 600, channel: .airFreight, customs: .bonded, warehouse: nil),
            .buy(sku: "KR-COS-01", quantity: 600, channel: .airFreight, customs: .bonded, warehouse: nil),
            .buy(sku: "US-SUP-01", quantity: 600, channel: .airFreight, customs: .bonded, warehouse: nil),
            .buy(sku: "US-SUP-02", quantity: 600, channel: .express, customs: .directMail, warehouse: nil),
            .buy(sku: "NZ-SUP-05", quantity: 600, channel: .postal, customs: .directMail, warehouse: nil),
            .buy(sku: "FR-COS-02", quantity: 600, channel: .express, customs: .directMail, warehouse: nil),
        ]
        for sku in ["FR-COS-02", "JP-COS-01", "KR-COS-01", "NZ-SUP-05", "US-SUP-01", "US-SUP-02"] {
            actions.append(.list(sku: sku, price: product(sku).typicalRetail))
        }
        return actions
    }()

    /// global-export: 9610 by postal and express from the home warehouse, 9810 into the US and DE warehouses.
    static let globalExport: [Action] = {
        var actions: [Action] = [
            .buy(sku: "CN-ELE-01", quantity: 1_000, channel: .postal, customs: .directMail, warehouse: nil),
            .buy(sku: "CN-APP-01", quantity: 1_000, channel: .postal, customs: .directMail, warehouse: nil),
            .buy(sku: "CN-KIT-02", quantity: 1_000, channel: .express, customs: .directMail, warehouse: nil),
            .buy(sku: "CN-ELE-03", quantity: 1_000, channel: .seaFreight, customs: .overseasWarehouse, warehouse: "US"),
            .buy(sku: "CN-COS-02", quantity: 1_000, channel: .seaFreight, customs: .overseasWarehouse, warehouse: "DE"),
        ]
        for sku in ["CN-APP-01", "CN-COS-02", "CN-ELE-01", "CN-ELE-03", "CN-KIT-02"] {
            actions.append(.list(sku: sku, price: product(sku).typicalRetail))
        }
        return actions
    }()

    static func opening(_ scenario: Scenario) -> [Action] { scenario.isImport ? cnImport : globalExport }
}
