/// Minimal HTML building: escaping, and nothing that could load from outside the file.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    static func fixed(_ value: Double, _ places: Int = 2) -> String {
        let scale = places == 0 ? 1.0 : places == 1 ? 10.0 : places == 2 ? 100.0 : 1000.0
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale), fraction = scaled % Int(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return "\(sign)\(whole)" }
        let digits = String(fraction)
        return "\(sign)\(whole).\(String(repeating: "0", count: places - digits.count))\(digits)"
    }
}

/// Charts drawn as inline SVG, so the report is one file that opens anywhere, offline.
enum SVGChart {
    /// A histogram of values in [0, max] with `bins` bars.
    static func histogram(_ values: [Double], max: Double, bins: Int = 10, width: Int = 520, height: Int = 180) -> String {
        var counts = [Int](repeating: 0, count: bins)
        for v in values {
            let i = max > 0 ? Swift.min(bins - 1, Swift.max(0, Int(v / max * Double(bins)))) : 0
            counts[i] += 1
        }
        let top = Swift.max(1, counts.max() ?? 1)
        let barWidth = Double(width - 40) / Double(bins)
        var out = "<svg role=\"img\" width=\"\(width)\" height=\"\(height + 30)\" viewBox=\"0 0 \(width) \(height + 30)\">"
        out += "<title>Score distribution</title>"
        for (i, c) in counts.enumerated() {
            let h = Double(height - 20) * Double(c) / Double(top)
            let x = 30 + Double(i) * barWidth
            out += "<rect x=\"\(HTML.fixed(x, 1))\" y=\"\(HTML.fixed(Double(height) - h, 1))\" width=\"\(HTML.fixed(barWidth - 2, 1))\" height=\"\(HTML.fixed(h, 1))\" fill=\"#3b6ea5\"><title>\(c) submissions</title></rect>"
            if c > 0 {
                out += "<text x=\"\(HTML.fixed(x + barWidth / 2 - 1, 1))\" y=\"\(HTML.fixed(Double(height) - h - 4, 1))\" font-size=\"11\" text-anchor=\"middle\">\(c)</text>"
            }
            out += "<text x=\"\(HTML.fixed(x, 1))\" y=\"\(height + 14)\" font-size=\"10\">\(HTML.fixed(max * Double(i) / Double(bins), 0))</text>"
        }
        out += "<line x1=\"30\" y1=\"\(height)\" x2=\"\(width - 10)\" y2=\"\(height)\" stroke=\"#333\"/>"
        return out + "</svg>"
    }

    /// Horizontal bars of shares 0…1 with labels: red below 50%, orange below 70%.
    static func bars(_ rows: [(label: String, value: Double)], width: Int = 560) -> String {
        let rowHeight = 22
        let height = rows.count * rowHeight + 6
        var out = "<svg role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for (i, row) in rows.enumerated() {
            let y = i * rowHeight + 4
            let w = Double(width - 260) * Swift.max(0, Swift.min(1, row.value))
            let colour = row.value < 0.5 ? "#c0392b" : row.value < 0.7 ? "#e67e22" : "#27ae60"
            out += "<text x=\"0\" y=\"\(y + 13)\" font-size=\"12\">\(HTML.escape(String(row.label.prefix(32))))</text>"
            out += "<rect x=\"210\" y=\"\(y)\" width=\"\(HTML.fixed(w, 1))\" height=\"16\" fill=\"\(colour)\"/>"
            out += "<text x=\"\(HTML.fixed(214 + w, 1))\" y=\"\(y + 13)\" font-size=\"11\">\(HTML.percent(row.value))</text>"
        }
        return out + "</svg>"
    }
}
