import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import BorderLabStore

/// A small projection on disk: orders with Chinese product names, for the sandbox to read.
private struct Fixture {
    let directory: URL
    let path: String

    static let schemaAndRows = """
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY, day INTEGER NOT NULL, country TEXT NOT NULL,
            product TEXT NOT NULL, goods_value_minor INTEGER NOT NULL, currency TEXT NOT NULL,
            status TEXT NOT NULL);
        INSERT INTO orders VALUES
            (1, 10, 'CN', '婴儿奶粉', 12900, 'CNY', 'shipped'),
            (2, 11, 'US', 'Face cream', 2599, 'USD', 'paid'),
            (3, 11, 'CN', '蓝牙耳机 Pro', 39900, 'CNY', 'held');
        CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        INSERT INTO products VALUES (1, '婴儿奶粉'), (2, 'Face cream');
        """

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("borderlab-sql-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("world.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: Self.schemaAndRows)
        }
        try queue.close()
    }

    var bytes: Data { get throws { try Data(contentsOf: URL(fileURLWithPath: path)) } }

    var files: [String] {
        get throws { try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// A statement that must be refused, and the error it must get.
struct HostileCase: Sendable, CustomTestStringConvertible {
    let sql: String
    let error: QueryError
    var testDescription: String { sql.debugDescription }

    init(_ sql: String, _ error: QueryError) {
        self.sql = sql
        self.error = error
    }

    static func write(_ sql: String) -> HostileCase { HostileCase(sql, .notReadOnly(statement: sql)) }
}

private let hostileCases: [HostileCase] = [
    // Writes, refused by keyword before compiling.
    .write("INSERT INTO orders VALUES (9, 1, 'CN', 'x', 1, 'CNY', 'paid')"),
    .write("UPDATE orders SET status = 'refunded'"),
    .write("DELETE FROM orders"),
    .write("delete from orders where id = 1"),
    .write("DROP TABLE orders"),
    .write("CREATE TABLE t (x)"),
    .write("CREATE TEMP TABLE t (x)"),
    HostileCase(
        "CREATE TRIGGER t AFTER INSERT ON orders BEGIN DELETE FROM orders; END",
        .notReadOnly(statement: "CREATE TRIGGER t AFTER INSERT ON orders BEGIN DELETE FROM orders")),
    .write("ALTER TABLE orders ADD COLUMN y"),
    .write("REPLACE INTO orders VALUES (1, 1, 'CN', 'x', 1, 'CNY', 'paid')"),
    .write("VACUUM"),
    .write("VACUUM INTO '/tmp/borderlab-sql-vacuum-copy.sqlite'"),
    .write("REINDEX"),
    .write("ANALYZE"),
    .write("/* looks harmless */ DELETE FROM orders"),
    .write("EXPLAIN DELETE FROM orders"),
    // Writes behind WITH: refused by Statement.isReadonly after compiling.
    .write("WITH x AS (SELECT 1) DELETE FROM orders"),
    .write("with x as (select 9) insert into orders (id, day, country, product, goods_value_minor, currency, status) select 9, 1, 'CN', 'x', 1, 'CNY', 'paid' from x"),
    // PRAGMA: SQLite applies flag pragmas while compiling, so they must never be compiled.
    HostileCase("PRAGMA query_only = 0", .pragmaRefused),
    HostileCase("PRAGMA writable_schema = 1", .pragmaRefused),
    HostileCase("pragma journal_mode = WAL", .pragmaRefused),
    HostileCase("PRAGMA table_info(orders)", .pragmaRefused),
    HostileCase("EXPLAIN PRAGMA query_only = 0", .pragmaRefused),
    // ATTACH / DETACH.
    HostileCase("ATTACH DATABASE '/tmp/borderlab-sql-evil.sqlite' AS evil", .attachRefused(keyword: "ATTACH")),
    HostileCase("attach 'file:evil?mode=memory' as evil", .attachRefused(keyword: "ATTACH")),
    HostileCase("DETACH DATABASE main", .attachRefused(keyword: "DETACH")),
    // Transactions and other non-queries.
    HostileCase("BEGIN IMMEDIATE", .notAQuery(keyword: "BEGIN")),
    HostileCase("COMMIT", .notAQuery(keyword: "COMMIT")),
    HostileCase("SAVEPOINT s", .notAQuery(keyword: "SAVEPOINT")),
    HostileCase("ROLLBACK", .notAQuery(keyword: "ROLLBACK")),
    // More than one statement.
    HostileCase("SELECT 1; DROP TABLE orders", .multipleStatements),
    HostileCase("SELECT 1;;DROP TABLE orders", .multipleStatements),
    HostileCase("SELECT 1; ; DROP TABLE orders", .multipleStatements),
    HostileCase("SELECT 1; PRAGMA query_only = 0", .multipleStatements),
    HostileCase("SELECT 1; PRAGMA writable_schema = 1", .multipleStatements),
    HostileCase("SELECT 1 /* ; */; SELECT 2", .multipleStatements),
    HostileCase("SELECT ';', \"a;b\", [c;d], `e;f`; DELETE FROM orders", .multipleStatements),
    HostileCase("SELECT 1; garbage", .multipleStatements),
    // Nothing to run.
    HostileCase("", .emptyStatement),
    HostileCase("  \n\t ", .emptyStatement),
    HostileCase("-- only a comment", .emptyStatement),
    HostileCase("/* only a comment */ ;", .emptyStatement),
    HostileCase(" ; ; ", .emptyStatement),
    HostileCase("SELECT 1\0; DROP TABLE orders", .nulCharacter),
]

@Suite struct QuerySandboxTests {
    // MARK: - Hostile statements

    @Test(arguments: hostileCases)
    func refusesHostileStatementAndLeavesFileUnchanged(_ hostile: HostileCase) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let before = try fixture.bytes
        let filesBefore = try fixture.files

        #expect(throws: hostile.error) {
            try QuerySandbox.run(hostile.sql, databaseAt: fixture.path)
        }

        #expect(try fixture.bytes == before)
        #expect(try fixture.files == filesBefore)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/borderlab-sql-vacuum-copy.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/borderlab-sql-evil.sqlite"))
        let count = try QuerySandbox.run("SELECT count(*) FROM orders", databaseAt: fixture.path)
        #expect(count.rows == [[.integer(3)]])
    }

    @Test(arguments: hostileCases)
    func refusesHostileStatementOnWritableQueue(_ hostile: HostileCase) throws {
        let queue = try DatabaseQueue()
        try queue.write { db in try db.execute(sql: Fixture.schemaAndRows) }
        let rowsBefore = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM orders ORDER BY id") }
        #expect(throws: hostile.error) {
            try QuerySandbox.run(hostile.sql, on: queue)
        }
        let state = try queue.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT * FROM orders ORDER BY id"),
                try Int.fetchOne(db, sql: "PRAGMA writable_schema"),
                try String.fetchAll(db, sql: "SELECT name FROM pragma_database_list")
            )
        }
        #expect(state.0 == rowsBefore)
        #expect(state.1 == 0, "a refused PRAGMA must never be compiled: SQLite applies flags while compiling")
        #expect(state.2 == ["main"])
    }

    @Test func refusesLoadExtension() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let before = try fixture.bytes
        #expect {
            try QuerySandbox.run("SELECT load_extension('/tmp/borderlab-evil')", databaseAt: fixture.path)
        } throws: { error in
            guard case QueryError.execution(let message, _) = error else { return false }
            return message.contains("not authorized")
        }
        #expect(try fixture.bytes == before)
        // Also on a queue whose owner had turned extension loading on.
        let queue = try DatabaseQueue()
        queue.inDatabase { db in _ = sqlite3_enable_load_extension(db.sqliteConnection, 1) }
        #expect(throws: QueryError.self) {
            try QuerySandbox.run("SELECT load_extension('/tmp/borderlab-evil')", on: queue)
        }
    }

    @Test func connectionItselfRefusesAttachWritesAndExtensions() throws {
        // The layers below the text checks, tried directly on the sandbox's connection.
        let fixture = try Fixture()
        defer { fixture.remove() }
        let before = try fixture.bytes
        let queue = try QuerySandbox.openReadOnly(path: fixture.path)
        let attempts = [
            "ATTACH DATABASE '\(fixture.directory.path)/evil.sqlite' AS evil",
            "ATTACH DATABASE ':memory:' AS evil",
            "INSERT INTO orders (id, day, country, product, goods_value_minor, currency, status) VALUES (9, 1, 'CN', 'x', 1, 'CNY', 'paid')",
            "PRAGMA query_only = 0; DELETE FROM orders",
            "DROP TABLE orders",
            "SELECT load_extension('/tmp/borderlab-evil')",
        ]
        for sql in attempts {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try queue.inDatabase { db in try db.execute(sql: sql) }
            }
        }
        try queue.close()
        #expect(try fixture.bytes == before)
        #expect(try fixture.files == ["world.sqlite"])
    }

    @Test func refusesAMissingFileWithoutCreatingIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-missing-\(UUID().uuidString).sqlite").path
        #expect(throws: QueryError.databaseNotFound(path: path)) {
            try QuerySandbox.run("SELECT 1", databaseAt: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(QueryError.databaseNotFound(path: path).description.contains("borderlab replay"))
        #expect(QueryError.databaseNotFound(path: path).description.contains(path))
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let path = fixture.directory.appendingPathComponent("notes.sqlite").path
        try Data("this is not a database, just some text that is long enough".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try QuerySandbox.run("SELECT 1 FROM orders", databaseAt: path)
        } throws: { error in
            guard case QueryError.cannotOpen(let errorPath, _) = error else { return false }
            return errorPath == path
        }
    }

    @Test func refusesHugeValues() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect {
            try QuerySandbox.run("SELECT length(randomblob(2000000000))", databaseAt: fixture.path)
        } throws: { error in
            guard case QueryError.execution(let message, _) = error else { return false }
            return message.contains("too big")
        }
    }

    // MARK: - Time limit and row cap

    @Test func interruptsAQueryThatNeverEnds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let before = try fixture.bytes
        let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: QueryError.timeLimit(milliseconds: 200)) {
            try QuerySandbox.run(endless, databaseAt: fixture.path, limits: QueryLimits(timeLimitMilliseconds: 200))
        }
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(190))
        #expect(elapsed < .seconds(5))
        #expect(try fixture.bytes == before)
    }

    @Test func readerStillWorksAfterAnInterruption() throws {
        let queue = try DatabaseQueue()
        let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT max(x) FROM c"
        #expect(throws: QueryError.timeLimit(milliseconds: 100)) {
            try QuerySandbox.run(endless, on: queue, limits: QueryLimits(timeLimitMilliseconds: 100))
        }
        let result = try QuerySandbox.run("SELECT 42", on: queue)
        #expect(result.rows == [[.integer(42)]])
        let written = try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM t")
        }
        #expect(written == 1, "the caller's queue must be writable again after the sandbox")
    }

    @Test func quickQueryIsNotInterrupted() throws {
        let queue = try DatabaseQueue()
        let result = try QuerySandbox.run(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 1000) SELECT sum(x) FROM c",
            on: queue, limits: QueryLimits(timeLimitMilliseconds: 5000))
        #expect(result.rows == [[.integer(500_500)]])
        // The timer has been cancelled: a statement after the limit has passed runs normally.
        Thread.sleep(forTimeInterval: 0.05)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT 1") } == 1)
    }

    @Test func stopsReadingAtTheRowCap() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let endlessRows = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c"
        let result = try QuerySandbox.run(endlessRows, databaseAt: fixture.path, limits: QueryLimits(rowCap: 100))
        #expect(result.columns == ["x"])
        #expect(result.rows.count == 100)
        #expect(result.rows.last == [.integer(100)])
        #expect(result.truncated)
        #expect(result.formatted(.table).hasSuffix("(100 rows, truncated at 100; add LIMIT or narrow the WHERE)\n"))
    }

    @Test func resultOfExactlyTheCapIsNotTruncated() throws {
        let queue = try DatabaseQueue()
        let result = try QuerySandbox.run("VALUES (1), (2), (3)", on: queue, limits: QueryLimits(rowCap: 3))
        #expect(result.rows.count == 3)
        #expect(!result.truncated)
    }

    @Test(arguments: [(0, 10), (10, 0), (-5, 10)])
    func refusesLimitsBelowOne(time: Int, rows: Int) throws {
        let queue = try DatabaseQueue()
        #expect(throws: QueryError.self) {
            try QuerySandbox.run("SELECT 1", on: queue, limits: QueryLimits(timeLimitMilliseconds: time, rowCap: rows))
        }
    }

    // MARK: - Accepted statements

    @Test(arguments: [
        "SELECT 1",
        "SELECT 1;",
        "SELECT 1;  \n\t",
        "SELECT 1; -- done",
        "SELECT 1 /* a */ ; /* b */\n-- c\n",
        "  select 1 ;;",
        "/* why */ SELECT 1",
    ])
    func acceptsOneStatementWithTrailingSemicolonAndComments(_ sql: String) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let result = try QuerySandbox.run(sql, databaseAt: fixture.path)
        #expect(result.rows == [[.integer(1)]])
    }

    @Test func readsTypedCellsFromTheFile() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let before = try fixture.bytes
        let result = try QuerySandbox.run(
            "SELECT id, product, goods_value_minor / 100.0 AS value, NULL AS note, x'00ff' AS raw FROM orders WHERE country = 'CN' ORDER BY id",
            databaseAt: fixture.path)
        #expect(result.columns == ["id", "product", "value", "note", "raw"])
        #expect(
            result.rows == [
                [.integer(1), .text("婴儿奶粉"), .real(129.0), .null, .blob([0x00, 0xFF])],
                [.integer(3), .text("蓝牙耳机 Pro"), .real(399.0), .null, .blob([0x00, 0xFF])],
            ])
        #expect(!result.truncated)
        #expect(try fixture.bytes == before)
    }

    @Test(arguments: [
        "WITH cn AS (SELECT * FROM orders WHERE country = 'CN') SELECT count(*) FROM cn",
        "EXPLAIN QUERY PLAN SELECT * FROM orders WHERE id = 1",
        "SELECT count(*) FROM pragma_table_info('orders')",
        "SELECT count(*) FROM sqlite_schema",
        "VALUES (1, 'a')",
    ])
    func acceptsOtherReadOnlyQueries(_ sql: String) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let result = try QuerySandbox.run(sql, databaseAt: fixture.path)
        #expect(!result.rows.isEmpty)
    }

    // MARK: - SQL errors

    @Test func reportsSyntaxErrorsWithTheStatement() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect {
            try QuerySandbox.run("SELEC * FROM orders;", databaseAt: fixture.path)
        } throws: { error in
            guard case QueryError.syntax(let message, let statement) = error else { return false }
            return message.contains("syntax error") && statement == "SELEC * FROM orders"
        }
        #expect {
            try QuerySandbox.run("SELECT * FROM nope", databaseAt: fixture.path)
        } throws: { error in
            guard case QueryError.syntax(let message, _) = error else { return false }
            return message.contains("no such table: nope")
        }
        #expect {
            try QuerySandbox.run("SELECT 'unterminated", databaseAt: fixture.path)
        } throws: { error in
            guard case QueryError.syntax = error else { return false }
            return true
        }
    }

    @Test func errorDescriptionsSayWhatToDo() {
        #expect(QueryError.multipleStatements.description.contains("one statement at a time"))
        let timeLimit = QueryError.timeLimit(milliseconds: 200).description
        #expect(timeLimit.contains("200 ms") && timeLimit.contains("LIMIT") && timeLimit.contains("WHERE"))
        #expect(QueryError.pragmaRefused.description.contains("borderlab sql --schema"))
        #expect(QueryError.notReadOnly(statement: "DELETE FROM orders").description.contains("read-only"))
        #expect(QueryError.emptyStatement.description.contains("SELECT"))
    }

    // MARK: - Splitting

    @Test func lexerKeepsSemicolonsInsideQuotesAndComments() {
        let sql = "SELECT ';', \"a;b\", [c;d], `e;f`, 'it''s;' -- x;y\n /* p;q */ FROM t"
        #expect(SQLLexer.statements(in: sql).count == 1)
        #expect(SQLLexer.statements(in: "SELECT 1; SELECT 2").count == 2)
        // WITH … DELETE passes the keyword check; Statement.isReadonly must catch it (see hostileCases).
        #expect(StatementKind("WITH x AS (SELECT 1) DELETE FROM orders") == .query)
        #expect(SQLLexer.leadingWords(of: "/* c */ explain -- x\n query plan select 1", count: 4) == ["explain", "query", "plan", "select"])
    }

    // MARK: - Formatting

    private let sample = QueryResult(
        columns: ["id", "product", "price"],
        rows: [
            [.integer(1), .text("婴儿奶粉"), .real(129.5)],
            [.integer(22), .text("Face cream, \"night\""), .null],
        ],
        truncated: false)

    @Test func formatsAnAlignedTable() {
        let expected = """
            id  product              price
            --  -------------------  -----
            1   婴儿奶粉             129.5
            22  Face cream, "night"  NULL
            (2 rows)

            """
        #expect(sample.formatted(.table) == expected)
    }

    @Test func tableEscapesLineBreaksAndCountsOneRow() {
        let result = QueryResult(columns: ["memo"], rows: [[.text("a\nb\tc")]], truncated: false)
        #expect(result.formatted(.table) == "memo\n-------\na\\nb\\tc\n(1 row)\n")
    }

    @Test func formatsRFC4180CSV() {
        let result = QueryResult(
            columns: ["id", "memo", "raw"],
            rows: [[.integer(1), .text("a,b \"c\"\r\nd"), .blob([0xCA, 0xFE])], [.null, .text("plain"), .real(0.1)]],
            truncated: false)
        #expect(result.formatted(.csv) == "id,memo,raw\r\n1,\"a,b \"\"c\"\"\r\nd\",cafe\r\n,plain,0.1\r\n")
    }

    @Test func formatsJSONWithEscapesAndNumbers() throws {
        let result = QueryResult(
            columns: ["i", "r", "t", "b", "n"],
            rows: [
                [.integer(-9_007_199_254_740_993), .real(2.5), .text("奶粉 \"q\" \\ \n\u{1}"), .blob([0x0A]), .null],
                [.integer(0), .real(.infinity), .text(""), .blob([]), .real(.nan)],
            ],
            truncated: true)
        let json = result.formatted(.json)
        #expect(
            json
                == #"{"columns":["i","r","t","b","n"],"rows":[[-9007199254740993,2.5,"奶粉 \"q\" \\ \n\u0001","0a",null],[0,null,"","",null]],"truncated":true}"#
        )
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(parsed["rows"] as? [[Any]])
        #expect(rows[0][2] as? String == "奶粉 \"q\" \\ \n\u{1}")
        #expect(parsed["truncated"] as? Bool == true)
    }

    @Test func everyFormatHandlesAnEmptyResult() {
        let empty = QueryResult(columns: ["x"], rows: [], truncated: false)
        #expect(empty.formatted(.table) == "x\n-\n(0 rows)\n")
        #expect(empty.formatted(.csv) == "x\r\n")
        #expect(empty.formatted(.json) == #"{"columns":["x"],"rows":[],"truncated":false}"#)
    }
}
