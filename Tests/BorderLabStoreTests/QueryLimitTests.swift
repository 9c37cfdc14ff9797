import Foundation
import GRDB
import Testing
@testable import BorderLabStore

/// Issue 9 §2: the sandbox's limits hold inside one expensive function call and through formatting.
@Suite struct QueryLimitTests {
    /// A small database with an `orders` table of 100 rows, in its own folder.
    struct Database {
        let directory: URL
        var path: String { directory.appendingPathComponent("world.sqlite").path }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-limits-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE orders (id INTEGER PRIMARY KEY, note TEXT);
                    WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100) INSERT INTO orders SELECT x, 'n' || x FROM c;
                    """)
            }
            try queue.close()
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    /// Runs `sql` formatted as `format`, returning the error's text and the seconds it took.
    static func refusal(_ sql: String, _ format: QueryFormat = .table, at path: String) -> (message: String, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        var message = "accepted"
        do { _ = try QuerySandbox.runFormatted(sql, databaseAt: path, format: format) } catch { message = "\(error)" }
        let elapsed = clock.now - start
        return (message, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Reproducer: 105 s against the 2,000 ms limit. Now the 16 MB value is refused at once.
    @Test func instrOnHugeStringsEndsQuickly() throws {
        let db = try Database()
        defer { db.remove() }
        let (message, seconds) = QueryLimitTests.refusal("SELECT instr(printf('%.*c', 16000000, 'a'), printf('%.*c', 200000, 'a') || 'b')", at: db.path)
        #expect(message.contains("too big"))
        #expect(seconds < 3)
        // Within the value limit, one call's work is what is bounded.
        let (work, workSeconds) = QueryLimitTests.refusal("SELECT instr(printf('%.*c', 900000, 'a'), printf('%.*c', 90000, 'a') || 'b')", at: db.path)
        #expect(work.contains("instr() on values of"))
        #expect(work.contains("use shorter values"))
        #expect(workSeconds < 3)
    }

    /// Reproducer: `replace()` ran 52 s.
    @Test func replaceOnHugeStringsEndsQuickly() throws {
        let db = try Database()
        defer { db.remove() }
        let (message, seconds) = QueryLimitTests.refusal("SELECT length(replace(printf('%.*c', 900000, 'a'), printf('%.*c', 90000, 'a') || 'b', 'x'))", at: db.path)
        #expect(message.contains("replace() on values of"))
        #expect(seconds < 3)
    }

    /// instr and replace still give SQLite's own results (text, blobs, numbers, NULL) within the limits.
    @Test func guardedFunctionsGiveSQLitesResults() throws {
        let db = try Database()
        defer { db.remove() }
        let result = try QuerySandbox.run("SELECT instr('蓝牙耳机 Pro', 'Pro'), instr(x'0102', x'02'), instr(12345, 34), instr(NULL, 'a'), replace('abcabc', 'b', 'XY'), replace(1.5, '.', ','), typeof(replace(x'41', 'A', 'B'))", databaseAt: db.path)
        #expect(result.rows == [[.integer(6), .integer(2), .integer(3), .null, .text("aXYcaXYc"), .text("1,5"), .text("text")]])
    }

    /// Reproducer: `--format csv "SELECT zeroblob(16000000) AS z FROM orders LIMIT 80"` took 121 s, 5.34 GB of memory
    /// and wrote 2.56 GB. Now the value is too big; and 80 values of 0.9 MB stop at the result's byte limit.
    @Test func hugeResultsStopWhileRowsAreRead() throws {
        let db = try Database()
        defer { db.remove() }
        let (message, seconds) = QueryLimitTests.refusal("SELECT zeroblob(16000000) AS z FROM orders LIMIT 80", .csv, at: db.path)
        #expect(message.contains("too big"))
        #expect(seconds < 3)
        let (bytes, bytesSeconds) = QueryLimitTests.refusal("SELECT zeroblob(900000) AS z FROM orders LIMIT 80", .csv, at: db.path)
        #expect(bytes.contains("The result passed 16 MB at row 9"))
        #expect(bytesSeconds < 3)
    }

    /// Reproducer: `SELECT hex(fts3_tokenizer('simple'))` returned a heap pointer.
    @Test func fts3TokenizerIsDenied() throws {
        let db = try Database()
        defer { db.remove() }
        for sql in ["SELECT hex(fts3_tokenizer('simple'))", "SELECT fts3_tokenizer('simple', x'00')"] {
            #expect { try QuerySandbox.run(sql, databaseAt: db.path) } throws: { error in
                "\(error)".contains("fts3_tokenizer is not allowed")
            }
        }
    }

    /// The deadline covers the whole command: a query whose rows take longer than the limit stops with the time-limit
    /// error even though each step is short, and the caller's connection is as before afterwards.
    @Test func deadlineHoldsBetweenStepsAndGuardsAreRemoved() throws {
        let queue = try DatabaseQueue()
        let slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x, instr(printf('%.*c', 1000, 'a'), 'b') FROM c"
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: QueryError.self) {
            try QuerySandbox.run(slow, on: queue, limits: QueryLimits(timeLimitMilliseconds: 300, rowCap: 100_000_000))
        }
        #expect(clock.now - start < .seconds(3))
        let length = try queue.read { db in try Int.fetchOne(db, sql: "SELECT length(zeroblob(2000000)) + instr('abc', 'c')") }
        #expect(length == 2_000_003, "the value limit is the caller's again, and instr still works")
    }

    /// `runFormatted` holds one deadline for reading and formatting together: a limit too short for the whole command
    /// ends in the time-limit error, never in a late answer.
    @Test func oneDeadlineCoversReadingAndFormatting() throws {
        let db = try Database()
        defer { db.remove() }
        let many = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 10000) SELECT x, printf('%.*c', 200, 'a') FROM c"
        #expect(throws: QueryError.timeLimit(milliseconds: 1)) {
            try QuerySandbox.runFormatted(many, databaseAt: db.path, limits: QueryLimits(timeLimitMilliseconds: 1), format: .table)
        }
        let (text, result) = try QuerySandbox.runFormatted(many, databaseAt: db.path, limits: QueryLimits(timeLimitMilliseconds: 20_000), format: .csv)
        #expect(result.rows.count == 10_000 && text.hasPrefix("x,"))
    }

    /// Temporary storage (sorts, DISTINCT, materialised views) stays in memory, under the sandbox's heap cap.
    @Test func temporaryStorageIsInMemory() throws {
        let db = try Database()
        defer { db.remove() }
        #expect(try QuerySandbox.run("SELECT * FROM pragma_temp_store", databaseAt: db.path).rows == [[.integer(2)]])
    }

    /// The limits live in one place, for `borderlab sql` and the grader alike.
    @Test func limitsAreTheDocumentedOnes() {
        let limits = QueryLimits.standard
        #expect(limits.timeLimitMilliseconds == 2_000)
        #expect(limits.maxValueBytes == 1_000_000)
        #expect(limits.maxResultBytes == 16_000_000)
    }
}
