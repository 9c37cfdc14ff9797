import BorderLabCore
import GRDB

extension Schema {
    /// Customs tables.
    static let customsTables: [TableDoc] = []
}

extension ProjectionWriter {
    static func writeCustoms(_ world: World, into db: Database) throws -> Int { 0 }
}
