import BorderLabCore
import Foundation
import GRDB
import Testing
@testable import BorderLabStore

/// Who answered each ticket and the checkouts China's limits refused reach the projection students query.
@Suite struct ServiceLoopProjectionTests {
    @Test func replyByAndRefusedCheckoutsAreProjected() throws {
        let folder = try TemporaryFolder("loop")
        defer { folder.remove() }
        // A shop that trades: listed at the going price, with paid marketing at launch (400 CNY a day). An instructor's lower per-transaction limit
        // (1,000 CNY) refuses the shoppers who ask for two units of JP-COS-08 at 600 CNY.
        var header = WorldHeader(seed: 3, scenario: .cnImport, customers: 5_000)
        header.events = [ScheduledEvent(date: Scenario.cnImport.defaultStartDate, kind: .cbecLimits, perTransaction: 1_000, annual: 26_000)]
        let (ws, start) = try Workspace.create(at: folder.sub("ws"), header: header)
        var world = start
        let catalogue = Catalogue.standard
        let skus = ["JP-COS-01", "KR-COS-01", "JP-COS-08"]
        let buys: [Action] = skus.map {
            .buy(sku: $0, quantity: max(60, catalogue.product($0)!.moq), channel: .airFreight, customs: .bonded, warehouse: nil)
        }
        let lists: [Action] = [.list(sku: "JP-COS-01", price: Money(major: 152, .CNY)), .list(sku: "KR-COS-01", price: Money(major: 99, .CNY)),
                               .list(sku: "JP-COS-08", price: Money(major: 600, .CNY))]
        for case .list(let sku, let price) in lists {
            #expect(price <= world.rates.convert(world.goingPrice(catalogue.product(sku)!), to: .CNY), "\(sku) at or below the going price")
        }
        // Every rule but the damaged one, so some tickets are answered by hand.
        let rules = world.sensibleStandingRules().filter { $0 != .set(key: "tickets.policy.damaged", value: "refund") }
        for action in buys + lists + rules + [.set(key: "marketing.daily_budget", value: "400 CNY"), .advance(days: 60)] {
            world = try ws.perform(action)
        }
        if let open = world.serviceBook.tickets.first(where: { $0.status == .open && $0.replyDay == nil }) {
            world = try ws.perform(.replyTicket(id: open.id, action: .refund))
        }
        let byPolicy = world.serviceBook.tickets.filter(\.byPolicy).count
        let byHand = world.serviceBook.tickets.filter { $0.replyDay != nil && !$0.byPolicy }.count
        try #require(byPolicy > 0)
        try #require(!world.refusedCheckouts.isEmpty)
        let (policy, student, refused, dutiable) = try ProjectionTests.read(ws) { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets WHERE reply_by = 'policy'")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets WHERE reply_by = 'student'")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM refused_checkouts")!,
             try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(dutiable_minor), 0) FROM refused_checkouts")!)
        }
        #expect(policy == byPolicy && student == byHand)
        #expect(refused == world.refusedCheckouts.count)
        #expect(dutiable == world.refusedCheckouts.reduce(0) { $0 + Int($1.dutiableValue.minor) })
        #expect(try ProjectionTests.read(ws) { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM orders o JOIN refused_checkouts r ON o.day = r.day AND o.customer_id = r.customer_id AND o.sku = r.sku")! } == 0)
    }
}
