import BorderLabCore
import GRDB

extension Schema {
    /// Service and supervision tables.
    static let serviceTables: [TableDoc] = [
        TableDoc(name: "tickets", summary: "Customer-service tickets (filled by the service mechanics of a later release).", columns: [
            c("id", "INTEGER", "ticket id"), c("day", "INTEGER", "day opened"), c("order_id", "INTEGER", "orders.id"),
            c("kind", "TEXT", "where-is-my-parcel, damaged, counterfeit, tax-question"), c("status", "TEXT", "open or closed"),
        ], key: ["id"]),
        TableDoc(name: "returns", summary: "Returned units (filled by the returns mechanics of a later release).", columns: [
            c("id", "INTEGER", "return id"), c("day", "INTEGER", "day returned"), c("order_id", "INTEGER", "orders.id"),
            c("sku", "TEXT", "products.sku"), c("quantity", "INTEGER", "units"), c("reason", "TEXT", "reason"),
        ], key: ["id"]),
    ]
}

extension ProjectionWriter {
    static func writeService(_ world: World, into db: Database) throws -> Int { 0 }
}
