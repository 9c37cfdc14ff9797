import GRDB
import GRDBSQLite

/// A prepared INSERT bound with positional arguments straight through SQLite's C API.
///
/// A simulated year writes hundreds of thousands of rows; building GRDB argument arrays for each
/// would dominate the time, so the projection binds values in place and steps the statement.
struct SQLiteInserter {
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    private var column: Int32 = 0
    /// The statement's parameter count: a row that binds more or fewer values is a programming error in a projection
    /// that would otherwise shift values into the wrong columns (or leave the last ones NULL) without a word.
    private let parameters: Int32

    init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed connection") }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.statement = statement
        self.connection = connection
        self.parameters = sqlite3_bind_parameter_count(statement)
    }

    @inline(__always) mutating func add(_ value: Int64) { column += 1; sqlite3_bind_int64(statement, column, value) }
    @inline(__always) mutating func add(_ value: Int) { add(Int64(value)) }
    @inline(__always) mutating func add(_ value: Bool) { add(Int64(value ? 1 : 0)) }
    @inline(__always) mutating func add(_ value: Double) { column += 1; sqlite3_bind_double(statement, column, value) }
    @inline(__always) mutating func add(_ value: Int?) {
        if let value { add(Int64(value)) } else { column += 1; sqlite3_bind_null(statement, column) }
    }
    @inline(__always) mutating func add(_ value: Int64?) {
        if let value { add(value) } else { column += 1; sqlite3_bind_null(statement, column) }
    }
    @inline(__always) mutating func add(_ value: Double?) {
        if let value { add(value) } else { column += 1; sqlite3_bind_null(statement, column) }
    }
    @inline(__always) mutating func add(_ value: String?) {
        if let value { add(value) } else { column += 1; sqlite3_bind_null(statement, column) }
    }
    @inline(__always) mutating func add(_ value: String) {
        column += 1
        var text = value
        text.withUTF8 { buffer in
            _ = sqlite3_bind_text(statement, column, UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(buffer.count), unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self))
        }
    }

    /// Runs the insert with the values added since the last row.
    mutating func row() throws {
        guard column == parameters else {
            let bound = column
            column = 0
            sqlite3_clear_bindings(statement)
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "a projection row bound \(bound) values where the insert has \(parameters) columns")
        }
        column = 0
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    func finalize() { sqlite3_finalize(statement) }
}
