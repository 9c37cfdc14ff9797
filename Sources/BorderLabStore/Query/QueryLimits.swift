/// Every limit on one student query, in one place: `borderlab sql` and the grader (which runs students' SQL answers)
/// use the same values, so an answer that runs for a student runs for the grader and a hostile one is stopped in both.
public struct QueryLimits: Sendable, Equatable {
    /// Wall-clock time for the whole query, reading and formatting included; checked between SQLite's steps.
    public var timeLimitMilliseconds: Int = 2000
    /// Rows read before the sandbox stops and marks the result truncated.
    public var rowCap: Int = 10_000
    /// Largest string or blob a query may build (`SQLITE_LIMIT_LENGTH`): `printf('%.*c', 16000000, 'a')` and
    /// `zeroblob(16000000)` fail at once instead of building values that take seconds to search or print.
    public var maxValueBytes: Int = 1_000_000
    /// Bytes of all the values of a result together, counted while rows are read (8 per number, the length of a
    /// string, twice the length of a blob, which prints as hex): a result above it is refused before it is formatted.
    public var maxResultBytes: Int = 16_000_000
    /// Memory SQLite may hold for everything while the query runs (temporary tables and sorts stay in memory).
    public var maxMemoryBytes: Int = 512_000_000
    /// Work one call of `instr` or `replace` may do (haystack bytes × needle bytes): SQLite runs one function call
    /// without checking the clock, so a single call must be short for the time limit to hold.
    public var maxFunctionWork: Int = 50_000_000
    /// Longest LIKE or GLOB pattern (`SQLITE_LIMIT_LIKE_PATTERN_LENGTH`): a pattern's cost grows with its length.
    public var maxPatternBytes: Int = 1_000

    /// Creates limits.
    ///
    /// - Parameters:
    ///   - timeLimitMilliseconds: Wall-clock time after which the query is stopped (> 0).
    ///   - rowCap: Rows read before the sandbox stops and marks the result truncated (> 0).
    public init(timeLimitMilliseconds: Int = 2000, rowCap: Int = 10_000) {
        self.timeLimitMilliseconds = timeLimitMilliseconds
        self.rowCap = rowCap
    }

    /// The limits `borderlab sql` uses unless told otherwise, and the grader uses always.
    public static let standard = QueryLimits()
}
