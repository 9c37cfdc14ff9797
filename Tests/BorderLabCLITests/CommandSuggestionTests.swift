import Testing
@testable import BorderLabCLI

/// A mistyped command gets the nearest real one, at the level where it was mistyped; real commands pass untouched.
@Suite struct CommandSuggestionTests {
    @Test(arguments: [
        (["stauts"], "Did you mean `borderlab status`?"),
        (["adv", "--days", "3"], "Did you mean `borderlab advance`?"),
        (["tickts", "list"], "Did you mean `borderlab tickets`?"),
        (["market", "qoute", "JP-COS-01"], "Did you mean `borderlab market quote`?"),
        (["shop", "lisitngs"], "Did you mean `borderlab shop listings`?"),
    ])
    func mistypedCommandsGetTheNearestOne(arguments: [String], expected: String) throws {
        let message = try #require(CommandSuggestion.unknownCommand(in: arguments))
        #expect(message.contains(expected), "\(message)")
    }

    @Test func aWordFarFromEveryCommandListsThemAll() throws {
        let message = try #require(CommandSuggestion.unknownCommand(in: ["xyzzy"]))
        #expect(!message.contains("Did you mean"))
        #expect(message.contains("status") && message.contains("advance") && message.contains("tickets"))
    }

    @Test(arguments: [
        ["status", "--json"], ["market", "quote", "JP-COS-01", "--qty", "5"], ["--help"], ["help", "status"],
        ["sql", "SELECT 1"], ["new", "shop"], ["tour"], [],
    ])
    func realCommandsAndTheirArgumentsPass(arguments: [String]) {
        #expect(CommandSuggestion.unknownCommand(in: arguments) == nil)
    }

    /// Exit code 2 (bad usage), as for every other usage error.
    @Test func theRunnerExitsTwo() {
        #expect(CLIRunner.main(["stauts"]) == 2)
    }

    @Test(arguments: [("status", "status", 0), ("stauts", "status", 1), ("advnce", "advance", 1), ("", "log", 3)])
    func editDistanceCountsATranspositionOnce(a: String, b: String, distance: Int) {
        #expect(CommandSuggestion.editDistance(a, b) == distance)
    }
}
