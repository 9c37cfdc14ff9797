import Foundation

/// The checks that make a log line unambiguous: a line is accepted only when its bytes are exactly those BorderLab
/// writes for the value it decodes to.
///
/// Without them two readers could see different actions in one line: with a key written twice, Foundation's decoder
/// takes the first `"action"` and Python's `json` the last; an unknown field or a space would hash differently while
/// meaning the same. These helpers find *why* a line is not canonical, so the message can name the fix.
enum CanonicalLine {
    /// The longest header line accepted (1,000 events with notes fit well within it).
    static let maxHeaderBytes = 2_000_000
    /// The longest action line accepted; a real one is a few hundred bytes.
    static let maxActionBytes = 64 * 1024

    /// Why `raw` is not the canonical encoding `canonical` of the value it decoded to; nil when they are identical.
    ///
    /// The fields BorderLab writes are those of the canonical encoding itself, so a field added to the format later
    /// needs no list here to keep up with.
    static func problem(raw: Substring.UTF8View, canonical: String) -> String? {
        if raw.elementsEqual(canonical.utf8) { return nil }
        let known = Set(topLevelKeys(Array(canonical.utf8)))
        let keys = topLevelKeys(Array(raw))
        var seen: Set<String> = []
        for key in keys {
            if !seen.insert(key).inserted {
                return "the field '\(Clip.value(key))' appears twice, so readers could disagree on its value; keep one"
            }
        }
        if let unknown = keys.first(where: { !known.contains($0) }) {
            return "it has a field '\(Clip.value(unknown))' that BorderLab does not write (fields: \(known.sorted().joined(separator: ", "))); remove it"
        }
        if hasWhitespaceOutsideStrings(Array(raw)) {
            return "it has spaces or tabs between its JSON tokens, which BorderLab never writes; the line was edited by hand"
        }
        return "its bytes differ from the form BorderLab writes for the same content (sorted keys, no spaces, no extra fields); the line was edited by hand"
    }

    /// The keys of the outermost JSON object, in order, duplicates kept (JSON escapes are kept as written).
    static func topLevelKeys(_ bytes: [UInt8]) -> [String] {
        var keys: [String] = []
        var depth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1; index += 1
            case UInt8(ascii: "\""):
                let start = index + 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                var next = end + 1
                while next < bytes.count, isSpace(bytes[next]) { next += 1 }
                if depth == 1, next < bytes.count, bytes[next] == UInt8(ascii: ":") {
                    keys.append(String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self))
                }
                index = end + 1
            default: index += 1
            }
        }
        return keys
    }

    static func hasWhitespaceOutsideStrings(_ bytes: [UInt8]) -> Bool {
        var inString = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if isSpace(byte) {
                return true
            }
            index += 1
        }
        return false
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

/// Shortens values echoed in messages, so that a 10 MB SKU in a hostile log does not come back in the error twice.
public enum Clip {
    /// The most characters of one echoed value.
    public static let maxValue = 80
    /// The most characters of one reason (a message from a decoder or the engine that may quote several values).
    public static let maxReason = 400

    /// `text`, cut at `limit` characters with "…" when longer.
    public static func value(_ text: some StringProtocol, limit: Int = maxValue) -> String {
        text.count <= limit ? String(text) : String(text.prefix(limit)) + "…"
    }

    /// ``reason(_:)`` without a final period, for a message that goes on after it.
    public static func sentence(_ text: String) -> String {
        let clipped = reason(text)
        return clipped.hasSuffix(".") ? String(clipped.dropLast()) : clipped
    }

    /// A reason with each over-long run of non-space characters cut to ``maxValue``, and the whole cut to ``maxReason``.
    public static func reason(_ text: String) -> String {
        guard text.count > maxValue else { return text }
        var out = ""
        var run = 0, kept = 0
        for character in text {
            if kept >= maxReason { return out + "…" }
            if character == " " { run = 0 } else { run += 1 }
            if run <= maxValue { out.append(character); kept += 1 } else if run == maxValue + 1 { out.append("…"); kept += 1 }
        }
        return out
    }
}
