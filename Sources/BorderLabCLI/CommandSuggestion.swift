import ArgumentParser

/// "Did you mean `status`?": a mistyped command name gets the nearest real one instead of ArgumentParser's bare
/// "unexpected argument".
enum CommandSuggestion {
    /// The error for the first word of `arguments` that is not a command where one is expected, or nil when every
    /// command word is known (the parser then reports anything else itself).
    static func unknownCommand(in arguments: [String]) -> String? {
        var command: any ParsableCommand.Type = BorderLab.self
        var path = [BorderLab._commandName]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            // Only where a subcommand is required: a command with a default subcommand or none takes other words.
            guard !subcommands.isEmpty, command.configuration.defaultSubcommand == nil, !word.hasPrefix("-") else { return nil }
            if let next = subcommands.first(where: { names(of: $0).contains(word) }) {
                command = next
                path.append(next._commandName)
                continue
            }
            if word == "help" { return nil }
            let candidates = subcommands.map { $0._commandName }
            let ranked = candidates
                .map { ($0, editDistance(word.lowercased(), $0)) }
                .filter { $0.1 <= max(2, $0.0.count / 3) || $0.0.hasPrefix(word.lowercased()) }
                .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            let usage = path.joined(separator: " ")
            if let best = ranked.first {
                return "'\(word)' is not a `\(usage)` command. Did you mean `\(usage) \(best.0)`? (`\(usage) --help` lists them all.)"
            }
            return "'\(word)' is not a `\(usage)` command. It has: \(candidates.joined(separator: ", ")) (`\(usage) --help` says what each does)."
        }
        return nil
    }

    static func names(of command: any ParsableCommand.Type) -> [String] {
        [command._commandName] + command.configuration.aliases
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit ("stauts" is one edit from "status").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
