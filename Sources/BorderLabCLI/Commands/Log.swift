import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the actions taken so far, in order.")

        @OptionGroup var options: WorkspaceOptions
        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let workspace = try options.locate()
            let (world, log, notes) = try workspace.open()
            for note in notes { Terminal.note(note) }
            if json {
                struct Row: Encodable { let seq: Int; let day: Int; let date: String; let kind: String; let summary: String }
                struct Out: Encodable { let format_version: Int; let seed: UInt64; let scenario: String; let actions: [Row] }
                print(Terminal.json(Out(format_version: log.header.formatVersion, seed: log.header.seed, scenario: log.header.scenario,
                                        actions: log.actions.map { Row(seq: $0.sequence, day: $0.day, date: world.date($0.day).iso, kind: $0.action.kind, summary: $0.action.summary) })))
                return
            }
            print("Workspace \(workspace.root): \(log.header.scenario), seed \(log.header.seed), from \(log.header.startDate.iso)")
            if log.actions.isEmpty { print("No actions yet."); return }
            for entry in log.actions {
                print("  \(String(entry.sequence).leftPadded(4))  day \(String(entry.day).leftPadded(3)) (\(world.date(entry.day).iso))  \(entry.action.summary)")
            }
        }
    }

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "replay", abstract: "Rebuild sandbox.sqlite from the action log.")

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let workspace = try options.locate()
            let world = try workspace.replay(progress: Terminal.progress(label: "replay", minimum: 180))
            print("Rebuilt \(workspace.sandboxPath) from actions.jsonl: day \(world.day) (\(world.date().iso)).")
            print("digest \(try workspace.digest())")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", 
            abstract: "Check the workspace: hash chain intact, borderlab.yaml matches, replay equals the stored state.",
            discussion: "Exits 0 when intact, 1 when a check fails (naming the first bad line, or the first differing table and row).")

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            switch try options.locate().verify() {
            case .intact(let actions, let digest):
                print("OK: chain intact (\(actions) actions), borderlab.yaml matches, replay equals sandbox.sqlite.")
                print("digest \(digest)")
            case .logBroken(let message):
                throw VerificationFailed(message: "log: \(message)")
            case .yamlDiffers(let message):
                throw VerificationFailed(message: "borderlab.yaml: \(message)")
            case .stateDiffers(let message):
                let fix = message.contains("borderlab replay") || message.contains("borderlab status") ? "" : ". If the log is yours and intact, `borderlab replay` rebuilds sandbox.sqlite from it."
                throw VerificationFailed(message: "state differs: \(message)\(fix)")
            }
        }
    }

    struct Digest: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "digest", abstract: "Print the SHA-256 of the world state (equal digests mean equal worlds).")

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            print(try options.locate().digest())
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
