import Dispatch
import Foundation
import GRDB
import GRDBSQLite

/// The sandbox's guards inside SQLite itself, for what a check between steps cannot stop.
///
/// SQLite checks an interrupt only between the steps of its virtual machine, so one expensive call ran on: `instr`
/// on 16 MB of text took 105 s against a 2 s limit. The guards keep every single step short (values of at most
/// ``QueryLimits/maxValueBytes``, `instr` and `replace` refused above ``QueryLimits/maxFunctionWork``, short LIKE
/// patterns) and then a progress handler checks the deadline every few thousand steps.
enum QueryGuards {
    /// How many virtual-machine steps pass between two looks at the clock.
    static let progressInterval: Int32 = 2_000

    /// Installs the guards on `db` for the duration of `body`, and lifts the limits afterwards (the reader may be the
    /// caller's own connection, which must work as before).
    ///
    /// The guarded functions stay: SQLite cannot restore a built-in function once a connection has overridden it
    /// (a deleted override still shadows it). They give SQLite's own results within the limits, so a caller's
    /// connection keeps working; it only loses `fts3_tokenizer`.
    static func with<T>(_ db: Database, limits: QueryLimits, deadline: Deadline, _ body: () throws -> T) throws -> T {
        guard let connection = db.sqliteConnection else { return try body() }
        let attached = sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0)
        let length = sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, -1)
        sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, Int32(clamping: min(Int(length), limits.maxValueBytes)))
        let pattern = sqlite3_limit(connection, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, -1)
        sqlite3_limit(connection, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, Int32(clamping: min(Int(pattern), limits.maxPatternBytes)))
        sqlite3_enable_load_extension(connection, 0)
        let box = Unmanaged.passRetained(deadline)
        sqlite3_progress_handler(connection, progressInterval, { context in
            guard let context else { return 0 }
            return Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue().passed ? 1 : 0
        }, box.toOpaque())
        let functions = guardedFunctions(limits: limits)
        for function in functions { db.add(function: function) }
        let heap = HeapLimit.enter(limits.maxMemoryBytes)
        defer {
            HeapLimit.leave(heap)
            sqlite3_progress_handler(connection, 0, nil, nil)
            box.release()
            sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, attached)
            sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, length)
            sqlite3_limit(connection, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, pattern)
        }
        return try body()
    }

    /// Replacements for SQLite functions that are dangerous to a student's classmates or to the time limit.
    ///
    /// `fts3_tokenizer` returns a heap pointer (and with two arguments installs one): refused. `instr` and `replace`
    /// are checked for their work and then computed by SQLite's own implementation on a private in-memory connection,
    /// so their results (types, text conversions, blob semantics) are exactly SQLite's.
    static func guardedFunctions(limits: QueryLimits) -> [DatabaseFunction] {
        let refuse: @Sendable ([DatabaseValue]) throws -> (any DatabaseValueConvertible)? = { _ in
            throw DatabaseError(resultCode: .SQLITE_AUTH, message: "fts3_tokenizer is not allowed in the sandbox (it exposes memory addresses)")
        }
        let original = OriginalFunctions(maxValueBytes: limits.maxValueBytes)
        let work = limits.maxFunctionWork
        func checked(_ name: String, _ sql: String, argumentCount: Int) -> DatabaseFunction {
            DatabaseFunction(name, argumentCount: argumentCount, pure: true) { values in
                let haystack = byteLength(values[0]), needle = byteLength(values[1])
                let (cost, overflow) = max(1, haystack).multipliedReportingOverflow(by: max(1, needle))
                if overflow || cost > work {
                    throw DatabaseError(resultCode: .SQLITE_TOOBIG, message: "\(name)() on values of \(haystack) and \(needle) bytes is more work than one call may do in the sandbox (\(work) byte comparisons); use shorter values")
                }
                return try original.evaluate(sql, values)
            }
        }
        // SQLite's printf returns NULL, silently, when its result would pass the length limit: say so instead.
        func printf(_ name: String) -> DatabaseFunction {
            DatabaseFunction(name, argumentCount: nil, pure: true) { values in
                guard let format = values.first, !format.isNull else { return DatabaseValue.null }
                let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
                let result = try original.evaluate("SELECT printf(\(placeholders))", values)
                if result.isNull {
                    throw DatabaseError(resultCode: .SQLITE_TOOBIG, message: "string or blob too big: \(name)() would build a value longer than \(limits.maxValueBytes) bytes, the most a query may build")
                }
                return result
            }
        }
        return [
            printf("printf"), printf("format"),
            DatabaseFunction("fts3_tokenizer", argumentCount: 1, pure: false, function: refuse),
            DatabaseFunction("fts3_tokenizer", argumentCount: 2, pure: false, function: refuse),
            checked("instr", "SELECT instr(?, ?)", argumentCount: 2),
            checked("replace", "SELECT replace(?, ?, ?)", argumentCount: 3),
        ]
    }

    /// Bytes a value takes as SQLite's text or blob (numbers as their text, which is short).
    static func byteLength(_ value: DatabaseValue) -> Int {
        switch value.storage {
        case .null: return 0
        case .int64, .double: return 24
        case .string(let text): return text.utf8.count
        case .blob(let data): return data.count
        }
    }
}

/// SQLite's own implementations of the functions the sandbox overrides, on a private in-memory connection.
///
/// The connection has the sandbox's value limit, so the functions fail (or, for printf, return NULL) as they would
/// on the sandbox's own connection.
final class OriginalFunctions: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: DatabaseQueue?
    private let maxValueBytes: Int

    init(maxValueBytes: Int) { self.maxValueBytes = maxValueBytes }

    func evaluate(_ sql: String, _ values: [DatabaseValue]) throws -> DatabaseValue {
        lock.lock()
        defer { lock.unlock() }
        if queue == nil {
            var configuration = Configuration()
            let limit = Int32(clamping: maxValueBytes)
            configuration.prepareDatabase { db in
                if let connection = db.sqliteConnection { sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, limit) }
            }
            queue = try DatabaseQueue(configuration: configuration)
        }
        return try queue!.inDatabase { db in
            try DatabaseValue.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(values)) ?? .null
        }
    }
}

/// The moment a query must stop, checked by SQLite's progress handler and by the sandbox between its own steps.
final class Deadline: @unchecked Sendable {
    let milliseconds: Int
    private let end: UInt64

    init(milliseconds: Int) {
        self.milliseconds = milliseconds
        // At most a day: a limit passed as Int.max would otherwise wrap around into the past.
        end = DispatchTime.now().uptimeNanoseconds &+ UInt64(min(max(0, milliseconds), 86_400_000)) * 1_000_000
    }

    /// True once the time is up.
    var passed: Bool { DispatchTime.now().uptimeNanoseconds >= end }

    /// Throws the time-limit error once the time is up.
    func check() throws {
        if passed { throw QueryError.timeLimit(milliseconds: milliseconds) }
    }
}

/// SQLite's memory cap while sandboxed queries run (`sqlite3_hard_heap_limit64` is process-wide, so concurrent
/// queries share one cap, set by the first and lifted by the last).
enum HeapLimit {
    nonisolated(unsafe) private static var active = 0
    nonisolated(unsafe) private static var previous: Int64 = 0
    private static let lock = NSLock()

    static func enter(_ bytes: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if active == 0 { previous = sqlite3_hard_heap_limit64(Int64(bytes)) }
        active += 1
        return true
    }

    static func leave(_ entered: Bool) {
        guard entered else { return }
        lock.lock()
        defer { lock.unlock() }
        active -= 1
        if active == 0 { sqlite3_hard_heap_limit64(previous) }
    }
}
