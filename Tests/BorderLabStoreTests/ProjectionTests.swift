import BorderLabCore
import Foundation
import GRDB
import Testing
@testable import BorderLabStore

/// The SQL contract students see: documented, complete, and consistent with the world it projects.
@Suite struct ProjectionTests {
    /// The tables DESIGN.md promises ("The SQL schema students see").
    static let promisedTables = ["products", "suppliers", "supplier_offers", "customers", "listings", "orders", "order_lines",
                                 "shipments", "purchase_orders", "inventory", "fx_rates", "payments", "ledger", "tickets",
                                 "reviews", "returns", "events"]

    /// A global-export workspace after a short run, and the world it holds.
    static func shortRun(_ folder: TemporaryFolder) throws -> (Workspace, World) {
        let (ws, _) = try Workspace.create(at: folder.sub("ws"), header: WorldHeader(seed: 21, scenario: .globalExport, customers: 3_000))
        var world: World?
        for action in WorkspaceTests.actions + [
            .buy(sku: "CN-ELE-03", quantity: 100, channel: .seaFreight, customs: .overseasWarehouse, warehouse: "DE"),
            .list(sku: "CN-ELE-03", price: Money(minor: 1_999, .USD)),
            // 60 days: sea freight to Germany takes 33–47 days, and a new shop with 3,000 customers earns few visits.
            .advance(days: 60),
        ] {
            world = try ws.perform(action)
        }
        return (ws, try #require(world))
    }

    static func read<T>(_ ws: Workspace, _ body: (Database) throws -> T) throws -> T {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: ws.sandboxPath, configuration: config)
        defer { try? queue.close() }
        return try queue.read(body)
    }

    // MARK: Documentation

    @Test func documentationMentionsEveryTableColumnAndAccount() {
        let doc = Schema.documentation
        for table in Schema.tables {
            #expect(doc.contains("\n\(table.name) — "), "table \(table.name)")
            for column in table.columns {
                #expect(doc.contains("  \(column.name) "), "\(table.name).\(column.name)")
                #expect(!column.meaning.isEmpty)
            }
        }
        for account in Account.allCases {
            #expect(doc.contains("  \(account.name) "), "account \(account.name)")
            #expect(doc.contains(account.meaning))
        }
        for name in ProjectionTests.promisedTables {
            #expect(Schema.tables.contains { $0.name == name }, "DESIGN.md promises table \(name)")
        }
    }

    /// The DESIGN.md column promises for `orders` and `ledger`, by meaning.
    @Test func ordersAndLedgerHaveThePromisedColumns() throws {
        let orders = try #require(Schema.tables.first { $0.name == "orders" }).columns.map(\.name)
        for column in ["day", "customer_id", "country", "channel", "customs_mode", "goods_minor", "freight_minor", "tax_minor",
                       "currency", "status"] {
            #expect(orders.contains(column), "orders.\(column)")
        }
        let ledger = try #require(Schema.tables.first { $0.name == "ledger" }).columns.map(\.name)
        #expect(ledger == ["line_id", "entry", "day", "account", "debit_minor", "credit_minor", "currency", "memo"])
    }

    /// What is documented is exactly what the file holds: every table and column, in order (plus `meta`).
    @Test func projectionFileMatchesTheDocumentedSchema() throws {
        let folder = try TemporaryFolder("proj")
        defer { folder.remove() }
        let (ws, _) = try ProjectionTests.shortRun(folder)
        let (tables, columns) = try ProjectionTests.read(ws) { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            var columns: [String: [String]] = [:]
            for table in tables { columns[table] = try db.columns(in: table).map(\.name) }
            return (tables, columns)
        }
        #expect(tables == (Schema.tables.map(\.name) + ["meta"]).sorted())
        for table in Schema.tables {
            #expect(columns[table.name] == table.columns.map(\.name), "\(table.name)")
        }
    }

    // MARK: Contents

