import Foundation

/// Writing CSV cells the way spreadsheets and LMS importers read them (RFC 4180).
enum CSVText {
    /// One row: cells quoted where they hold a comma, a quote or a line break; lines end with CRLF, which
    /// Excel, Canvas and Moodle all accept.
    static func row(_ cells: [String]) -> String {
        cells.map(quote).joined(separator: ",") + "\r\n"
    }

    static func quote(_ cell: String) -> String {
        let needs = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needs ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    /// Free text from students or LMS exports (names, reasons, feedback) that a spreadsheet would run as a formula
    /// (`=`, `+`, `-`, `@`, tab or CR first) gets a leading apostrophe (OWASP "CSV injection").
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    /// A score with at most two decimals and no trailing zeros ("7", "7.5", "7.25"), a dot as decimal separator.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
