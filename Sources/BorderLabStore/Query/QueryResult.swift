/// One value of a result row, with SQLite's storage class.
public enum QueryCell: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// The rows a student query returned.
public struct QueryResult: Sendable, Equatable {
    /// Column names, in the order of the SELECT (names may repeat).
    public let columns: [String]
    /// Rows, each with one cell per column.
    public let rows: [[QueryCell]]
    /// True when the row cap stopped reading before the query ran out of rows.
    public let truncated: Bool

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - columns: Column names.
    ///   - rows: Rows, each with one cell per column.
    ///   - truncated: Whether the row cap stopped reading.
    public init(columns: [String], rows: [[QueryCell]], truncated: Bool) {
        self.columns = columns
        self.rows = rows
        self.truncated = truncated
    }
}

/// How ``QueryResult/formatted(_:)`` writes a result.
public enum QueryFormat: String, CaseIterable, Sendable {
    /// Aligned columns with a header, a dashed separator and a row count (like sqlite3's column mode).
    case table
    /// RFC 4180: a header record, CRLF line ends, fields quoted when they hold `,` `"` CR or LF.
    case csv
    /// `{"columns":[…],"rows":[[…]],"truncated":false}` on one line.
    case json
}

extension QueryResult {
    /// Writes the result in the given format.
    ///
    /// NULL is `NULL` in a table, an empty field in CSV and `null` in JSON; blobs are lowercase hex.
    ///
    /// - Parameter format: Table, CSV or JSON.
    /// - Returns: The text, ending with a line break (table, CSV) or not (JSON).
    public func formatted(_ format: QueryFormat) -> String {
        switch format {
        case .table: return tableText()
        case .csv: return csvText()
        case .json: return jsonText()
        }
    }

    // MARK: - Table

    private func tableText() -> String {
        let header = columns.map(Self.tableEscaped)
        let body = rows.map { $0.map { Self.tableEscaped(Self.plainText($0, null: "NULL")) } }
        var widths = header.map(Self.displayWidth)
        for row in body {
            for (index, text) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.displayWidth(text))
            }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, text in
                text + String(repeating: " ", count: max(0, widths[index] - Self.displayWidth(text)))
            }
            var text = padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        var out = ""
        if !columns.isEmpty {
            out += line(header)
            out += line(widths.map { String(repeating: "-", count: max(1, $0)) })
            for row in body { out += line(row) }
        }
        let noun = rows.count == 1 ? "row" : "rows"
        if truncated {
            out += "(\(rows.count) \(noun), truncated at \(rows.count); add LIMIT or narrow the WHERE)\n"
        } else {
            out += "(\(rows.count) \(noun))\n"
        }
        return out
    }

    /// Replaces characters that would break a table line with visible escapes.
    private static func tableEscaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(hex(scalar.value))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Terminal columns a string takes: East Asian wide and fullwidth characters (Chinese, Japanese,
    /// Korean, most emoji) count two, every other Character one.
    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { total, character in
            guard let scalar = character.unicodeScalars.first else { return total }
            return total + (isWide(scalar.value) ? 2 : 1)
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,  // Hangul Jamo initials
            0x2E80...0x303E,  // CJK radicals, punctuation
            0x3041...0x33FF,  // kana, CJK symbols
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xA000...0xA4CF,  // Yi
            0xAC00...0xD7A3,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFE30...0xFE4F,  // CJK compatibility forms
            0xFF00...0xFF60,  // fullwidth forms
            0xFFE0...0xFFE6,
            0x1F300...0x1F64F,  // emoji
            0x1F900...0x1F9FF,
            0x20000...0x3FFFD:  // CJK extensions B and later
            return true
        default:
            return false
        }
    }

    // MARK: - CSV

    private func csvText() -> String {
        var out = columns.map(Self.csvField).joined(separator: ",") + "\r\n"
        for row in rows {
            out += row.map { Self.csvField(Self.plainText($0, null: "")) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    private static func csvField(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    // MARK: - JSON

    private func jsonText() -> String {
        let columnList = columns.map(Self.jsonString).joined(separator: ",")
        let rowList = rows.map { "[" + $0.map(Self.jsonValue).joined(separator: ",") + "]" }.joined(separator: ",")
        return "{\"columns\":[\(columnList)],\"rows\":[\(rowList)],\"truncated\":\(truncated)}"
    }

    private static func jsonValue(_ cell: QueryCell) -> String {
        switch cell {
        case .null: return "null"
        case .integer(let value): return String(value)
        case .real(let value): return value.isFinite ? realText(value) : "null"
        case .text(let value): return jsonString(value)
        case .blob(let bytes): return "\"" + hexText(bytes) + "\""
        }
    }

    /// A JSON string literal: quotes and backslashes escaped, control characters as `\u00XX`.
    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let digits = hex(scalar.value)
                out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // MARK: - Cells as text

    private static func plainText(_ cell: QueryCell, null: String) -> String {
        switch cell {
        case .null: return null
        case .integer(let value): return String(value)
        case .real(let value): return realText(value)
        case .text(let value): return value
        case .blob(let bytes): return hexText(bytes)
        }
    }

    /// Shortest text that reads back as the same Double (`0.1`, `129.5`, `1e+20`, `inf`).
    private static func realText(_ value: Double) -> String {
        value.description
    }

    private static func hexText(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return out
    }

    private static func hex(_ value: UInt32) -> String {
        String(value, radix: 16, uppercase: false)
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
