import Foundation
import GRDB
import GRDBSQLite

/// Runs untrusted student SQL against the simulation database, read-only (DESIGN.md, invariant 5).
///
/// The defences are layered, so that no single mistake lets a query write or escape:
/// 1. The text is checked before SQLite sees it: exactly one statement, and its first keyword must
///    start a query (`SELECT`, `WITH`, `VALUES`, optionally after `EXPLAIN [QUERY PLAN]`).
///    `PRAGMA`, `ATTACH`/`DETACH` and writes are refused *before* compiling, because SQLite applies
///    some pragmas (`query_only`, `writable_schema`, …) while compiling them.
/// 2. The compiled statement must be read-only (`Statement.isReadonly`, which catches `WITH … DELETE`).
/// 3. The connection is opened with `SQLITE_OPEN_READONLY` and `PRAGMA query_only = 1`, runs inside
///    `db.readOnly`, allows no attached databases (`SQLITE_LIMIT_ATTACHED` = 0), has extension
///    loading disabled, keeps temporary storage in memory, and caps strings and blobs (``QueryLimits``).
/// 4. ``QueryGuards`` keep each step short and a progress handler stops the query at its deadline; a row cap and a
///    byte cap stop reading; the deadline covers formatting too (``runFormatted(_:databaseAt:limits:format:)``).
public enum QuerySandbox {

    /// Runs one student statement against the SQLite file at `path`, read-only.
    ///
    /// The file is opened read-only and never created; it is byte-for-byte unchanged afterwards.
    ///
    /// - Parameters:
    ///   - sql: One SQL query, optionally followed by `;` and comments.
    ///   - path: The workspace's SQLite projection.
    ///   - limits: Time limit and row cap.
    /// - Returns: The columns and rows, truncated at `limits.rowCap`.
    /// - Throws: ``QueryError`` for a missing file, a refused statement, an SQL error or the time limit.
    public static func run(_ sql: String, databaseAt path: String, limits: QueryLimits = .init()) throws -> QueryResult {
        try run(sql, databaseAt: path, limits: limits, deadline: Deadline(milliseconds: limits.timeLimitMilliseconds))
    }

    /// Runs one statement and formats its result, all within the time limit: what `borderlab sql` prints.
    ///
    /// - Throws: ``QueryError/timeLimit(milliseconds:)`` when reading and formatting together pass the limit.
    public static func runFormatted(_ sql: String, databaseAt path: String, limits: QueryLimits = .init(),
                                    format: QueryFormat) throws -> (text: String, result: QueryResult) {
        let deadline = Deadline(milliseconds: limits.timeLimitMilliseconds)
        let result = try run(sql, databaseAt: path, limits: limits, deadline: deadline)
        let text = result.formatted(format)
        try deadline.check()
        return (text, result)
    }

    static func run(_ sql: String, databaseAt path: String, limits: QueryLimits, deadline: Deadline) throws -> QueryResult {
        try validate(limits)
        guard FileManager.default.fileExists(atPath: path) else {
            throw QueryError.databaseNotFound(path: path)
        }
        let queue: DatabaseQueue
        do {
            queue = try openReadOnly(path: path)
        } catch let error as DatabaseError {
            throw QueryError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        defer { try? queue.close() }
        return try run(sql, on: queue, limits: limits, deadline: deadline)
    }

    /// Runs one student statement on an already-open reader (tests, grader).
    ///
    /// The connection's attach limit and string length limit are lowered for the duration of the
    /// call and restored afterwards; extension loading is switched off and stays off. On a
    /// `DatabasePool`, the time limit's `interrupt()` also interrupts the pool's other connections.
    ///
    /// - Parameters:
    ///   - sql: One SQL query, optionally followed by `;` and comments.
    ///   - reader: The database to read.
    ///   - limits: Time limit and row cap.
    /// - Returns: The columns and rows, truncated at `limits.rowCap`.
    /// - Throws: ``QueryError`` for a refused statement, an SQL error or the time limit.
    public static func run(_ sql: String, on reader: any DatabaseReader, limits: QueryLimits = .init()) throws
        -> QueryResult
    {
        try run(sql, on: reader, limits: limits, deadline: Deadline(milliseconds: limits.timeLimitMilliseconds))
    }

    static func run(_ sql: String, on reader: any DatabaseReader, limits: QueryLimits, deadline: Deadline) throws
        -> QueryResult
    {
        try validate(limits)
        let statementText = try singleQueryText(sql)
        do {
            return try reader.read { db in
                try db.readOnly {
                    try QueryGuards.with(db, limits: limits, deadline: deadline) {
                        try execute(statementText, in: db, limits: limits, deadline: deadline)
                    }
                }
            }
        } catch let error as QueryError {
            throw error
        } catch let error as DatabaseError {
            throw mapped(error, statement: statementText, path: reader.path)
        }
    }

    // MARK: - Opening

    /// Opens `path` read-only with the sandbox's connection settings (never creates the file).
    static func openReadOnly(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "BorderLab.QuerySandbox"
        configuration.prepareDatabase { db in
            if let connection = db.sqliteConnection {
                sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0)
                sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, Int32(clamping: QueryLimits.standard.maxValueBytes))
                sqlite3_enable_load_extension(connection, 0)
            }
            // Sorts and temporary tables in memory (under the sandbox's heap cap), never in files beside the workspace.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA query_only = 1")
        }
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    // MARK: - Checking the text

