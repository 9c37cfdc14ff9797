/// One normalised token of a student's text and where it stood, so that matched passages can be shown side by side.
public struct Token: Sendable, Equatable {
    /// The normalised form that is compared (`i` for a renamed identifier, `n` for a number, a keyword in lower case…).
    public let text: String
    /// Offsets in unicode scalars of the original text: `start..<end`.
    public let start: Int
    public let end: Int
}

/// What kind of student work a text is: each kind has its own normalisation.
public enum ArtefactKind: String, Sendable, CaseIterable, Codable {
    /// An SQL answer: keywords and schema names kept, aliases and other identifiers, literals, case, spacing and
    /// comments normalised away, so renaming an alias or reformatting a query does not hide a copy.
    case sql
    /// A written memo (English or Chinese): words in lower case, each Chinese character a token, numbers as `n`
    /// (students' variants have different numbers), punctuation and spacing dropped.
    case memo
    /// The sequence of actions in a log, one action a line: the verb and its arguments.
    case actions
}
