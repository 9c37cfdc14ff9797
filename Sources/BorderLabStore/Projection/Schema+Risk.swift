import BorderLabCore
import GRDB

extension Schema {
    /// Risk tables.
    static let riskTables: [TableDoc] = []
}

extension ProjectionWriter {
    static func writeRisk(_ world: World, into db: Database) throws -> Int { 0 }
}
