/// ISO 2859-1 (= ANSI/ASQ Z1.4) single sampling plans for normal inspection at general inspection level II.
///
/// Two tables of the standard, as data:
/// - Table I, sample size code letters: lot size → code letter (level II column).
/// - Table II-A, the master table for single sampling, normal inspection: code letter → sample size, and for each AQL
///   either an acceptance / rejection number pair or an arrow. ↓ means "use the first plan below the arrow", ↑ "use the
///   first plan above"; the sample size then becomes that plan's row. When the sample size reaches or exceeds the lot
///   size, every unit is inspected (100% inspection) with the same Ac/Re.
///
/// The product's domain notes quote an excerpt (rows G–L at AQL 1.0, 2.5, 4.0); every cell of those rows matches.
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

    /// The AQLs the sandbox offers, as written on the command line: Table II-A's preferred series from 0.065 to 6.5,
    /// the range buyers name for critical (0.065–0.65), major (1.0–2.5) and minor (4.0–6.5) defects.
    public static let aqls = ["0.065", "0.10", "0.15", "0.25", "0.40", "0.65", "1.0", "1.5", "2.5", "4.0", "6.5"]

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

    enum Cell: Sendable, Equatable { case plan(Int, Int), down, up }

    /// The acceptance / rejection pairs of Table II-A, in the order they appear down any column.
    static let acceptanceSteps: [(Int, Int)] = [(0, 1), (1, 2), (2, 3), (3, 4), (5, 6), (7, 8), (10, 11), (14, 15), (21, 22)]

    /// One cell of Table II-A. The table is diagonal: both its rows (sample sizes 2, 3, 5, 8, …) and its AQL columns
    /// (0.010, 0.015, 0.025, …) step through the same preferred-number series (ratio about 1.6), so a cell depends only
    /// on row + column. Counting columns from AQL 0.010 = 0 and rows from A = 0, the sum 14 holds the 0/1 plan (e.g.
    /// AQL 1.0 at E, n = 13: 4 + 10); 15 is ↑ (back to 0/1), 16 is ↓ (on to 1/2); 17 to 24 hold 1/2 … 21/22; beyond 24
    /// the columns up to AQL 10 carry ↑ (back to 21/22), and below 14 every cell is ↓.
    static func cell(row: Int, column: Int) -> Cell {
        let sum = row + column
        switch sum {
        case ..<14: return .down
        case 14: return .plan(acceptanceSteps[0].0, acceptanceSteps[0].1)
        case 15: return .up
        case 16: return .down
        case 17...24: return .plan(acceptanceSteps[sum - 16].0, acceptanceSteps[sum - 16].1)
        default: return .up
        }
    }

    /// Table II-A column of each offered AQL, counted from AQL 0.010.
    static let columns: [String: Int] = Dictionary(uniqueKeysWithValues: zip(aqls, 4...14))

    /// Table II-A columns for the offered AQLs, one cell per row A…R. For these columns every arrow ends at a plan
    /// inside the table (the 0/1 plan of AQL 0.065 is at L; the 21/22 plan of AQL 6.5 at L as well).
    static let master: [String: [Cell]] = columns.mapValues { column in rows.indices.map { cell(row: $0, column: column) } }

    /// The offered AQL a user meant: "1" and "1.00" mean "1.0", ".65" means "0.65"; nil when it is not offered.
    public static func canonicalAQL(_ text: String) -> String? {
        if aqls.contains(text) { return text }
        guard let value = Double(String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())) else { return nil }
        return aqls.first { Double($0)! == value }
    }

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
