import GRDB
import Testing
@testable import BorderLabStore

/// The bulk inserter refuses a row whose value count differs from the insert's columns, instead of shifting values
/// into the wrong columns or leaving the last ones NULL.
@Suite struct SQLiteInserterTests {
    func withTable(_ body: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER, b TEXT, c REAL)")
            try body(db)
        }
    }

    @Test func aFullRowIsWritten() throws {
        try withTable { db in
            var insert = try SQLiteInserter(db, sql: "INSERT INTO t VALUES (?, ?, ?)")
            insert.add(1); insert.add("x"); insert.add(2.5)
            try insert.row()
            insert.finalize()
            let row = try #require(try Row.fetchOne(db, sql: "SELECT a, b, c FROM t"))
            #expect(row["a"] as Int == 1)
            #expect(row["b"] as String == "x")
            #expect(row["c"] as Double == 2.5)
        }
    }

    @Test(arguments: [2, 4])
    func aRowWithTheWrongCountIsRefused(values: Int) throws {
        try withTable { db in
            var insert = try SQLiteInserter(db, sql: "INSERT INTO t VALUES (?, ?, ?)")
            for i in 0..<values { insert.add(i) }
            #expect(throws: DatabaseError.self) { try insert.row() }
            // The inserter is usable again after the refusal, and nothing was written.
            insert.add(7); insert.add("y"); insert.add(1.0)
            try insert.row()
            insert.finalize()
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 1)
        }
    }
}
