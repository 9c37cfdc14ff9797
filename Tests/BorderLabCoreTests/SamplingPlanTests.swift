@testable import BorderLabCore
import Testing

/// ISO 2859-1 single sampling, normal inspection, general level II: Table I (code letters) and Table II-A (master table)
/// with its arrows. Expected values read off the standard's tables by hand.
@Suite struct SamplingPlanTests {
    /// Table I, level II, at both ends of every range.
    @Test func codeLettersFollowTableI() {
        let cases: [(Int, Character)] = [
            (2, "A"), (8, "A"), (9, "B"), (15, "B"), (16, "C"), (25, "C"), (26, "D"), (50, "D"), (51, "E"), (90, "E"),
            (91, "F"), (150, "F"), (151, "G"), (280, "G"), (281, "H"), (500, "H"), (501, "J"), (1_200, "J"),
            (1_201, "K"), (3_200, "K"), (3_201, "L"), (10_000, "L"), (10_001, "M"), (35_000, "M"), (35_001, "N"),
            (150_000, "N"), (150_001, "P"), (500_000, "P"), (500_001, "Q"), (5_000_000, "Q"),
        ]
        for (size, letter) in cases { #expect(SamplingPlan.codeLetter(lotSize: size) == letter, "lot \(size)") }
    }

    /// DOMAIN.md's excerpt, every cell: G–L rows at AQL 1.0, 2.5 and 4.0 (G at 1.0 is an arrow to H's n = 50, 1/2).
    @Test func domainExcerptRowsMatch() throws {
        let rows: [(lot: Int, n: Int, cells: [(aql: String, n: Int, ac: Int, re: Int)])] = [
            (200, 32, [("1.0", 50, 1, 2), ("2.5", 32, 2, 3), ("4.0", 32, 3, 4)]),
            (400, 50, [("1.0", 50, 1, 2), ("2.5", 50, 3, 4), ("4.0", 50, 5, 6)]),
            (1_000, 80, [("1.0", 80, 2, 3), ("2.5", 80, 5, 6), ("4.0", 80, 7, 8)]),
            (2_000, 125, [("1.0", 125, 3, 4), ("2.5", 125, 7, 8), ("4.0", 125, 10, 11)]),
            (5_000, 200, [("1.0", 200, 5, 6), ("2.5", 200, 10, 11), ("4.0", 200, 14, 15)]),
        ]
        for row in rows {
            for cell in row.cells {
                let plan = try #require(SamplingPlan.plan(lotSize: row.lot, aql: cell.aql))
                #expect(plan.sampleSize == cell.n && plan.accept == cell.ac && plan.reject == cell.re, "lot \(row.lot) AQL \(cell.aql): \(plan)")
            }
        }
    }

    /// The arrows: ↓ takes the first plan below (a larger sample), ↑ the first plan above (a smaller one).
    @Test func arrowsLeadToTheNearestPlan() throws {
        let cases: [(lot: Int, aql: String, code: Character, plan: Character, n: Int, ac: Int, re: Int)] = [
            (5, "1.0", "A", "E", 13, 0, 1),      // A ↓ B ↓ C ↓ D ↓ E 0/1
            (100, "1.0", "F", "E", 13, 0, 1),    // F ↑ E
            (200, "1.0", "G", "H", 50, 1, 2),    // G ↓ H
            (40, "2.5", "D", "C", 5, 0, 1),      // D ↑ C
            (60, "2.5", "E", "F", 20, 1, 2),     // E ↓ F
            (12, "2.5", "B", "C", 5, 0, 1),      // B ↓ C
            (12, "4.0", "B", "B", 3, 0, 1),      // B 0/1, no arrow
            (20, "4.0", "C", "B", 3, 0, 1),      // C ↑ B
            (40, "4.0", "D", "E", 13, 1, 2),     // D ↓ E
            (200_000, "2.5", "P", "N", 500, 21, 22), // P ↑ N
            (600_000, "2.5", "Q", "N", 500, 21, 22), // Q ↑ P ↑ N
            (600_000, "1.0", "Q", "Q", 1_250, 21, 22),
            (60_000, "4.0", "N", "M", 315, 21, 22),  // N ↑ M
        ]
        for c in cases {
            let plan = try #require(SamplingPlan.plan(lotSize: c.lot, aql: c.aql))
            #expect(plan == SamplingPlan(codeLetter: c.code, planLetter: c.plan, sampleSize: c.n, accept: c.ac, reject: c.re),
                    "lot \(c.lot) AQL \(c.aql)")
        }
    }

