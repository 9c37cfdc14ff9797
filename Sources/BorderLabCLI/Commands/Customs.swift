import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Customs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "customs",
            abstract: "Customs holds: parcels held for inspection or document mismatch, and their release.",
            subcommands: [List.self, Release.self, Policy.self])
    }
}

extension BorderLab.Customs {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", 
            abstract: "List the parcels customs holds now, with what to do about each.",
            discussion: """
            A three-document mismatch (三单对碰: order, payment and logistics records disagree) waits for you: release it \
            with `borderlab customs release ID` within 14 days, or the parcel is seized and the customer refunded. \
            An inspection clears by itself after 1–3 days.

            Examples:
              borderlab customs list
              borderlab customs list --all --json
            """)

        @OptionGroup var options: WorkspaceOptions
        @Flag(help: "Show every hold, also the released, cleared and seized ones.")
        var all = false
        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            let holds = all ? world.customsBook.holds : world.customsBook.held
            if json {
                struct Row: Encodable {
                    let id, day, order_id, units, days_held, due_day: Int
                    let sku, reason, status, next_step: String
                    let end_day, arrival_day: Int?
                    let charges: MoneyJSON
                }
                print(Terminal.json(holds.map {
                    Row(id: $0.id, day: $0.day, order_id: $0.orderID, units: $0.units, days_held: $0.daysHeld(today: world.day),
                        due_day: $0.dueDay, sku: $0.sku, reason: $0.reason.rawValue, status: $0.status.rawValue,
                        next_step: $0.nextStep, end_day: $0.endDay, arrival_day: $0.arrivalDay, charges: MoneyJSON($0.charges))
                }))
                return
            }
            if holds.isEmpty {
                print(all ? "Customs has held no parcel so far." : "Customs holds no parcel now. See past holds with: borderlab customs list --all")
                return
            }
            var header = ["ID", "DAY", "ORDER", "SKU", "UNITS", "REASON", "DAYS HELD"]
            if all { header.append("STATUS") }
            header.append("WHAT TO DO")
            print(Terminal.table(header, holds.map {
                var row = [String($0.id), String($0.day), String($0.orderID), $0.sku, String($0.units), $0.reason.rawValue,
                           String($0.daysHeld(today: world.day))]
                if all { row.append($0.status.rawValue) }
                row.append($0.nextStep)
                return row
            }), terminator: "")
        }
    }

    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "release", 
            abstract: "Correct the documents of a parcel held for a three-document mismatch, so it goes on to the customer.",
            discussion: """
            Costs a correction charge (\(CustomsPolicy.correctionCharge)). The parcel then needs the rest of its transit. \
            Inspections clear by themselves and cannot be released.

            Example:
              borderlab customs release 3
            """)

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The hold ID, from `borderlab customs list`.")
        var id: Int

        func run() throws {
            let world = try options.locate().perform(.releaseHold(id: id))
            let hold = world.customsBook.holds[id - 1]
            let arrival = hold.arrivalDay ?? world.day
            print("Released hold \(id): order \(hold.orderID) is on its way again, due at the customer on day \(arrival) (\(world.date(arrival).iso)). Correction charge: \(Terminal.money(hold.charges)).")
        }
    }
}

extension BorderLab.Customs {
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "policy", 
            abstract: "Standing rule: release every mismatch hold the day it appears (release), or leave them to you (off).",
            discussion: """
            Each release pays the correction charge (\(CustomsPolicy.correctionCharge)) as `customs release` would. \
            Inspections clear by themselves and need no rule.
            Examples:
              borderlab customs policy release
              borderlab customs policy off
            """)

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "release or off.")
        var value: String

        func validate() throws {
            guard value == "release" || value == "off" else { throw ValidationError("Give release or off, not '\(value)'.") }
        }

        func run() throws {
            let world = try options.locate().perform(.set(key: "customs.policy", value: value))
            print(value == "release"
                  ? "From day \(world.day), every parcel held for mismatched documents is released the day it is held (\(Terminal.money(CustomsPolicy.correctionCharge)) each)."
                  : "No standing customs rule now: release mismatch holds by hand with `borderlab customs release ID`.")
        }
    }
}
