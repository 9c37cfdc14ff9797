import BorderLabCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `borderlab bench sim`: the standard workload of the foundation issue, measured in one process.
///
/// 10,000 customers × 365 days × 200 listed SKUs; each customer visits on a day with probability
/// 5% × the day's season factor and is shown 5 listed products; the orders are written to SQLite.
/// Wall-clock time is read here, outside the engine, and never feeds back into the world.
public enum SimulationBenchmark {
    public struct Configuration: Sendable {
        public var customers = 10_000
        public var days = 365
        public var skus = 200
        /// Engine and persistence runs; the median is reported.
        public var repeats = 5
        /// One engine measurement repeats the year until it has lasted at least this long: a single year takes
        /// 50–100 ms, too short to time on a shared machine.
        public var minimumMeasurementSeconds = 1.0
        /// Replay runs; the median is reported.
        public var replayRuns = 9
        /// Skip persistence and replay (for profiling the engine alone).
        public var engineOnly = false
        public init() {}
    }

    /// The figures `bench sim --json` prints.
    public struct Result: Encodable, Sendable {
        public let engineCustomerDaysPerSecond: Double
        public let persistRowsPerSecond: Double
        public let bareRowsPerSecond: Double
        public let endToEndSeconds: Double
        public let peakRSSMegabytes: Double
        public let replayMilliseconds: Double
        public let customers: Int
        public let days: Int
        public let skus: Int
        public let orders: Int
        public let rows: Int
        public let engineRunsSeconds: [Double]
        public let persistRatio: Double
        /// How many simulated years one engine measurement took to last ``Configuration/minimumMeasurementSeconds``.
        public let engineYearsPerMeasurement: Int

        enum CodingKeys: String, CodingKey {
            case engineCustomerDaysPerSecond = "engine_customer_days_per_s", persistRowsPerSecond = "persist_rows_per_s"
            case bareRowsPerSecond = "bare_rows_per_s", endToEndSeconds = "end_to_end_s", peakRSSMegabytes = "peak_rss_mb"
            case replayMilliseconds = "replay_ms", customers, days, skus, orders, rows
            case engineRunsSeconds = "engine_runs_s", persistRatio = "persist_ratio"
            case engineYearsPerMeasurement = "engine_years_per_measurement"
        }
    }

