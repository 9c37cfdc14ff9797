import Foundation

/// What a student chose when making an exercise workspace — the content folder and the language — remembered in
/// `.borderlab/loop.json`, so `check`, `hint`, `submit` and `next` keep using them without the option typed again.
///
/// An instructor's override folder (`--content` or `$BORDERLAB_CONTENT` at `new`) would otherwise be forgotten by the
/// next command ("No exercise …"), and `new --lang zh-CN` would give a Chinese README but English feedback.
/// The file is outside the log and the bundle: it changes what the loop prints, never the world or the grade.
public struct LoopPreferences: Codable, Equatable, Sendable {
    /// The content folder the exercise came from, as an absolute path; nil when it is the default search.
    public var content: String?
    /// `en` or `zh-CN` when chosen with `--lang` at `new`; nil to follow `LANG`.
    public var language: String?

    public init(content: String? = nil, language: String? = nil) {
        self.content = content
        self.language = language
    }

    static func path(_ root: String) -> String { root + "/.borderlab/loop.json" }

    /// The preferences of the workspace at `root`; empty when none were saved or the file cannot be read.
    public static func read(root: String) -> LoopPreferences {
        guard let data = FileManager.default.contents(atPath: path(root)),
              let preferences = try? JSONDecoder().decode(LoopPreferences.self, from: data) else { return LoopPreferences() }
        return preferences
    }

    /// Saves them (atomically); nothing is written when there is nothing to remember.
    public func write(root: String) throws {
        guard content != nil || language != nil else { return }
        try FileManager.default.createDirectory(atPath: root + "/.borderlab", withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(self).write(to: URL(fileURLWithPath: Self.path(root)), options: .atomic)
    }
}