    private static func validate(_ limits: QueryLimits) throws {
        guard limits.timeLimitMilliseconds > 0 else {
            throw QueryError.invalidLimit(name: "timeLimitMilliseconds", value: limits.timeLimitMilliseconds)
        }
        guard limits.rowCap > 0 else {
            throw QueryError.invalidLimit(name: "rowCap", value: limits.rowCap)
        }
    }

    /// The one statement in `sql`, if it is a query; throws otherwise. Nothing is compiled here.
    static func singleQueryText(_ sql: String) throws -> String {
        guard !sql.utf8.contains(0) else { throw QueryError.nulCharacter }
        let statements = SQLLexer.statements(in: sql)
        guard let first = statements.first else { throw QueryError.emptyStatement }
        switch StatementKind(first) {
        case .query, .unknown: break
        case .pragma: throw QueryError.pragmaRefused
        case .attach(let keyword): throw QueryError.attachRefused(keyword: keyword)
        case .write: throw QueryError.notReadOnly(statement: first)
        case .other(let keyword): throw QueryError.notAQuery(keyword: keyword)
        }
        guard statements.count == 1 else { throw QueryError.multipleStatements }
        return first
    }

    // MARK: - Running

    private static func execute(
        _ statementText: String, in db: Database, limits: QueryLimits, deadline: Deadline
    ) throws -> QueryResult {
        do {
            return try readRows(statementText, in: db, limits: limits, deadline: deadline)
        } catch let error as DatabaseError where error.isInterruptionError && deadline.passed {
            throw QueryError.timeLimit(milliseconds: limits.timeLimitMilliseconds)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOMEM {
            throw QueryError.memoryLimit(bytes: limits.maxMemoryBytes)
        }
    }

    private static func readRows(_ statementText: String, in db: Database, limits: QueryLimits, deadline: Deadline) throws -> QueryResult {
        let statement: Statement
        do {
            statement = try db.makeStatement(sql: statementText)
        } catch let error as DatabaseError where !error.isInterruptionError {
            throw mapped(error, statement: statementText, path: nil, compiling: true)
        }
        // A word SQLite accepts that is not a known query keyword cannot happen today; refuse anyway.
        if case .unknown(let keyword) = StatementKind(statementText) {
            throw QueryError.notAQuery(keyword: keyword)
        }
        guard statement.isReadonly else {
            throw QueryError.notReadOnly(statement: statementText)
        }
        let columns = statement.columnNames
        var rows: [[QueryCell]] = []
        var truncated = false
        var bytes = columns.reduce(0) { $0 + $1.utf8.count }
        let cursor = try Row.fetchCursor(statement)
        while let row = try cursor.next() {
            if rows.count >= limits.rowCap {
                truncated = true
                break
            }
            let cells = Array(row.databaseValues.map(QueryCell.init))
            bytes += cells.reduce(0) { $0 + $1.printedBytes }
            if bytes > limits.maxResultBytes {
                throw QueryError.resultTooLarge(rows: rows.count + 1, limit: limits.maxResultBytes)
            }
            rows.append(cells)
            try deadline.check()
        }
        return QueryResult(columns: columns, rows: rows, truncated: truncated)
    }

    private static func mapped(
        _ error: DatabaseError, statement: String, path: String?, compiling: Bool = false
    ) -> QueryError {
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_CANTOPEN:
            return .cannotOpen(path: path ?? "the database", reason: message)
        default:
            return compiling ? .syntax(message: message, statement: statement)
                : .execution(message: message, statement: statement)
        }
    }
}

