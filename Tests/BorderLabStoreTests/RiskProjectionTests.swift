import BorderLabCore
import GRDB
import Testing
@testable import BorderLabStore

/// The risk tables students query agree with the world and its ledger.
@Suite struct RiskProjectionTests {
    @Test func riskTablesMatchTheWorld() throws {
        var world = try World(header: WorldHeader(seed: 7, scenario: .globalExport, startDate: SimDate(iso: "2026-03-01"), customers: 30_000))
        for action in world.demoShopActions() + [.set(key: "fx.auto_convert", value: "off"), .set(key: "risk.verify_score_above", value: "90")] {
            try world.apply(action)
        }
        for listing in world.listings { world.contributeStock(sku: listing.sku, units: 20_000, unitCost: Money(major: 20, .CNY)) }
        try world.apply(.advance(days: 100))
        try world.apply(.convert(amount: Money(major: 100, .USD), to: .CNY))
        let book = world.riskBook
        #expect(book.chargebacks.count > 0 && book.months.count == 3 && book.conversions.count == 1)

        let queue = try DatabaseQueue()
        _ = try queue.writeWithoutTransaction { db in
            try ProjectionWriter.write(world, meta: .init(header: world.header, logHead: "test", actions: 0), into: db)
        }
        try queue.read { db in
            func int(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            #expect(try int("SELECT COUNT(*) FROM chargebacks") == book.chargebacks.count)
            #expect(try int("SELECT COUNT(*) FROM dispute_monitor") == 3)
            #expect(try int("SELECT COUNT(*) FROM fx_conversions") == 1)
            // Amounts taken back equal the ledger's chargeback_losses, per currency.
            for currency in ["USD", "EUR", "JPY"] {
                let taken = try int("SELECT COALESCE(SUM(amount_minor), 0) FROM chargebacks WHERE currency = '\(currency)' AND status = 'charged_back'")
                let booked = try int("SELECT COALESCE(SUM(debit_minor - credit_minor), 0) FROM ledger WHERE account = 'chargeback_losses' AND currency = '\(currency)'")
                #expect(taken == booked, "\(currency)")
            }
            #expect(try int("SELECT COUNT(*) FROM payments WHERE status = 'charged_back'")
                    == book.chargebacks.filter { $0.status == .chargedBack }.count)
            // Held payouts: settled in the payment's own currency, no home amount.
            #expect(try int("SELECT COUNT(*) FROM payments WHERE status = 'settled' AND (payout_currency <> currency OR settled_home_minor IS NOT NULL)") == 0)
            #expect(try int("SELECT COUNT(*) FROM payments WHERE verified = 1") == world.payments.filter { $0.verified }.count)
            #expect(try int("SELECT COUNT(*) FROM payments WHERE verified = 1 AND risk_score <= 90") == 0)
            // A student's query: the monitor's disputes are the card chargebacks opened in the month, and each fraud
            // chargeback is a fraud report too; PayPal and cn-wallet disputes are counted apart.
            let march = try int("SELECT COUNT(*) FROM chargebacks WHERE opened_date LIKE '2026-03-%' AND provider = 'card'")
            let marchFraud = try int("SELECT COUNT(*) FROM chargebacks WHERE opened_date LIKE '2026-03-%' AND provider = 'card' AND reason = 'fraud'")
            #expect(try int("SELECT disputes FROM dispute_monitor WHERE month = '2026-03'") == march)
            #expect(try int("SELECT fraud_reports FROM dispute_monitor WHERE month = '2026-03'") == marchFraud)
            #expect(try int("SELECT reports_and_disputes FROM dispute_monitor WHERE month = '2026-03'") == march + marchFraud)
            #expect(try int("SELECT paypal_disputes FROM dispute_monitor WHERE month = '2026-03'")
                    == (try int("SELECT COUNT(*) FROM chargebacks WHERE opened_date LIKE '2026-03-%' AND provider = 'paypal'")))
            // The denominator: card payments settled in the month (April is days 31–60), whenever they were captured.
            let aprilSettled = try int("SELECT COUNT(*) FROM payments WHERE settle_day BETWEEN 31 AND 60 AND provider = 'card'")
            #expect(aprilSettled > 0)
            #expect(try int("SELECT card_payments FROM dispute_monitor WHERE month = '2026-04'") == aprilSettled)
            #expect(try int("SELECT COUNT(*) FROM dispute_monitor WHERE ratio_bp <> (reports_and_disputes * 10000 + card_payments / 2) / card_payments") == 0)
            // March is the world's first month: Mastercard, judging on the previous month's transactions, cannot judge it.
            #expect(try String.fetchOne(db, sql: "SELECT rule_id FROM dispute_monitor WHERE month = '2026-03'") == "VISA-VAMP-2025")
            #expect(try String.fetchOne(db, sql: "SELECT rule_id FROM dispute_monitor WHERE month = '2026-04'") == "VISA-VAMP-2026,MASTERCARD-EXCESSIVE-CHARGEBACK")
            #expect(try int("SELECT threshold_bp FROM dispute_monitor WHERE month = '2026-03'") == 220)
            for m in book.months {
                let flagged = try String.fetchOne(db, sql: "SELECT excessive_rules FROM dispute_monitor WHERE id = \(m.id)")
                #expect(flagged == m.excessiveRuleIDs.joined(separator: ","))
                #expect(try int("SELECT excessive FROM dispute_monitor WHERE id = \(m.id)") == (m.excessive ? 1 : 0))
            }
            let row = try #require(try Row.fetchOne(db, sql: "SELECT from_minor, from_currency, to_minor, to_currency FROM fx_conversions"))
            #expect(row[0] as Int64 == 10_000 && row[1] as String == "USD" && row[3] as String == "CNY")
            #expect(row[2] as Int64 == book.conversions[0].to.minor)
        }
    }
}
