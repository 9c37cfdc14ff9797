/// Turns student work into the token streams that fingerprints are taken over (see ``ArtefactKind``).
public enum Normaliser {
    public static func tokens(_ text: String, kind: ArtefactKind, schemaNames: Set<String> = []) -> [Token] {
        switch kind {
        case .sql: sql(text, schemaNames: schemaNames)
        case .memo: memo(text)
        case .actions: actions(text)
        }
    }

    /// SQL keywords kept as themselves; everything else that looks like a name is an identifier.
    static let sqlKeywords: Set<String> = [
        "select", "from", "where", "group", "by", "order", "having", "limit", "offset", "join", "left", "right", "inner",
        "outer", "full", "cross", "on", "using", "as", "and", "or", "not", "in", "is", "null", "like", "glob", "between",
        "case", "when", "then", "else", "end", "distinct", "all", "union", "intersect", "except", "with", "recursive",
        "asc", "desc", "exists", "cast", "over", "partition", "window", "rows", "range", "preceding", "following",
        "unbounded", "current", "row", "filter", "collate", "escape", "natural", "values", "true", "false",
    ]

    /// Function names: kept only when a call follows (`total` may be an alias, `TOTAL(x)` is SQLite's sum).
    static let sqlFunctions: Set<String> = [
        "count", "sum", "avg", "min", "max", "total", "round", "abs", "coalesce", "ifnull", "nullif", "iif", "substr",
        "length", "lower", "upper", "strftime", "date", "julianday", "printf", "format", "group_concat", "instr",
        "replace", "trim", "integer", "real", "text", "numeric", "rank", "dense_rank", "row_number", "lag", "lead",
        "ntile", "first_value", "last_value",
    ]

    static func sql(_ text: String, schemaNames: Set<String>) -> [Token] {
        let s = Array(text.unicodeScalars)
        var out: [Token] = []
        var i = 0
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic }
        func isName(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || ("0"..."9").contains(c) }
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace { i += 1; continue }
            if c == "-", i + 1 < s.count, s[i + 1] == "-" {
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", i + 1 < s.count, s[i + 1] == "*" {
                i += 2
                while i + 1 < s.count, !(s[i] == "*" && s[i + 1] == "/") { i += 1 }
                i = min(s.count, i + 2)
                continue
            }
            let start = i
            if c == "'" {
                i += 1
                while i < s.count {
                    if s[i] == "'" { if i + 1 < s.count, s[i + 1] == "'" { i += 2; continue }; i += 1; break }
                    i += 1
                }
                out.append(Token(text: "s", start: start, end: i))
                continue
            }
            if c == "\"" || c == "`" || c == "[" {
                let close: Unicode.Scalar = c == "[" ? "]" : c
                i += 1
                var name = ""
                while i < s.count, s[i] != close { name.unicodeScalars.append(s[i]); i += 1 }
                i = min(s.count, i + 1)
                out.append(Token(text: identifier(name.lowercased(), schemaNames), start: start, end: i))
                continue
            }
            if ("0"..."9").contains(c) || (c == "." && i + 1 < s.count && ("0"..."9").contains(s[i + 1])) {
                while i < s.count, ("0"..."9").contains(s[i]) || s[i] == "." || s[i] == "e" || s[i] == "E" { i += 1 }
                out.append(Token(text: "n", start: start, end: i))
                continue
            }
            if isNameStart(c) {
                var name = ""
                while i < s.count, isName(s[i]) { name.unicodeScalars.append(s[i]); i += 1 }
                let lower = name.lowercased()
                var next = i
                while next < s.count, s[next].properties.isWhitespace { next += 1 }
                let isCall = next < s.count && s[next] == "("
                let kept = sqlKeywords.contains(lower) || (isCall && sqlFunctions.contains(lower))
                out.append(Token(text: kept ? lower : identifier(lower, schemaNames), start: start, end: i))
                continue
            }
            // Two-character operators, then single punctuation.
            if i + 1 < s.count {
                let pair = String(String.UnicodeScalarView([c, s[i + 1]]))
                if ["<=", ">=", "<>", "!=", "||", "=="].contains(pair) {
                    i += 2
                    out.append(Token(text: pair == "!=" ? "<>" : pair == "==" ? "=" : pair, start: start, end: i))
                    continue
                }
            }
            i += 1
            if c == ";" { continue } // a trailing semicolon is style, not substance
            out.append(Token(text: String(c), start: start, end: i))
        }
        return out
    }

    static func identifier(_ lower: String, _ schemaNames: Set<String>) -> String {
        schemaNames.contains(lower) ? lower : "i"
    }

    /// Common English words that carry no authorship: two memos sharing them says nothing.
    static let stopWords: Set<String> = [
        "the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "is", "are", "was", "were", "be", "by",
        "it", "its", "this", "that", "with", "as", "we", "our", "i", "my", "so", "but", "if", "than", "then",
    ]

    static func memo(_ text: String) -> [Token] {
        let s = Array(text.unicodeScalars)
        var out: [Token] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if isHan(c) {
                out.append(Token(text: String(c), start: i, end: i + 1))
                i += 1
                continue
            }
            if c.properties.isAlphabetic || ("0"..."9").contains(c) {
                let start = i
                var word = ""
                var numeric = true
                while i < s.count, !isHan(s[i]), s[i].properties.isAlphabetic || ("0"..."9").contains(s[i])
                        || ((s[i] == "." || s[i] == ",") && numeric && i + 1 < s.count && ("0"..."9").contains(s[i + 1])) {
                    if s[i].properties.isAlphabetic { numeric = false }
                    word.unicodeScalars.append(s[i])
                    i += 1
                }
                let lower = word.lowercased()
                if numeric { out.append(Token(text: "n", start: start, end: i)) }
                else if !stopWords.contains(lower) { out.append(Token(text: lower, start: start, end: i)) }
                continue
            }
            i += 1
        }
        return out
    }

    static func isHan(_ c: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(c.value) || (0x3400...0x4DBF).contains(c.value) || (0xF900...0xFAFF).contains(c.value)
    }

    /// One action a line, as `borderlab log` or the log's JSON gives it: its words and values, in order.
    static func actions(_ text: String) -> [Token] {
        let s = Array(text.unicodeScalars)
        var out: [Token] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "." {
                let start = i
                var word = ""
                while i < s.count, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "-" || s[i] == "_" || s[i] == "." {
                    word.unicodeScalars.append(s[i])
                    i += 1
                }
                out.append(Token(text: word.lowercased(), start: start, end: i))
                continue
            }
            if c == "\n" { out.append(Token(text: "⏎", start: i, end: i + 1)) }
            i += 1
        }
        return out
    }
}
