import ArgumentParser
import Testing
@testable import BorderLabCLI

/// Every command names itself. Without `commandName`, ArgumentParser derives the name with `String(describing:)`,
/// whose first dynamic casts scan every protocol conformance of the binary: about 1.4 million instructions per
/// command, some 75 million (20–30 ms) at the start of every `borderlab` run — most of what `status` costs.
@Suite struct CommandNameTests {
    static func commands(_ root: ParsableCommand.Type) -> [ParsableCommand.Type] {
        [root] + root.configuration.subcommands.flatMap { commands($0) }
    }

    @Test func everyCommandHasAnExplicitName() {
        let all = Self.commands(BorderLab.self)
        #expect(all.count > 60)
        let unnamed = all.filter { $0.configuration.commandName == nil }.map { "\($0)" }
        #expect(unnamed.isEmpty, "commands without commandName: \(unnamed)")
    }
}
