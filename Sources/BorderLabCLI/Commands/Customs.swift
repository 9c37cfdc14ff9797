import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Customs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "customs",
            abstract: "Customs holds: parcels held for inspection or document mismatch, and their release.",
            subcommands: [])
    }
}
