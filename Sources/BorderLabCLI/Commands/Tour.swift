import ArgumentParser
import BorderLabCore
import BorderLabStore
import Foundation

extension BorderLab {
    struct Tour: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tour", 
            abstract: "A guided demo: create a workspace, stock a shop, set standing rules, run 30 days of customers, show the KPIs.",
            discussion: "Without DIR, the workspace goes to a new temporary folder whose path is printed.")

        @Argument(help: "Where to create the demo workspace (a new or empty folder).")
        var directory: String?

        @Option(help: "The world preset: cn-import or global-export.")
        var scenario = "cn-import"

        @Option(help: "The random seed of the world.")
        var seed: UInt64 = 1

        @Option(help: "The shop's business mode (see `borderlab new --help` for the pairs).")
        var mode = "b2c-comprehensive"

        @Option(help: "How many days to simulate.")
        var days = 30

        func validate() throws {
            guard Scenario.named(scenario) != nil else {
                throw ValidationError("Unknown scenario '\(scenario)'. Use one of: \(Scenario.all.map(\.id).joined(separator: ", ")).")
            }
            guard (1...3660).contains(days) else { throw ValidationError("--days must be between 1 and 3660.") }
            let modes = ShopMode.modes(for: Scenario.named(scenario)!)
            guard let shopMode = ShopMode(rawValue: mode), modes.contains(shopMode) else {
                let other = ShopMode.scenario(offering: mode, besides: Scenario.named(scenario)!)
                throw ValidationError("'\(mode)' is not a mode of \(scenario). Use one of: \(modes.map(\.rawValue).joined(separator: ", "))"
                                      + (other.map { ", or add --scenario \($0.id) for \(mode)." } ?? "."))
            }
        }

        func run() throws {
            let folder = try directory ?? Self.temporaryFolder()
            let preset = Scenario.named(scenario)!
            let (workspace, world) = try Workspace.create(at: folder, header: WorldHeader(seed: seed, scenario: preset, mode: mode))
            print("BorderLab tour · \(preset.id): \(preset.summary)")
            print("Workspace: \(workspace.root)  (seed \(seed), starting \(world.header.startDate.iso) with \(Terminal.money(world.cash(preset.homeCurrency))))")
            print("")
            print(world.mode == .b2cComprehensive
                  ? "1. Stocking a demo shop: two products per category in bulk by sea into the \(preset.isImport ? "1210 bonded zone" : "9810 overseas warehouses"), listed at the going price"
                  : "1. Opening a demo \(world.mode.rawValue) shop: \(world.mode.summary(in: world.scenario))")
            var stocked = world
            for action in world.demoActions() {
                let (after, outcome) = try workspace.performWithOutcome(action)
                stocked = after
                if case .purchaseOrder(let id) = outcome {
                    let po = after.purchaseOrders[id - 1]
                    print("   bought \(po.quantity) × \(po.sku) via \(po.channel.rawValue)/\(po.customs.rawValue) for \(Terminal.money(po.landedHome)), arrives day \(po.arrivalDay)")
                } else if world.mode != .b2cComprehensive || { if case .set = action { true } else { false } }() {
                    print("   \(action.summary)")
                }
            }
            for listing in stocked.listings where listing.active {
                if let loss = BorderLab.Shop.costShortfall(stocked, sku: listing.sku, price: listing.price) {
                    print("   \(listing.sku): \(loss)")
                }
            }
            print("")
            print("2. Setting standing rules, so routine tickets and customs holds need no one:")
            for action in stocked.sensibleStandingRules() {
                stocked = try workspace.perform(action)
                print("   \(action.summary)")
            }
            print("")
            print("3. Running \(days) days of customer bots; `advance` stops whenever something new needs you…")
            var before: World?
            var after = stocked
            while after.day < stocked.day + days {
                let left = stocked.day + days - after.day
                let step = try workspace.commit { (world: inout World) throws(EngineError) in
                    let result = try world.advance(upTo: left, progress: Terminal.progress(label: "tour", minimum: 1))
                    return (Action.advance(days: result.daysRun), result)
                }
                before = before ?? step.before
                after = step.after
                for item in step.result.attention {
                    print("   stop on \(after.date(after.day - 1).iso): " + Terminal.wrap(after.advice(item), width: 78, indent: "      ").dropFirst(6))
                }
                if !step.result.attention.isEmpty { print("      (the tour goes on; in your shop you would act now)") }
            }
            let answered = after.serviceBook.tickets.filter(\.byPolicy).count
            let released = after.customsBook.holds.filter { $0.reason == .mismatch && $0.status != .held && $0.endDay == $0.day }.count
            print("   the rules answered \(Terminal.count(answered, "ticket")) and released \(Terminal.count(released, "customs hold")) on the day they came")
            print("")
            print(AdvanceSummary.render(before: before ?? stocked, after: after))
            print("")
            print("What to try next:")
            print("  cd \(workspace.root)")
            for line in Self.suggestions(after) {
                print("  " + line)
            }
        }

        /// The commands worth trying after the tour, for the shop's mode: only commands the mode accepts.
        static func suggestions(_ world: World) -> [String] {
            let mode = world.mode, preset = world.scenario
            let sku = world.listings.first?.sku ?? "SKU"
            let quantity = max(50, world.product(sku)?.moq ?? 50)
            var lines = ["borderlab status                                   # the shop at a glance (--json for scripts)"]
            switch mode {
            case .b2cComprehensive, .b2cVertical:
                lines += ["borderlab shop listings                            # prices, stock, ratings",
                          "borderlab market offers\(mode == .b2cVertical ? "" : " --category cosmetics")",
                          "borderlab market quote \(sku) --qty \(quantity) --channel sea-freight --customs \(preset.isImport ? "1210" : "9810")\(preset.isImport ? "" : " --warehouse US")",
                          "borderlab tickets list                             # customers waiting for an answer (reply within a day)",
                          "borderlab customs list                             # parcels customs holds: release them"]
            case .daigou:
                lines += ["borderlab shop listings                            # prices, orders, ratings",
                          "borderlab shop set daigou.circle_of_friends on     # repeat buyers, more customs risk",
                          "borderlab tickets list                             # customers waiting for an answer (reply within a day)",
                          "borderlab customs list                             # parcels customs holds: release them"]
            case .directDelivery:
                lines += ["borderlab shop listings                            # prices, orders, ratings",
                          "borderlab market suppliers                         # who else to sign with `borderlab shop sign`",
                          "borderlab shop set platform.commission 15",
                          "borderlab tickets list                             # customers waiting for an answer (reply within a day)"]
            case .rebate:
                lines += ["borderlab shop listings                            # promoted products",
                          "borderlab sql \"SELECT * FROM traffic ORDER BY day DESC LIMIT 7\"   # bought clicks and bots",
                          "borderlab sql \"SELECT status, COUNT(*) FROM rebate_attributions GROUP BY status\"",
                          "borderlab shop set rebate.share 40"]
            case .b2bPlatform:
                lines += ["borderlab shop settings                            # commission and registration fee",
                          "borderlab sql \"SELECT side, COUNT(*) FROM platform_members WHERE left_day IS NULL GROUP BY side\"",
                          "borderlab sql \"SELECT customs_mode, COUNT(*), SUM(value_minor)/100 AS usd FROM platform_trades GROUP BY customs_mode\"",
                          "borderlab shop set platform.registration_fee \"8000 CNY\""]
            }
            if mode.sellsRetail {
                lines += ["borderlab sql \"SELECT date, visits, orders FROM daily_stats ORDER BY day\"",
                          "borderlab risk show                                # fraud, chargebacks and the dispute ratio"]
            }
            lines += ["borderlab sql --schema                             # every table of the big-data platform",
                      "borderlab tickets policy                           # the standing rules the tour set",
                      "borderlab advance --days 30                        # keep going: it stops when you are needed",
                      "borderlab verify                                   # the log replays to the same world"]
            return lines
        }

        static func temporaryFolder() throws -> String {
            var template = Array((FileManager.default.temporaryDirectory.path + "/borderlab-tour-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else { throw CLIError("Cannot create a temporary folder; give a DIR instead.") }
            return String(cString: made)
        }
    }
}