    /// A sample larger than the lot means 100% inspection; Ac/Re decide as usual.
    @Test func smallLotsAreInspectedInFullAndDecisionsFollowAcRe() throws {
        let plan = try #require(SamplingPlan.plan(lotSize: 6, aql: "1.0"))
        #expect(plan.sampleSize == 13 && plan.unitsInspected(lotSize: 6) == 6)
        #expect(plan.accepts(defects: 0) && !plan.accepts(defects: 1))
        let h = try #require(SamplingPlan.plan(lotSize: 300, aql: "2.5")) // H: n = 50, Ac 3, Re 4
        #expect(h.unitsInspected(lotSize: 300) == 50)
        #expect(h.accepts(defects: 3))
        #expect(!h.accepts(defects: 4))
        #expect(SamplingPlan.plan(lotSize: 300, aql: "10") == nil)   // beyond the offered range
        #expect(SamplingPlan.plan(lotSize: 300, aql: "2.50") == nil)
    }

    /// The AQLs beyond the domain excerpt, worked by hand from Table I and Table II-A of ISO 2859-1.
    @Test func theWholeOfferedRangeFollowsTheMasterTable() throws {
        let cases: [(lot: Int, aql: String, code: Character, plan: Character, n: Int, ac: Int, re: Int)] = [
            (50, "0.65", "D", "F", 20, 0, 1),         // D ↓ E ↓ F 0/1 (n·AQL = 20 × 0.65% ≈ 0.13)
            (3_200, "0.40", "K", "K", 125, 1, 2),     // K: 1/2
            (500_000, "1.5", "P", "P", 800, 21, 22),  // P: 21/22, the last plan of the column
            (600_000, "1.5", "Q", "P", 800, 21, 22),  // Q ↑ P
            (1_000, "0.065", "J", "L", 200, 0, 1),    // J ↓ K ↓ L 0/1
            (12_000, "0.065", "M", "L", 200, 0, 1),   // M ↑ L
            (40_000, "0.065", "N", "P", 800, 1, 2),   // N ↓ P 1/2
            (5, "6.5", "A", "A", 2, 0, 1),            // A: 0/1
            (20, "6.5", "C", "D", 8, 1, 2),           // C ↓ D 1/2
            (5_000, "6.5", "L", "L", 200, 21, 22),    // L: 21/22
            (300, "0.15", "H", "J", 80, 0, 1),        // H ↓ J 0/1 (n·AQL = 80 × 0.15% = 0.12)
        ]
        for c in cases {
            let plan = try #require(SamplingPlan.plan(lotSize: c.lot, aql: c.aql), "AQL \(c.aql)")
            #expect(plan.codeLetter == c.code && plan.planLetter == c.plan, "lot \(c.lot) AQL \(c.aql)")
            #expect(plan.sampleSize == c.n && plan.accept == c.ac && plan.reject == c.re, "lot \(c.lot) AQL \(c.aql)")
        }
        #expect(SamplingPlan.plan(lotSize: 100, aql: "10") == nil)
        #expect(SamplingPlan.canonicalAQL("1") == "1.0" && SamplingPlan.canonicalAQL(".65") == "0.65")
        #expect(SamplingPlan.canonicalAQL("0.4") == "0.40" && SamplingPlan.canonicalAQL("3") == nil)
    }

    /// The three columns the domain excerpt covers, cell by cell (A…R), as they were tabulated before the table was
    /// generated from its diagonal rule: the rule must reproduce them exactly.
    @Test func theGeneratedColumnsMatchTheTabulatedOnes() {
        typealias C = SamplingPlan.Cell
        let tabulated: [String: [C]] = [
            "1.0": [.down, .down, .down, .down, .plan(0, 1), .up, .down, .plan(1, 2),
                    .plan(2, 3), .plan(3, 4), .plan(5, 6), .plan(7, 8), .plan(10, 11), .plan(14, 15), .plan(21, 22), .up],
            "2.5": [.down, .down, .plan(0, 1), .up, .down, .plan(1, 2), .plan(2, 3), .plan(3, 4),
                    .plan(5, 6), .plan(7, 8), .plan(10, 11), .plan(14, 15), .plan(21, 22), .up, .up, .up],
            "4.0": [.down, .plan(0, 1), .up, .down, .plan(1, 2), .plan(2, 3), .plan(3, 4), .plan(5, 6),
                    .plan(7, 8), .plan(10, 11), .plan(14, 15), .plan(21, 22), .up, .up, .up, .up],
        ]
        for (aql, column) in tabulated { #expect(SamplingPlan.master[aql] == column, "AQL \(aql)") }
    }
}
