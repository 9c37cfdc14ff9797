import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct FX: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fx",
            abstract: "Currency: convert cash between currencies at the day's rate.",
            subcommands: [])
    }
}
