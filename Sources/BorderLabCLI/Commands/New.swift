import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "new", 
            abstract: "Create a workspace: a new world with its action log and SQL sandbox.",
            discussion: New.discussion)

        static var discussion: String {
            var text = """
            Scenarios (--scenario takes a preset name or an instructor's scenario
            file, e.g. scenarios/peak-season-shocks.yaml):
              cn-import
            \(Terminal.wrap(Scenario.cnImport.summary, indent: "      "))
              global-export
            \(Terminal.wrap(Scenario.globalExport.summary, indent: "      "))

            Modes (--mode; the valid scenario × mode pairs):

            """
            for scenario in Scenario.all {
                for mode in ShopMode.modes(for: scenario) {
                    text += "  \(scenario.id) --mode \(mode.rawValue)\n" + Terminal.wrap(mode.summary(in: scenario), indent: "      ") + "\n"
                }
            }
            text += """

            Examples:
              borderlab new shop --scenario cn-import --mode daigou --seed 7
              borderlab new shop --scenario scenarios/peak-season-shocks.yaml
              borderlab new landed-cost --exercise cbec-101/landed-cost-routes --student 2026001
                (an exercise: the world, your own variant and a README with your tasks;
                 `borderlab exercises list` shows the exercises)
            """
            return text
        }

        @Argument(help: "The folder to create (it must not exist yet, or be empty).")
        var directory: String

        @Option(help: "The world: a preset (cn-import, global-export) or a scenario file (.yaml) with scheduled events.")
        var scenario: String?

        @Option(help: "Start an exercise instead: COURSE/EXERCISE (see `borderlab exercises list`). Its world is fixed, so --scenario, --mode, --seed, --customers and --start-date are refused.")
        var exercise: String?

        @Option(help: "Your student id (with --exercise): your variant of the exercise is drawn from it.")
        var student: String?

        @OptionGroup var exerciseOptions: ExerciseOptions

        @Option(help: "The random seed of the world (default: the scenario file's, else 1). The same seed and actions always give the same world.")
        var seed: UInt64?

        @Option(help: "The business mode of the shop (default: the scenario file's, else b2c-comprehensive). The valid scenario × mode pairs are listed above.")
        var mode: String?

        @Option(help: "How many customer bots live in the world (default: the scenario's, 2000).")
        var customers: Int?

        @Option(name: .customLong("start-date"), help: "The first simulated day, YYYY-MM-DD (default: the scenario's).")
        var startDate: String?

        func validate() throws {
            if exercise != nil {
                let given = [("--scenario", scenario != nil), ("--mode", mode != nil), ("--seed", seed != nil),
                             ("--customers", customers != nil), ("--start-date", startDate != nil)].filter(\.1).map(\.0)
                if !given.isEmpty {
                    throw ValidationError("\(given.joined(separator: ", ")) cannot be used with --exercise: the exercise fixes its world and your variant.")
                }
                if student == nil { throw ValidationError("--exercise needs --student ID (your student id).") }
                return
            }
            if student != nil { throw ValidationError("--student goes with --exercise COURSE/EXERCISE.") }
            if scenario == nil { throw ValidationError("Give --scenario (cn-import, global-export or a scenario file), or --exercise COURSE/EXERCISE --student ID.") }
            if let customers, !(1...200_000).contains(customers) {
                throw ValidationError("--customers must be between 1 and 200000.")
            }
            if let startDate {
                guard let date = SimDate(iso: startDate) else { throw ValidationError("--start-date '\(startDate)' is not a date. Write YYYY-MM-DD.") }
                guard date >= World.earliestStart, date <= World.latestStart else {
                    throw ValidationError("--start-date must be between \(World.earliestStart.iso) and \(World.latestStart.iso).")
                }
            }
        }

        func run() throws {
            if let exercise, let student {
                try ExerciseCommands.create(directory: directory, qualified: exercise, student: student, options: exerciseOptions)
                return
            }
            let scenario = self.scenario ?? ""
            let file: ScenarioFile
            if let preset = Scenario.named(scenario) {
                file = ScenarioFile(preset: preset)
            } else if scenario.hasSuffix(".yaml") || scenario.hasSuffix(".yml") || scenario.contains("/") {
                file = try ScenarioFile.load(path: scenario)
            } else {
                throw CLIError("Unknown scenario '\(scenario)'. Use cn-import, global-export, or the path of a scenario file (.yaml).")
            }
            let preset = file.scenario
            let modeName = mode ?? file.mode ?? ShopMode.b2cComprehensive.rawValue
            let modes = ShopMode.modes(for: preset)
            guard let shopMode = ShopMode(rawValue: modeName), modes.contains(shopMode) else {
                // A file's mode was checked when it was read; this is the --mode option.
                let other = ShopMode.scenario(offering: modeName, besides: preset)
                throw CLIError("--mode '\(modeName)' is not a mode of the \(preset.id) scenario. Use one of: \(modes.map(\.rawValue).joined(separator: ", "))"
                               + (other.map { ", or choose --scenario \($0.id) for \(modeName)" } ?? "") + " (see `borderlab new --help`).")
            }
            let chosenSeed = seed ?? file.seed
            let header = WorldHeader(seed: chosenSeed ?? 1, scenario: preset, mode: shopMode.rawValue,
                                     startDate: startDate.flatMap(SimDate.init(iso:)) ?? file.startDate,
                                     customers: customers ?? file.customers, events: file.events)
            // Checked before anything is written: a refused file or start date leaves no workspace behind.
            try file.checkEventDates(startDate: header.startDate, path: scenario, option: startDate == nil ? nil : "--start-date")
            let (workspace, world) = try Workspace.create(at: directory, header: header)
            print("Created workspace \(workspace.root)")
            print("  scenario \(header.scenario) · mode \(header.mode) · seed \(header.seed)\(chosenSeed == nil ? " (default)" : "")")
            print("  starts \(header.startDate.iso) with \(Terminal.money(world.cash(preset.homeCurrency))) and \(header.customers) customers")
            if !header.events.isEmpty {
                print("  \(header.events.count) scheduled event\(header.events.count == 1 ? "" : "s") from \(scenario) (they appear in the events table on their day)")
            }
            print("  mode: \(shopMode.summary(in: preset))")
            print("")
            print("Next:")
            print("  cd \(directory)")
            for line in New.nextSteps(shopMode) { print("  " + line) }
            if shopMode.sellsRetail {
                print("  borderlab tickets policy           # standing rules answer routine tickets; see `--help`")
                print("  borderlab advance --days 30        # stops early when something needs you")
            }
            print("  borderlab status                   # your shop at a glance")
        }

        static func nextSteps(_ mode: ShopMode) -> [String] {
            switch mode {
            case .b2cComprehensive, .b2cVertical:
                ["borderlab market offers            # what suppliers sell",
                 "borderlab market quote SKU --qty N --channel C --customs MODE",
                 "borderlab market buy SKU --qty N --channel C --customs MODE",
                 "borderlab shop add SKU --price \"AMOUNT CUR\""]
            case .daigou:
                ["borderlab market offers            # what you can buy abroad for customers",
                 "borderlab market quote SKU --qty 1 # what one order earns: shelf price, fee, parcel, tax, margin",
                 "borderlab shop add SKU --price \"AMOUNT CNY\"   # bought abroad only when a customer orders",
                 "borderlab shop set daigou.service_fee 10"]
            case .directDelivery:
                ["borderlab market suppliers         # who you could sign",
                 "borderlab shop sign SUPPLIER       # a supply agreement (up-front onboarding cost)",
                 "borderlab shop add SKU --price \"AMOUNT CNY\"",
                 "borderlab shop set platform.commission 12"]
            case .rebate:
                ["borderlab market offers            # what merchants sell",
                 "borderlab shop add SKU             # promote a product (merchants set prices)",
                 "borderlab shop set rebate.share 50",
                 "borderlab shop set rebate.ad_budget \"300 CNY\""]
            case .b2bPlatform:
                ["borderlab shop set platform.commission 3",
                 "borderlab shop set platform.registration_fee \"5000 CNY\"",
                 "borderlab advance --days 30"]
            }
        }
    }
}