    /// The benchmark world at day 0: every SKU listed at typical retail and stocked in the bonded warehouse.
    public static func makeWorld(_ config: Configuration) throws -> World {
        let catalogue = Catalogue.scaled(toAtLeast: config.skus)
        var world = try World(header: WorldHeader(seed: 42, scenario: .cnImport, customers: config.customers), catalogue: catalogue)
        let products = catalogue.products.filter { catalogue.supplier($0.supplierID)!.country.code != "CN" && $0.positiveList }
        for product in products.prefix(config.skus) {
            try world.apply(.list(sku: product.id, price: product.typicalRetail))
            world.contributeStock(sku: product.id, units: 1_000_000, unitCost: product.typicalRetail.basisPoints(4_000))
        }
        return world
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Runs the whole benchmark. `log` receives one line per phase for progress output.
    public static func run(_ config: Configuration, folder: String, log: (String) -> Void) throws -> Result {
        let clock = ContinuousClock()
        var engineTimes: [Double] = [], persistRates: [Double] = [], bareRates: [Double] = []
        var endToEnd = 0.0, orders = 0, rows = 0, years = 0
        for run in 1...config.repeats {
            var start = clock.now
            var world = try makeWorld(config)
            // Repeat the workload until the measurement lasts long enough; the time per workload is reported.
            var engineTotal = 0.0
            years = 0
            while true {
                let engineStart = clock.now
                try world.apply(.advance(days: config.days))
                engineTotal += seconds(clock.now - engineStart)
                years += 1
                if engineTotal >= config.minimumMeasurementSeconds { break }
                start = clock.now
                world = try makeWorld(config)
            }
            let engineSeconds = engineTotal / Double(years)
            engineTimes.append(engineSeconds)
            orders = world.orders.count
            if config.engineOnly {
                log("run \(run)/\(config.repeats): engine \(format(engineSeconds)) s per period (\(years) repeated), \(orders) orders")
                continue
            }
            let path = folder + "/bench-\(run).sqlite"
            try? FileManager.default.removeItem(atPath: path)
            let persistStart = clock.now
            let queue = try DatabaseQueue(path: path)
            var rowsByTable: [(TableDoc, Int)] = []
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
                rows = try ProjectionWriter.write(world, meta: .init(header: world.header, logHead: "bench", actions: 0), into: db)
                for table in Schema.tables {
                    rowsByTable.append((table, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name)") ?? 0))
                }
            }
            let persistSeconds = seconds(clock.now - persistStart) // includes opening and schema creation
            try queue.close()
            endToEnd = seconds(clock.now - start)
            persistRates.append(Double(rows) / persistSeconds)
            let barePath = folder + "/bare-\(run).sqlite"
            try? FileManager.default.removeItem(atPath: barePath)
            let bareSeconds = try bareInsert(rowsByTable, path: barePath, clock: clock)
            bareRates.append(Double(rows) / bareSeconds)
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: barePath)
            log("run \(run)/\(config.repeats): engine \(format(engineSeconds)) s per period (\(years) repeated), \(orders) orders; persisted \(rows) rows in \(format(persistSeconds)) s (bare \(format(bareSeconds)) s)")
        }
        if config.engineOnly {
            let engine = median(engineTimes)
            return Result(engineCustomerDaysPerSecond: Double(config.customers * config.days) / engine, persistRowsPerSecond: 0,
                          bareRowsPerSecond: 0, endToEndSeconds: 0, peakRSSMegabytes: peakRSSMegabytes(), replayMilliseconds: 0,
                          customers: config.customers, days: config.days, skus: config.skus, orders: orders, rows: 0,
                          engineRunsSeconds: engineTimes, persistRatio: 0, engineYearsPerMeasurement: years)
        }
        var replayTimes: [Double] = []
        let exercise = replayExercise()
        for _ in 0..<config.replayRuns {
            let start = clock.now
            let world = try Workspace.replay(exercise)
            let queue = try DatabaseQueue()
            let written = try queue.writeWithoutTransaction { db in
                try ProjectionWriter.write(world, meta: .init(header: exercise.header, logHead: exercise.headHash, actions: exercise.actions.count), into: db)
            }
            precondition(written > 0, "the replayed projection is empty")
            replayTimes.append(seconds(clock.now - start) * 1000)
        }
        log("replay of a 30-day, 500-customer exercise: median \(format(median(replayTimes))) ms of \(config.replayRuns)")
        let engine = median(engineTimes)
        let persist = median(persistRates), bare = median(bareRates)
        return Result(
            engineCustomerDaysPerSecond: Double(config.customers * config.days) / engine,
            persistRowsPerSecond: persist, bareRowsPerSecond: bare, endToEndSeconds: endToEnd,
            peakRSSMegabytes: peakRSSMegabytes(), replayMilliseconds: median(replayTimes),
            customers: config.customers, days: config.days, skus: config.skus, orders: orders, rows: rows,
            engineRunsSeconds: engineTimes, persistRatio: persist / bare, engineYearsPerMeasurement: years)
    }

    /// The reference: the same tables, the same number of rows, bound from precomputed values through a
    /// prepared statement in one transaction, with the same pragmas.
    static func bareInsert(_ tables: [(TableDoc, Int)], path: String, clock: ContinuousClock) throws -> Double {
        let start = clock.now
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            for (table, _) in tables { try db.execute(sql: table.createSQL) }
            try db.inTransaction {
                for (table, count) in tables {
                    var insert = try SQLiteInserter(db, sql: table.insertSQL)
                    for i in 0..<count {
                        for column in table.columns {
                            switch column.type {
                            case "TEXT": insert.add("x")
                            case "REAL": insert.add(1.5)
                            default: insert.add(i)
                            }
                        }
                        try insert.row()
                    }
                    insert.finalize()
                }
                return .commit
            }
        }
        try queue.close()
        return seconds(clock.now - start)
    }

    /// A typical exercise log: a cn-import shop of 500 customers that stocks ten products and runs 30 days.
    public static func replayExercise() -> ActionLog {
        let header = WorldHeader(seed: 7, scenario: .cnImport, customers: 500)
        let world = try! World(header: header)
        var actions = world.demoShopActions()
        actions += [.advance(days: 10), .advance(days: 10), .advance(days: 10)]
        var logged: [LoggedAction] = []
        var previous = ActionLog.hash(ActionLog.headerLine(header))
        var replayWorld = world
        for (i, action) in actions.enumerated() {
            let line = ActionLog.line(for: action, sequence: i + 1, day: replayWorld.day, previousHash: previous)
            logged.append(LoggedAction(sequence: i + 1, day: replayWorld.day, previousHash: previous, action: action))
            try! replayWorld.apply(action)
            previous = ActionLog.hash(line)
        }
        return ActionLog(header: header, actions: logged, headHash: previous)
    }

    /// The process's peak resident set size, in MB (Linux reports ru_maxrss in KiB, macOS in bytes).
    public static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }

    static func format(_ value: Double) -> String {
        let scaled = Int((value * 1000).rounded())
        return "\(scaled / 1000).\(String(scaled % 1000).leftPad(3))"
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
