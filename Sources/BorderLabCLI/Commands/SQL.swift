import ArgumentParser
import BorderLabStore

extension BorderLab {
    struct SQL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Query the world's tables with SQL (read-only, one statement, time-limited).",
            discussion: "See every table and column with `borderlab sql --schema`.")

        @OptionGroup var options: WorkspaceOptions

        @Argument(help: "One SELECT (or WITH … SELECT) statement.")
        var query: String?

        @Flag(help: "Describe every table and column, with types and units, and the ledger's accounts.")
        var schema = false

        @Option(help: "Output format: table, csv (RFC 4180, CRLF line ends; pipe through `tr -d '\\r'` for shell loops) or json.")
        var format: QueryFormat = .table

        @Option(name: .customLong("time-limit"), help: "Stop the query after this many milliseconds.")
        var timeLimit: Int = 2_000

        @Option(name: .customLong("max-rows"), help: "Return at most this many rows.")
        var maxRows: Int = 10_000

        func validate() throws {
            if schema == (query != nil) {
                throw ValidationError(schema ? "Give either a query or --schema, not both." : "Give a query, e.g. borderlab sql \"SELECT COUNT(*) FROM orders\", or --schema.")
            }
            guard timeLimit > 0, maxRows > 0 else { throw ValidationError("--time-limit and --max-rows must be above zero.") }
        }

        func run() throws {
            if schema { print(Schema.documentation, terminator: ""); return }
            let (workspace, _) = try options.open()
            let (text, result) = try QuerySandbox.runFormatted(query!, databaseAt: workspace.sandboxPath,
                                                               limits: QueryLimits(timeLimitMilliseconds: timeLimit, rowCap: maxRows),
                                                               format: format)
            print(text, terminator: format == .json ? "\n" : "")
            if result.truncated && format != .table {
                Terminal.note("stopped at \(maxRows) rows; add LIMIT, narrow the WHERE, or raise --max-rows.")
            }
        }
    }
}

extension QueryFormat: ExpressibleByArgument {}
