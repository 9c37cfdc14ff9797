import BorderLabCore
import Foundation
import GRDB
import Testing
@testable import BorderLabStore

/// `customs_holds` and `storage_fees` mirror the world's customs book and add up to the ledger.
@Suite struct CustomsProjectionTests {
    @Test func holdsAndStorageFeesAreProjected() throws {
        let folder = try TemporaryFolder("customs")
        defer { folder.remove() }
        let (ws, _) = try Workspace.create(at: folder.sub("ws"), header: WorldHeader(seed: 7, scenario: .cnImport, customers: 2_000))
        var world: World?
        for action: Action in [
            .buy(sku: "JP-COS-01", quantity: 400, channel: .airFreight, customs: .bonded, warehouse: nil),
            .buy(sku: "NZ-SUP-05", quantity: 400, channel: .postal, customs: .directMail, warehouse: nil),
            .list(sku: "JP-COS-01", price: Money(major: 198, .CNY)),
            .list(sku: "NZ-SUP-05", price: Money(major: 149, .CNY)),
            .advance(days: 60),
        ] {
            world = try ws.perform(action)
        }
        let w = try #require(world)
        #expect(!w.customsBook.holds.isEmpty)
        #expect(!w.customsBook.storageFees.isEmpty)
        try ProjectionTests.read(ws) { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customs_holds") == w.customsBook.holds.count)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customs_holds WHERE status = 'held' AND end_day IS NULL")
                    == w.customsBook.held.count)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM storage_fees") == w.customsBook.storageFees.count)
            // Bonded fees are in CNY, the home currency: the table adds up to the ledger's storage_fees account.
            let fees = try Int64.fetchOne(db, sql: "SELECT SUM(fee_minor) FROM storage_fees WHERE currency = 'CNY'")
            let ledger = try Int64.fetchOne(db, sql: "SELECT SUM(debit_minor) - SUM(credit_minor) FROM ledger WHERE account = 'storage_fees'")
            #expect(fees == ledger)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM storage_fees WHERE tier <> 'bonded' OR fee_minor <= 0") == 0)
            // Held units in inventory are the units of the holds still held.
            let held = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(units), 0) FROM customs_holds WHERE status = 'held'")
            #expect(held == (try Int.fetchOne(db, sql: "SELECT SUM(held_at_customs) FROM inventory")))
            let charges = try Int64.fetchOne(db, sql: "SELECT SUM(charges_minor) FROM customs_holds")
            let customs = try Int64.fetchOne(db, sql: "SELECT SUM(debit_minor) - SUM(credit_minor) FROM ledger WHERE account = 'customs_charges'")
            #expect(charges == customs)
        }
    }
}
