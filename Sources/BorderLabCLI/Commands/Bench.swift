import ArgumentParser
import BorderLabStore
import Foundation

extension BorderLab {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "bench", 
            abstract: "Measure BorderLab on its standard workloads (build with -c release for real figures).",
            subcommands: [Sim.self, GradeBench.self, ExercisesBench.self])
    }
}

extension BorderLab.Bench {
    struct Sim: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sim", 
            abstract: "The simulation benchmark: 10,000 customers × 365 days × 200 listed SKUs, persisted to SQLite.",
            discussion: """
            Prints engine throughput (customer-days per second, world in memory), persistence throughput (rows per second)
            next to a bare prepared-statement insert loop into the same tables, end-to-end seconds, peak memory, and the
            median replay time of a 30-day, 500-customer exercise into an in-memory database.
            Targets: engine ≥ 100 million customer-days/s, persistence ≥ 70% of bare, peak ≤ 300 MB, replay ≤ 20 ms.
            """)

        @Flag(help: "Print one JSON object instead of text.")
        var json = false
        @Option(help: "Customers in the world.")
        var customers = 10_000
        @Option(help: "Days to simulate.")
        var days = 365
        @Option(help: "Listed SKUs.")
        var skus = 200
        @Option(help: "Engine and persistence runs (the median is reported).")
        var repeats = 5

        @Option(name: .customLong("min-seconds"), help: "Each engine measurement repeats the simulated period until it has lasted this long.")
        var minSeconds = 1.0

        @Flag(name: .customLong("engine-only"), help: "Measure the engine alone (no SQLite, no replay), e.g. under a profiler.")
        var engineOnly = false

        func validate() throws {
            guard customers > 0, days > 0, (1...2_000).contains(skus), (1...20).contains(repeats),
                  (0...60).contains(minSeconds) else {
                throw ValidationError("--customers and --days must be above zero, --skus 1–2000, --repeats 1–20, --min-seconds 0–60.")
            }
        }

        func run() throws {
            var config = SimulationBenchmark.Configuration()
            config.customers = customers; config.days = days; config.skus = skus; config.repeats = repeats
            config.minimumMeasurementSeconds = minSeconds
            config.engineOnly = engineOnly
            #if DEBUG
            Terminal.note("this is a debug build; benchmark figures need `swift run -c release borderlab bench sim`.")
            #endif
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-bench-\(getpid())").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let result = try SimulationBenchmark.run(config, folder: folder) { line in
                FileHandle.standardError.write(Data("bench: \(line)\n".utf8))
            }
            if json { print(Terminal.json(result)); return }
            func millions(_ v: Double) -> String { Terminal.decimal(v / 1_000_000, places: 1) + " M" }
            print("engine        \(millions(result.engineCustomerDaysPerSecond)) customer-days/s   (target ≥ 100 M; \(result.orders) orders)")
            print("persistence   \(millions(result.persistRowsPerSecond)) rows/s, bare \(millions(result.bareRowsPerSecond)) rows/s = \(Terminal.percent(result.persistRatio))   (target ≥ 70%)")
            print("end to end    \(Terminal.decimal(result.endToEndSeconds, places: 2)) s   (\(result.rows) rows)")
            print("peak memory   \(Terminal.decimal(result.peakRSSMegabytes)) MB   (target ≤ 300 MB)")
            print("replay        \(Terminal.decimal(result.replayMilliseconds, places: 2)) ms median   (target ≤ 20 ms)")
        }
    }
}
