import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a workspace: a new world with its action log and SQL sandbox.",
            discussion: """
            Scenarios:
              cn-import      \(Scenario.cnImport.summary)
              global-export  \(Scenario.globalExport.summary)
            """)

        @Argument(help: "The folder to create (it must not exist yet, or be empty).")
        var directory: String

        @Option(help: "The world preset: cn-import or global-export.")
        var scenario: String

        @Option(help: "The random seed of the world (default 1). The same seed and actions always give the same world.")
        var seed: UInt64?

        @Option(help: "The business mode of the shop.")
        var mode: String = "b2c-comprehensive"

        @Option(help: "How many customer bots live in the world (default: the scenario's, 2000).")
        var customers: Int?

        @Option(name: .customLong("start-date"), help: "The first simulated day, YYYY-MM-DD (default: the scenario's).")
        var startDate: String?

        func validate() throws {
            guard Scenario.named(scenario) != nil else {
                throw ValidationError("Unknown scenario '\(scenario)'. Use one of: \(Scenario.all.map(\.id).joined(separator: ", ")).")
            }
            guard mode == "b2c-comprehensive" else {
                throw ValidationError("Mode '\(mode)' is not available yet. Use b2c-comprehensive (self-operated B2C).")
            }
            if let customers, !(1...200_000).contains(customers) {
                throw ValidationError("--customers must be between 1 and 200000.")
            }
            if let startDate {
                guard let date = SimDate(iso: startDate) else { throw ValidationError("--start-date '\(startDate)' is not a date. Write YYYY-MM-DD.") }
                guard date >= SimDate(year: 2019, month: 1, day: 1)!, date <= SimDate(year: 2035, month: 12, day: 31)! else {
                    throw ValidationError("--start-date must be between 2019-01-01 and 2035-12-31.")
                }
            }
        }

        func run() throws {
            let preset = Scenario.named(scenario)!
            let header = WorldHeader(seed: seed ?? 1, scenario: preset, mode: mode,
                                     startDate: startDate.flatMap(SimDate.init(iso:)), customers: customers)
            let (workspace, world) = try Workspace.create(at: directory, header: header)
            print("Created workspace \(workspace.root)")
            print("  scenario \(header.scenario) · mode \(header.mode) · seed \(header.seed)\(seed == nil ? " (default)" : "")")
            print("  starts \(header.startDate.iso) with \(Terminal.money(world.cash(preset.homeCurrency))) and \(header.customers) customers")
            print("")
            print("Next:")
            print("  cd \(directory)")
            print("  borderlab market offers            # what suppliers sell")
            print("  borderlab market quote SKU --qty N --channel C --customs MODE")
            print("  borderlab status                   # your shop at a glance")
        }
    }
}
