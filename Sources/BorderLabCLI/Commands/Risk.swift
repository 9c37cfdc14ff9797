import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Risk: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "risk",
            abstract: "Payment risk: the shop's verification rule, fraud, chargebacks and the dispute ratio.",
            subcommands: [])
    }
}
