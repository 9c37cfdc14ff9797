@testable import BorderLabCore
import Testing

/// Every valid scenario × mode pair runs a simulated year with its demo opening and a mid-year top-up; afterwards the
/// books balance in every currency and every unit bought is accounted for exactly once (issue 3's property).
@Suite struct YearPropertyTests {
    struct Pair: CustomTestStringConvertible, Sendable {
        let scenario: Scenario
        let mode: ShopMode
        var testDescription: String { "\(scenario.id) × \(mode.rawValue)" }
    }

    static let pairs: [Pair] = Scenario.all.flatMap { s in ShopMode.modes(for: s).map { Pair(scenario: s, mode: $0) } }

    static func year(_ pair: Pair, seed: UInt64) throws -> World {
        var world = try World(header: WorldHeader(seed: seed, scenario: pair.scenario, mode: pair.mode.rawValue, customers: 8_000))
        for action in world.demoActions() { try world.apply(action) }
        try world.apply(.advance(days: 180))
        // A mid-year top-up of the stock modes: buy again what sold.
        if pair.mode.holdsStock {
            for listing in world.listings {
                let product = world.catalogue.products[listing.product]
                let customs: CustomsMode = pair.scenario.isImport ? .bonded : .overseasWarehouse
                let warehouse = pair.scenario.isImport ? nil : "US"
                try? world.apply(.buy(sku: listing.sku, quantity: max(product.moq, 100), channel: .seaFreight, customs: customs, warehouse: warehouse))
            }
        }
        try world.apply(.advance(days: 185))
        return world
    }

    @Test(arguments: pairs)
    func aYearBalancesTheBooksAndConservesUnits(_ pair: Pair) throws {
        // Fraud bots are rare draws (a few hundred ppm of checkouts): the pair must meet one in one of its two years.
        var metFraud = false
        for seed: UInt64 in [3, 11] {
            let world = try Self.year(pair, seed: seed)
            #expect(world.day == 365)
            for currency in Currency.allCases {
                #expect(world.ledger.imbalance(currency) == 0, "\(pair.testDescription) seed \(seed): ledger off in \(currency)")
            }
            for lot in world.lots {
                #expect(lot.unitsBalance, """
                    \(pair.testDescription) seed \(seed) lot \(lot.id) \(lot.sku): purchased \(lot.purchased) ≠ sold net \(lot.soldNet) \
                    + on hand \(lot.onHand) + in transit \(lot.inTransit) + held \(lot.heldAtCustoms) + inspection \(lot.usedInInspection) \
                    + lost \(lot.lost) + written off \(lot.writtenOff)
                    """)
                #expect(lot.returned <= lot.sold && lot.onHand >= 0 && lot.inTransit >= 0 && lot.heldAtCustoms >= 0)
                #expect(lot.onHand > 0 || lot.costOnHand == 0, "cost left on an empty lot \(lot.id)")
            }
            // Inventory in the ledger equals the landed cost of what is on hand or on its way.
            let home = world.scenario.homeCurrency
            let onHandCost = world.lots.reduce(Int64(0)) { $0 + $1.costOnHand }
            let inTransitCost = world.purchaseOrders.filter { $0.status == .ordered || $0.status == .inTransit }
                .reduce(Int64(0)) { $0 + $1.landedHome.minor }
            #expect(world.ledger.balance(.inventory, home).minor == onHandCost + inTransitCost, "\(pair.testDescription) inventory")
            // The profit and loss explains the change in net assets (equity is only the opening capital): every income
            // and expense account is in the statement. Rounding once per account allows a few minor units.
            let pl = world.profitAndLoss()
            #expect(world.statusReport().profitAndLoss == pl)
            let totals = world.historicalTotals()
            let balanceSheet: [Account] = [.cash, .receivable, .inventory, .taxPayable, .supplierPayable]
            let netAssets = balanceSheet.reduce(Int64(0)) { $0 + totals[Int($1.rawValue)] }
            let capital = -totals[Int(Account.equity.rawValue)]
            #expect(abs(netAssets - capital - pl.netProfit) <= Int64(Account.allCases.count),
                    "\(pair.testDescription): net assets \(netAssets) − capital \(capital) ≠ net profit \(pl.netProfit)")
            // The year exercised the service system where the shop sells and ships itself.
            if pair.mode.sellsRetail {
                #expect(!world.serviceBook.tickets.isEmpty, "\(pair.testDescription): a year without a ticket")
                #expect(world.lots.contains { $0.returned > 0 || $0.lost > 0 }, "\(pair.testDescription): nothing came back or got lost")
                #expect(!world.customsBook.holds.isEmpty || !pair.scenario.isImport, "\(pair.testDescription): no customs hold")
                metFraud = metFraud || world.payments.contains { $0.fraud } || pair.scenario.isImport
            }
            // One way back for the customer's money: never both a refund and a chargeback.
            let chargedBack = Set(world.riskBook.chargebacks.map(\.orderID))
            #expect(chargedBack.isDisjoint(with: world.serviceBook.refundedOrders), "\(pair.testDescription): refunded and charged back")
            if pair.mode == .rebate {
                // The merchants answer for their parcels; the site's receivable is exactly the commissions not yet paid.
                #expect(world.serviceBook.tickets.isEmpty && world.ledger.balance(.salesReturns, home).minor == 0)
                let pending = world.modeBook.attributions.filter { $0.status == .pending }.reduce(Int64(0)) { $0 + $1.commission.minor }
                #expect(world.ledger.balance(.receivable, home).minor == pending)
                #expect(world.riskBook.tallies.allSatisfy { $0.cardNotPresentPayments == 0 })
            }
            // The mode did business: orders, trades or commissions.
            let business = world.orders.count + world.modeBook.platform.trades.count
            #expect(business > 50, "\(pair.testDescription) seed \(seed): only \(business) orders or trades in a year")
        }
        #expect(metFraud || !pair.mode.sellsRetail, "\(pair.testDescription): no fraud bot abroad in either year")
    }

    @Test(arguments: pairs)
    func aYearIsDeterministic(_ pair: Pair) throws {
        let a = try Self.year(pair, seed: 5), b = try Self.year(pair, seed: 5)
        #expect(a.ledger.lines == b.ledger.lines)
        #expect(a.orders == b.orders)
        #expect(a.lots == b.lots)
        #expect(a.profitAndLoss() == b.profitAndLoss())
    }
}
