import BorderLabCore
import Foundation
import GRDB
import Testing
@testable import BorderLabStore

/// `orders` records the rates each sale was taxed at; `products` shows China's rates in force on the world's date.
@Suite struct RatesProjectionTests {
    @Test func ordersAndProductsShowTheRates() throws {
        let folder = try TemporaryFolder()
        let (ws, world) = try ProjectionTests.shortRun(folder)
        try ProjectionTests.read(ws) { db in
            // Every order's columns equal the rates the engine recorded.
            for order in world.orders {
                let row = try #require(try Row.fetchOne(db, sql: "SELECT vat_bp, consumption_tax_bp, tariff_bp, cbec_dutiable_minor FROM orders WHERE id = ?",
                                                         arguments: [order.id]))
                #expect(row[0] as Int == order.rates.vatBP && row[1] as Int == order.rates.consumptionBP)
                #expect(row[2] as Int == order.rates.tariffBP && row[3] as Int64 == 0)
            }
            // Sales from the German warehouse (9810) pay Germany's 19% on 2026 dates; parcels to the US pay duty.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM orders WHERE tax_scheme = 'DE-local-sale' AND vat_bp <> 1900") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM orders WHERE tax_scheme = 'US-formal' AND tariff_bp = 0") == 0)
            // Products: China's VAT of the day, the consumption tax at the price line, each SKU's own subheading.
            // JP-COS-07, 1,080 CNY for 30 ml = 36 CNY/ml: 15%; JP-COS-01, 198 CNY for 200 ml: 0; DE-JEW-03 (pearls): 10%.
            func product(_ sku: String) throws -> Row {
                try #require(try Row.fetchOne(db, sql: "SELECT vat_bp, consumption_tax_bp, hs_subheading, net_content FROM products WHERE sku = ?",
                                              arguments: [sku]))
            }
            let serum = try product("JP-COS-07")
            #expect(serum[0] as Int == 1300 && serum[1] as Int == 1500 && serum[2] as String == "330499" && serum[3] as String == "30 ml")
            #expect(try product("JP-COS-01")[1] as Int == 0)
            #expect(try product("DE-JEW-03")[1] as Int == 1000)
            #expect(try product("JP-COS-12")[2] as String == "330410")
        }
    }
}
