import Foundation

/// The wall-clock time stamped on exercise actions (metadata outside the world; the engine never reads it).
public enum WallClock {
    /// Now, as ISO 8601 in UTC with seconds (`2026-12-04T15:40:00Z`).
    public static func now() -> String { format(Date()) }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
