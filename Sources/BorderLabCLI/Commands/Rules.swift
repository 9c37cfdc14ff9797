import ArgumentParser
import BorderLabCore

extension BorderLab {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the tax and customs rules in force on a date, with their sources.")

        @OptionGroup var options: WorkspaceOptions

        @Option(help: "The date, YYYY-MM-DD (default: the workspace's current day, or today's rules at 2026-11-26 outside a workspace).")
        var date: String?

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let day: SimDate
            if let date {
                guard let parsed = SimDate(iso: date) else { throw CLIError("--date '\(date)' is not a date. Write YYYY-MM-DD.") }
                day = parsed
            } else if let world = try? options.open().1 {
                day = world.date()
            } else {
                day = SimDate(year: 2026, month: 11, day: 26)!
            }
            let rules = RuleBook.inForce(on: day)
            if json {
                struct Row: Encodable { let id, title, jurisdiction, effective_from: String; let effective_to: String?; let source, summary: String }
                print(Terminal.json(rules.map {
                    Row(id: $0.id, title: $0.title, jurisdiction: $0.jurisdiction, effective_from: $0.effectiveFrom.iso,
                        effective_to: $0.effectiveTo?.iso, source: $0.source, summary: $0.summary)
                }))
                return
            }
            print("Rules in force on \(day.iso):")
            for rule in rules {
                print("")
                print("\(rule.jurisdiction)  \(rule.title)  [\(rule.id)]")
                print("    from \(rule.effectiveFrom.iso)\(rule.effectiveTo.map { " to \($0.iso)" } ?? "")")
                print("    \(rule.summary)")
                print("    source: \(rule.source)")
            }
        }
    }
}
