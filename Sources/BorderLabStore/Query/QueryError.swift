/// Why a student query was refused or stopped.
///
/// Each description says what is wrong and how to fix it, in words a student can act on; the CLI
/// prints it as is.
public enum QueryError: Error, Equatable, CustomStringConvertible {
    /// The database file does not exist (the sandbox never creates one).
    case databaseNotFound(path: String)
    /// The database file exists but SQLite could not open or read it.
    case cannotOpen(path: String, reason: String)
    /// The input holds no statement (empty, blank, or only comments).
    case emptyStatement
    /// The input holds more than one statement.
    case multipleStatements
    /// The input holds a NUL character, which would hide the rest of the text from SQLite.
    case nulCharacter
    /// A `PRAGMA` statement, refused because it can change the connection's settings.
    case pragmaRefused
    /// An `ATTACH` or `DETACH` statement.
    case attachRefused(keyword: String)
    /// A statement that would change the database (`INSERT`, `DROP`, `WITH … DELETE`, …).
    case notReadOnly(statement: String)
    /// A statement that is not a query (`BEGIN`, `SAVEPOINT`, …).
    case notAQuery(keyword: String)
    /// SQLite could not compile the statement (syntax error, unknown table or column, …).
    case syntax(message: String, statement: String)
    /// SQLite failed while running the statement (e.g. a value too big, `load_extension` refused).
    case execution(message: String, statement: String)
    /// The statement ran longer than the time limit and was interrupted.
    case timeLimit(milliseconds: Int)
    /// The result's values together passed ``QueryLimits/maxResultBytes`` while rows were read.
    case resultTooLarge(rows: Int, limit: Int)
    /// SQLite passed ``QueryLimits/maxMemoryBytes`` (large sorts or temporary tables).
    case memoryLimit(bytes: Int)
    /// A limit in ``QueryLimits`` is zero or negative.
    case invalidLimit(name: String, value: Int)

    public var description: String {
        switch self {
        case .databaseNotFound(let path):
            return "No database at '\(path)'. Run `borderlab replay` in the workspace to rebuild it from actions.jsonl."
        case .cannotOpen(let path, let reason):
            return "Cannot read the database at '\(path)': \(reason). "
                + "Run `borderlab replay` in the workspace to rebuild it from actions.jsonl."
        case .emptyStatement:
            return "No SQL statement given. Write one query, e.g. borderlab sql \"SELECT * FROM orders LIMIT 10\"."
        case .multipleStatements:
            return "Found more than one statement. Run one statement at a time: "
                + "remove everything after the first ';' and run the rest separately."
        case .nulCharacter:
            return "The statement contains a NUL character (\\0). Remove it and run the query again."
        case .pragmaRefused:
            return "PRAGMA is not allowed: it can change the connection's settings. "
                + "Use `borderlab sql --schema` to see the tables and columns, "
                + "or query pragma_table_info('orders') in a SELECT."
        case .attachRefused(let keyword):
            return "\(keyword) is not allowed: the platform only reads the simulation's own database. "
                + "Query its tables directly (see `borderlab sql --schema`)."
        case .notReadOnly(let statement):
            return "This statement would change the database, and the platform is read-only: \(statement). "
                + "Write a SELECT query instead; to change the simulation, use the borderlab commands."
        case .notAQuery(let keyword):
            let shown = keyword.isEmpty ? "This statement" : "'\(keyword)'"
            return "\(shown) is not a query. Only SELECT is allowed "
                + "(also WITH … SELECT, VALUES, and EXPLAIN QUERY PLAN SELECT …)."
        case .syntax(let message, let statement):
            return "SQL error: \(message), in: \(statement). "
                + "Check the spelling of keywords, tables and columns (`borderlab sql --schema` lists them)."
        case .execution(let message, let statement):
            return "The query failed while running: \(message), in: \(statement). "
                + "Simplify the expression that fails, or narrow the query with WHERE or LIMIT."
        case .timeLimit(let milliseconds):
            return "The query ran for \(milliseconds) ms, the time limit, and was stopped. "
                + "Add a LIMIT or a WHERE to read fewer rows, or avoid joins without an ON condition."
        case .resultTooLarge(let rows, let limit):
            return "The result passed \(limit / 1_000_000) MB at row \(rows), the most a query may return, and was stopped. "
                + "Select fewer or shorter columns (avoid large blobs and long strings), or add a LIMIT."
        case .memoryLimit(let bytes):
            return "The query needed more than \(bytes / 1_000_000) MB of memory (large sorts, DISTINCT or joins) and was stopped. "
                + "Narrow it with WHERE or LIMIT, or aggregate before sorting."
        case .invalidLimit(let name, let value):
            return "The query limit \(name) is \(value); it must be a positive number. Pass a value above zero."
        }
    }
}
