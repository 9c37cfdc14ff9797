/// ISO 2859-1 (= ANSI/ASQ Z1.4) single sampling plans for normal inspection at general inspection level II.
///
/// Two tables of the standard, as data:
/// - Table I, sample size code letters: lot size → code letter (level II column).
/// - Table II-A, the master table for single sampling, normal inspection: code letter → sample size, and for each AQL
///   either an acceptance / rejection number pair or an arrow. ↓ means "use the first plan below the arrow", ↑ "use the
///   first plan above"; the sample size then becomes that plan's row. When the sample size reaches or exceeds the lot
///   size, every unit is inspected (100% inspection) with the same Ac/Re.
///
/// DOMAIN.md quotes an excerpt (G–L rows); every cell of those rows matches below.
public struct SamplingPlan: Sendable, Hashable {
    /// Code letter of the lot size (Table I), before any arrow moved the plan.
    public let codeLetter: Character
    /// Code letter of the row the plan was read from (differs from `codeLetter` after an arrow).
    public let planLetter: Character
    public let sampleSize: Int
    /// Accept the lot when defects found ≤ `accept`.
    public let accept: Int
    /// Reject the lot when defects found ≥ `reject`.
    public let reject: Int

    /// The AQLs the sandbox offers, as written on the command line.
    public static let aqls = ["1.0", "2.5", "4.0"]

    /// Table I, general inspection level II: (largest lot size of the range, code letter).
    static let codeLetters: [(upTo: Int, letter: Character)] = [
        (8, "A"), (15, "B"), (25, "C"), (50, "D"), (90, "E"), (150, "F"), (280, "G"), (500, "H"),
        (1_200, "J"), (3_200, "K"), (10_000, "L"), (35_000, "M"), (150_000, "N"), (500_000, "P"), (Int.max, "Q"),
    ]

    /// Table II-A rows, A to R: the code letter and its sample size.
    static let rows: [(letter: Character, n: Int)] = [
        ("A", 2), ("B", 3), ("C", 5), ("D", 8), ("E", 13), ("F", 20), ("G", 32), ("H", 50),
        ("J", 80), ("K", 125), ("L", 200), ("M", 315), ("N", 500), ("P", 800), ("Q", 1_250), ("R", 2_000),
    ]

    enum Cell: Sendable { case plan(Int, Int), down, up }

    /// Table II-A columns for the offered AQLs, one cell per row A…R.
    static let master: [String: [Cell]] = [
        "1.0": [.down, .down, .down, .down, .plan(0, 1), .up, .down, .plan(1, 2),
                .plan(2, 3), .plan(3, 4), .plan(5, 6), .plan(7, 8), .plan(10, 11), .plan(14, 15), .plan(21, 22), .up],
        "2.5": [.down, .down, .plan(0, 1), .up, .down, .plan(1, 2), .plan(2, 3), .plan(3, 4),
                .plan(5, 6), .plan(7, 8), .plan(10, 11), .plan(14, 15), .plan(21, 22), .up, .up, .up],
        "4.0": [.down, .plan(0, 1), .up, .down, .plan(1, 2), .plan(2, 3), .plan(3, 4), .plan(5, 6),
                .plan(7, 8), .plan(10, 11), .plan(14, 15), .plan(21, 22), .up, .up, .up, .up],
    ]

    /// The code letter of a lot size (Table I, level II); lots of fewer than 2 units take A.
    public static func codeLetter(lotSize: Int) -> Character {
        codeLetters.first { lotSize <= $0.upTo }!.letter
    }

    /// The plan for a lot size and AQL, or nil for an AQL the sandbox does not offer.
    public static func plan(lotSize: Int, aql: String) -> SamplingPlan? {
        guard let column = master[aql] else { return nil }
        let letter = codeLetter(lotSize: lotSize)
        var row = rows.firstIndex { $0.letter == letter }!
        // Follow the arrows; each column's arrows point at a plan, so this ends within the table.
        while true {
            switch column[row] {
            case .plan(let ac, let re):
                return SamplingPlan(codeLetter: letter, planLetter: rows[row].letter, sampleSize: rows[row].n, accept: ac, reject: re)
            case .down: row += 1
            case .up: row -= 1
            }
        }
    }

    /// Units actually inspected: the sample, or the whole lot when the sample would not fit (100% inspection).
    public func unitsInspected(lotSize: Int) -> Int { min(sampleSize, lotSize) }

    /// Accept (true) or reject (false) after finding `defects`.
    public func accepts(defects: Int) -> Bool { defects <= accept }
}