    @Test func projectedLedgerBalancesPerCurrency() throws {
        let folder = try TemporaryFolder("proj")
        defer { folder.remove() }
        let (ws, world) = try ProjectionTests.shortRun(folder)
        let (sums, unbalanced, accounts, lines) = try ProjectionTests.read(ws) { db in
            let sums = try Row.fetchAll(db, sql: "SELECT currency, SUM(debit_minor) - SUM(credit_minor) FROM ledger GROUP BY currency ORDER BY currency")
                .map { (currency: $0[0] as String, sum: $0[1] as Int64) }
            let unbalanced = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT entry, currency FROM ledger GROUP BY entry, currency
                                      HAVING SUM(debit_minor) <> SUM(credit_minor))
                """)!
            let accounts = try String.fetchAll(db, sql: "SELECT DISTINCT account FROM ledger ORDER BY account")
            let lines = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger")!
            return (sums, unbalanced, accounts, lines)
        }
        #expect(sums.count >= 3, "CNY plus the customers' currencies")
        #expect(sums.map(\.currency).contains("EUR"))
        for (currency, sum) in sums { #expect(sum == 0, "\(currency)") }
        #expect(unbalanced == 0)
        #expect(Set(accounts).isSubset(of: Set(Account.allCases.map(\.name))))
        #expect(accounts.contains("fx_clearing") && accounts.contains("tax_payable"))
        #expect(lines == world.ledger.lines.count)
    }

    @Test func projectedRowsMatchTheWorld() throws {
        let folder = try TemporaryFolder("proj")
        defer { folder.remove() }
        let (ws, world) = try ProjectionTests.shortRun(folder)
        #expect(world.orders.count > 0)
        let counts = try ProjectionTests.read(ws) { db in
            try ["orders", "order_lines", "shipments", "payments", "purchase_orders", "inventory", "fx_rates", "customers",
                 "listings", "reviews", "events", "daily_stats"]
                .map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)")! }
        }
        let expected: [Int] = [
            world.orders.count, world.orders.count, world.shipments.count, world.payments.count,
            world.purchaseOrders.count, world.lots.count, world.fxHistory.count * Currency.allCases.count,
            world.population.count, world.listings.count, world.reviews.count, world.events.count, world.day,
        ]
        #expect(counts == expected)
        let (unitsOrdered, unitsSold, goods, meta) = try ProjectionTests.read(ws) { db in
            (try Int.fetchOne(db, sql: "SELECT SUM(quantity) FROM orders")!,
             try Int.fetchOne(db, sql: "SELECT SUM(sold) FROM inventory")!,
             try Int64.fetchOne(db, sql: "SELECT SUM(goods_minor) FROM orders WHERE currency = 'USD'") ?? 0,
             try ProjectionWriter.readMeta(db))
        }
        #expect(unitsOrdered == unitsSold)
        #expect(goods == world.orders.filter { $0.goods.currency == .USD }.reduce(0) { $0 + $1.goods.minor })
        #expect(meta?["seed"] == "21")
        #expect(meta?["actions"] == "8")
        #expect(meta?["day"] == String(world.day))
        #expect(meta?["log_head"] == (try ActionLog.read(at: ws.logPath)).headHash)
    }

    /// The digest of the file equals the digest of the same world projected into memory, so it depends on the
    /// rows and not on how SQLite stored them.
    @Test func digestDependsOnContentNotStorage() throws {
        let folder = try TemporaryFolder("proj")
        defer { folder.remove() }
        let (ws, world) = try ProjectionTests.shortRun(folder)
        let log = try ActionLog.read(at: ws.logPath)
        let memory = try DatabaseQueue()
        _ = try memory.writeWithoutTransaction { db in
            try ProjectionWriter.write(world, meta: .init(header: log.header, logHead: "different", actions: 0), into: db)
        }
        let inMemory = try memory.read { try WorldDigest.digest($0) }
        #expect(try ws.digest() == inMemory)
        #expect(try memory.read { db in try ProjectionTests.read(ws) { try WorldDigest.firstDifference($0, db) } } == nil)
        // Change one value and the digest and the first difference both notice.
        try memory.write { try $0.execute(sql: "UPDATE orders SET tax_minor = tax_minor + 1 WHERE id = 1") }
        #expect(try memory.read { try WorldDigest.digest($0) } != inMemory)
        let difference = try memory.read { db in try ProjectionTests.read(ws) { try WorldDigest.firstDifference($0, db) } }
        #expect(difference?.contains("table orders, row 1") == true)
        #expect(difference?.contains("tax_minor") == true)
    }

    @Test func querySandboxReadsTheProjection() throws {
        let folder = try TemporaryFolder("proj")
        defer { folder.remove() }
        let (ws, world) = try ProjectionTests.shortRun(folder)
        let before = try ws.sandboxBytes
        let count = try QuerySandbox.run("SELECT COUNT(*) AS n FROM orders", databaseAt: ws.sandboxPath)
        #expect(count.columns == ["n"])
        #expect(count.rows == [[.integer(Int64(world.orders.count))]])
        let schemes = try QuerySandbox.run("SELECT tax_scheme, COUNT(*) FROM orders GROUP BY tax_scheme ORDER BY tax_scheme",
                                           databaseAt: ws.sandboxPath)
        let expected = Dictionary(grouping: world.orders, by: \.taxScheme).mapValues(\.count).sorted { $0.key < $1.key }
        #expect(schemes.rows == expected.map { [.text($0.key), .integer(Int64($0.value))] })
        #expect(throws: QueryError.self) { try QuerySandbox.run("DELETE FROM orders", databaseAt: ws.sandboxPath) }
        #expect(try ws.sandboxBytes == before)
        #expect(try ws.verify() == .intact(actions: 8, digest: ws.digest()))
    }
}
