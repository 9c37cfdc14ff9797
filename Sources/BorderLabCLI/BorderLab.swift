import ArgumentParser
import BorderLabCore

/// The `borderlab` command: a cross-border e-commerce market on the student's own machine.
public struct BorderLab: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "borderlab",
        abstract: "A cross-border e-commerce sandbox: run a shop in a simulated world of suppliers, customers, customs and payments.",
        discussion: """
        Start with `borderlab tour` for a demo, or `borderlab new DIR --scenario cn-import` for your own workspace.
        Commands find the workspace from the current folder upward (like git); --workspace DIR overrides.
        Exit codes: 0 success, 1 a verification that failed, 2 bad usage or input.
        """,
        version: "borderlab \(BorderLabVersion.engine)",
        subcommands: [
            Tour.self, New.self, Status.self, Market.self, Shop.self, Advance.self, SQL.self, Log.self,
            Customs.self, FX.self, Risk.self, Tickets.self,
            Replay.self, Verify.self, Digest.self, Rules.self, Bench.self, Calibrate.self,
            Check.self, Hint.self, Answer.self, Progress.self, Next.self, Reset.self, Submit.self, Report.self, Exercises.self,
            Grade.self, Class.self,
        ]
    )

    public init() {}
}

/// The shared `--workspace` option.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace folder (default: the current folder or the nearest parent holding borderlab.yaml).")
    var workspace: String?
}

extension Channel: ExpressibleByArgument {}
extension CustomsMode: ExpressibleByArgument {}
