import BorderLabCore
import GRDB

extension Schema {
    /// Modes tables.
    static let modeTables: [TableDoc] = []
}

extension ProjectionWriter {
    static func writeModes(_ world: World, into db: Database) throws -> Int { 0 }
}
