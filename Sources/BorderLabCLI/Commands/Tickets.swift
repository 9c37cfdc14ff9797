import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Tickets: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tickets",
            abstract: "Customer service: tickets with SLA clocks, and the shop's replies.",
            subcommands: [])
    }
}
