import ArgumentParser
import BorderLabCore
import BorderLabExercises
import BorderLabStore
import Foundation

/// Runs the CLI and maps every failure to the documented exit codes: 1 for a failed verification,
/// 2 for bad usage or input (ArgumentParser's own 64 included), with the message on standard error.
public enum CLIRunner {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Int32 {
        // A value like "-5" or "-5 CNY" would otherwise be read as an unknown flag, with a misleading message.
        if arguments.first != "sql", arguments.first != "answer", let negative = arguments.first(where: { $0.count > 1 && $0.first == "-" && $0.dropFirst().first!.isNumber }) {
            Terminal.error("'\(negative)' is negative: quantities, prices, amounts, days and ids are positive. Give a positive value.")
            return 2
        }
        if let unknown = CommandSuggestion.unknownCommand(in: arguments) {
            Terminal.error(unknown)
            return 2
        }
        do {
            var command = try BorderLab.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as VerificationFailed {
            Terminal.error(error.message)
            return 1
        } catch let error as WorkspaceError {
            Terminal.error(error.description)
            return 2
        } catch let error as EngineError {
            Terminal.error(error.description)
            return 2
        } catch let error as MoneyParseError {
            Terminal.error(error.description)
            return 2
        } catch let error as QueryError {
            Terminal.error(error.description)
            return 2
        } catch let error as ScenarioFileError {
            Terminal.error(error.description)
            return 2
        } catch let error as ExerciseError {
            Terminal.error(error.description)
            return 2
        } catch let error as CLIError {
            Terminal.error(error.description)
            return 2
        } catch {
            let code = BorderLab.exitCode(for: error)
            let message = BorderLab.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                return 0
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

/// A verification that ran and found a problem (exit code 1).
struct VerificationFailed: Error {
    let message: String
}

/// A usage or input problem found by a command itself.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
