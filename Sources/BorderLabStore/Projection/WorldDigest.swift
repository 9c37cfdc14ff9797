import BorderLabCore
import Crypto
import Foundation
import GRDB

/// A canonical dump of the world's tables and its SHA-256: equal digests mean equal worlds.
///
/// Tables are walked in ``Schema`` order and rows in each table's key order; every value is written with
/// its type, and reals in their shortest round-trip form, so the dump does not depend on SQLite's storage.
public enum WorldDigest {
    /// The digest (lowercase hex) of the projection in `db`.
    public static func digest(_ db: Database) throws -> String {
        var hasher = SHA256()
        for table in Schema.tables {
            hasher.update(data: Data("table \(table.name)\n".utf8))
            let cursor = try Row.fetchCursor(db, sql: selectSQL(table))
            while let row = try cursor.next() {
                hasher.update(data: Data(canonical(row).utf8))
            }
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func selectSQL(_ table: TableDoc) -> String {
        "SELECT \(table.columns.map(\.name).joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.key.joined(separator: ", "))"
    }

    static func canonical(_ row: Row) -> String { canonical(Array(row.databaseValues)) + "\n" }

    static func canonical(_ values: [DatabaseValue]) -> String {
        var out = ""
        for value in values {
            switch value.storage {
            case .null: out += "n;"
            case .int64(let v): out += "i\(v);"
            case .double(let v): out += "r\(v);"
            case .string(let v): out += "t\(v.utf8.count):\(v);"
            case .blob(let v): out += "b\(v.count):\(v.base64EncodedString());"
            }
        }
        return out
    }

    /// The first difference between two projections, or nil when they hold the same world.
    public static func firstDifference(_ stored: Database, _ replayed: Database) throws -> String? {
        for table in Schema.tables {
            guard try stored.tableExists(table.name) else { return "table \(table.name) is missing" }
            let a = try Row.fetchCursor(stored, sql: selectSQL(table))
            let b = try Row.fetchCursor(replayed, sql: selectSQL(table))
            var index = 0
            while true {
                index += 1
                let left = try a.next(), right = try b.next()
                if left == nil && right == nil { break }
                guard let left else { return "table \(table.name): row \(index) (\(describe(Array(right!.databaseValues), table))) is missing from the stored state" }
                guard let right else { return "table \(table.name): row \(index) (\(describe(Array(left.databaseValues), table))) should not exist" }
                let l = Array(left.databaseValues), r = Array(right.databaseValues)
                if canonical(l) != canonical(r) {
                    let column = (0..<min(l.count, r.count)).first { canonical([l[$0]]) != canonical([r[$0]]) } ?? 0
                    let name = table.columns[column].name
                    return "table \(table.name), row \(index) (\(describe(r, table))): \(name) is \(l[column]) but replay gives \(r[column])"
                }
            }
        }
        return nil
    }

    static func describe(_ values: [DatabaseValue], _ table: TableDoc) -> String {
        table.key.map { key in "\(key) \(values[table.columns.firstIndex { $0.name == key }!])" }.joined(separator: ", ")
    }
}
