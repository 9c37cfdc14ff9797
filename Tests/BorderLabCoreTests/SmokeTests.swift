import Testing
@testable import BorderLabCore

@Test func smokeRun() throws {
    var world = try World(header: WorldHeader(seed: 1, scenario: .cnImport))
    let skus = world.catalogue.products.filter { world.catalogue.supplier($0.supplierID)!.country.code != "CN" && $0.positiveList }.prefix(20)
    for p in skus {
        try world.apply(.buy(sku: p.id, quantity: max(p.moq, 40), channel: .airFreight, customs: .bonded, warehouse: nil))
        try world.apply(.list(sku: p.id, price: p.typicalRetail))
    }
    try world.apply(.advance(days: 60))
    let s = world.statusReport()
    print(s.ordersTotal, s.visits, s.revenue, s.grossProfit, s.cash, s.unitsSold, s.stockOnHandUnits, s.refusedByCustoms)
    for c in Currency.allCases { #expect(world.ledger.imbalance(c) == 0) }
}
