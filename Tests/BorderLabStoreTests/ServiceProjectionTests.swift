import BorderLabCore
import Foundation
import GRDB
import Testing
@testable import BorderLabStore

/// The service tables in the projection hold what the world's service book holds, and they replay to the same digest.
@Suite struct ServiceProjectionTests {
    @Test func serviceTablesMatchTheWorld() throws {
        let folder = try TemporaryFolder("svc")
        defer { folder.remove() }
        let (ws, _) = try Workspace.create(at: folder.sub("ws"), header: WorldHeader(seed: 17, scenario: .cnImport, customers: 20_000))
        var world: World?
        let skus = ["JP-COS-01", "KR-COS-01", "US-SUP-01", "DE-INF-01"]
        let catalogue = Catalogue.standard
        let opening: [Action] = skus.map {
            .buy(sku: $0, quantity: max(60, catalogue.product($0)!.moq), channel: .airFreight, customs: .bonded, warehouse: nil)
        } + skus.map { .list(sku: $0, price: catalogue.product($0)!.typicalRetail.basisPoints(7_700)) } // the going price on day 0
        for action in opening + [
            .inspect(purchaseOrder: 2, aql: "2.5"),
            .verifySupplier(id: "jp-kyoto-beauty"),
            .advance(days: 90),
        ] {
            world = try ws.perform(action)
        }
        var w = try #require(world)
        let ticket = try #require(w.serviceBook.tickets.firstIndex { $0.status == .open } ?? w.serviceBook.tickets.indices.last)
        if w.serviceBook.tickets[ticket].status == .open { w = try ws.perform(.replyTicket(id: ticket + 1, action: .explain)) }
        let book = w.serviceBook
        #expect(!book.tickets.isEmpty && !book.returns.isEmpty && book.inspections.count == 1 && book.supplierChecks.count == 1)
        let counts = try ProjectionTests.read(ws) { db in
            try ["tickets", "returns", "resends", "inspections", "supplier_checks", "regulator_actions", "badges"]
                .map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)")! }
        }
        let badges = w.listings.indices.filter { w.hasVerifiedBadge(listing: $0) }.count
        #expect(counts == [book.tickets.count, book.returns.count, book.resends.count, 1, 1, book.regulatorActions.count, badges])
        let (outcome, sample, finding, received) = try ProjectionTests.read(ws) { db in
            (try String.fetchOne(db, sql: "SELECT outcome FROM inspections")!,
             try Int.fetchOne(db, sql: "SELECT sample_size FROM inspections")!,
             try String.fetchOne(db, sql: "SELECT finding FROM supplier_checks")!,
             try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(quantity), 0) FROM returns WHERE status = 'received'")!)
        }
        #expect(outcome == book.inspections[0].outcome && sample == book.inspections[0].plan?.sampleSize)
        #expect(finding == (book.supplierChecks[0].genuine ? "genuine" : "fake"))
        let seized = w.customsBook.holds.filter { $0.status == .seized }.reduce(0) { $0 + $1.units }
        #expect(received + seized == w.lots.reduce(0) { $0 + $1.returned })
        // The badge row exists exactly when the check found the documents genuine and a listing comes from the supplier.
        #expect((badges > 0) == book.supplierChecks[0].genuine)
        guard case .intact = try ws.verify() else {
            Issue.record("the workspace should replay to the same digest")
            return
        }
    }
}
