import BorderLabCore
import Foundation

/// Output helpers: data to standard output, notes, progress and errors to standard error.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("note: \(message)\n".utf8))
    }

    /// A progress reporter for long simulations: a line at most every 10% (and the last day), on standard error.
    static func progress(label: String, minimum: Int = 30) -> (Int, Int) -> Void {
        var lastShown = -1
        return { done, total in
            guard total >= minimum else { return }
            let tenth = done * 10 / total
            if tenth != lastShown || done == total {
                lastShown = tenth
                FileHandle.standardError.write(Data("\(label): day \(done)/\(total) (\(done * 100 / total)%)\n".utf8))
            }
        }
    }

    /// JSON with sorted keys, one object.
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    /// Thousands separators for a money amount: `459,812.34 CNY`.
    static func money(_ money: Money) -> String {
        let text = money.amountString
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + grouped + fraction + " " + money.currency.rawValue
    }

    /// Wraps text at word boundaries to lines of at most `width` characters, each after `indent` (help texts keep
    /// their indentation this way: ArgumentParser's own wrapping starts wrapped lines at the margin).
    static func wrap(_ text: String, width: Int = 78, indent: String) -> String {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && indent.count + line.count + 1 + word.count > width {
                lines.append(indent + line); line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines.joined(separator: "\n")
    }

    /// "1 ticket", "3 tickets": a count with its noun in the right number (plural by adding s unless given).
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))%"
    }

    static func decimal(_ value: Double, places: Int = 1) -> String {
        let places = max(0, min(places, 9))
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let whole = abs(scaled) / scale
        guard places > 0 else { return sign + String(whole) }
        let fraction = String(abs(scaled) % scale)
        return "\(sign)\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A plain aligned table.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
        var out = line(header) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