extension QueryCell {
    /// The cell for a value read from SQLite.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .real(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .blob([UInt8](data))
        }
    }

    /// About the bytes the cell takes once printed: 8 for a number, a string's length, twice a blob's (hex).
    var printedBytes: Int {
        switch self {
        case .null, .integer, .real: return 8
        case .text(let text): return text.utf8.count
        case .blob(let bytes): return 2 * bytes.count
        }
    }
}

/// What a statement is, judged from its first keywords (after `EXPLAIN [QUERY PLAN]`).
enum StatementKind: Equatable {
    case query
    case pragma
    case attach(String)
    case write(String)
    case other(String)
    /// Not an SQLite command word; compiling it yields SQLite's own syntax error.
    case unknown(String)

    init(_ statement: String) {
        var words = SQLLexer.leadingWords(of: statement, count: 4).map { $0.uppercased() }
        if words.first == "EXPLAIN" {
            words.removeFirst()
            if words.starts(with: ["QUERY", "PLAN"]) { words.removeFirst(2) }
        }
        let word = words.first ?? ""
        switch word {
        case "SELECT", "WITH", "VALUES": self = .query
        case "PRAGMA": self = .pragma
        case "ATTACH", "DETACH": self = .attach(word)
        case "INSERT", "UPDATE", "DELETE", "REPLACE", "DROP", "CREATE", "ALTER", "VACUUM", "REINDEX", "ANALYZE":
            self = .write(word)
        case "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "EXPLAIN":
            self = .other(word)
        default: self = .unknown(word)
        }
    }
}

/// A minimal SQLite tokenizer: enough to split statements at top-level `;` and read leading words.
///
/// It knows SQLite's quoting (`'…'`, `"…"`, `` `…` ``, `[…]`, doubled quotes inside) and comments
/// (`-- …` to the end of the line, `/* … */` or to the end of the text).
enum SQLLexer {
    private static let semicolon = UInt8(ascii: ";")
    private static let dash = UInt8(ascii: "-")
    private static let slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*")
    private static let newline = UInt8(ascii: "\n")

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The statements in `sql` that hold at least one token, trimmed, without their `;`.
    static func statements(in sql: String) -> [String] {
        let bytes = Array(sql.utf8)
        var statements: [String] = []
        var start = 0
        var hasToken = false
        var index = 0
        func close(at end: Int) {
            if hasToken {
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                statements.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            start = end + 1
            hasToken = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == semicolon {
                close(at: index)
                index += 1
            } else if let end = triviaEnd(bytes, at: index) {
                index = end
            } else {
                hasToken = true
                index = tokenEnd(bytes, at: index)
            }
        }
        close(at: bytes.count)
        return statements
    }

    /// Up to `count` leading words (letters, digits, `_`), skipping whitespace and comments; stops
    /// at the first token that is not a word.
    static func leadingWords(of sql: String, count: Int) -> [String] {
        let bytes = Array(sql.utf8)
        var words: [String] = []
        var index = 0
        while index < bytes.count, words.count < count {
            if let end = triviaEnd(bytes, at: index) {
                index = end
                continue
            }
            let end = wordEnd(bytes, at: index)
            guard end > index else { break }
            words.append(String(decoding: bytes[index..<end], as: UTF8.self))
            index = end
        }
        return words
    }

    /// End of the whitespace or comment at `index`, or nil if none starts there.
    private static func triviaEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        if isSpace(byte) { return index + 1 }
        if byte == dash, next == dash {
            var end = index + 2
            while end < bytes.count, bytes[end] != newline { end += 1 }
            return min(end + 1, bytes.count)
        }
        if byte == slash, next == star {
            var end = index + 2
            while end + 1 < bytes.count, !(bytes[end] == star && bytes[end + 1] == slash) { end += 1 }
            return min(end + 2, bytes.count)
        }
        return nil
    }

    /// End of the token at `index`: a quoted string or identifier, a word, or one other byte.
    private static func tokenEnd(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
            var end = index + 1
            while end < bytes.count {
                if bytes[end] == byte {
                    if end + 1 < bytes.count, bytes[end + 1] == byte {
                        end += 2  // a doubled quote stands for one quote
                        continue
                    }
                    return end + 1
                }
                end += 1
            }
            return bytes.count  // unterminated: SQLite reports it when compiling
        case UInt8(ascii: "["):
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "]") { end += 1 }
            return min(end + 1, bytes.count)
        default:
            return max(wordEnd(bytes, at: index), index + 1)
        }
    }

    private static func wordEnd(_ bytes: [UInt8], at index: Int) -> Int {
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            let isWordByte =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte >= 0x80
            guard isWordByte else { break }
            end += 1
        }
        return end
    }
}
