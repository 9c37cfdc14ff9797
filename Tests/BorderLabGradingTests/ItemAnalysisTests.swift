import Testing
@testable import BorderLabGrading

/// Item statistics against values worked out by hand.
@Suite struct ItemAnalysisTests {
    /// Four students, three items of 1 point each:
    ///   s1: 1 1 1 (total 3)   s2: 1 1 0 (2)   s3: 1 0 0 (1)   s4: 0 0 1 (1)
    /// Item 1: p = 3/4 = 0.75. Groups: round(4 × 0.27) = 1 student each; upper = s1 (total 3), lower = the last of
    /// the ordering by total then position: s4 (total 1, after s3). D = (1 − 0)/1 = 1.
    /// Item 3: p = 2/4 = 0.5; D = (1 − 1)/1 = 0; against the rest (2, 2, 1, 0), mean 1.25, its corrected correlation
    /// is Σxy = 0.5·0.75 − 0.5·0.75 + 0.5·0.25 − 0.5·1.25 = −0.5 < 0 → flagged negative (worse than merely low).
    /// Item 2: p = 0.5, D = 1 − 0 = 1.
    /// Cronbach's α: item variances (n − 1): item1 = (3 × 0.0625 + 0.5625)/3 = 0.25, item2 = 1/3, item3 = 1/3;
    /// sum = 0.916667. Totals 3, 2, 1, 1: mean 1.75, variance = (1.5625 + 0.0625 + 0.5625 + 0.5625)/3 = 0.916667.
    /// α = 3/2 × (1 − 0.916667/0.916667) = 0; SEM = √0.916667 × √1 = 0.957427.
    @Test func handWorkedClass() throws {
        let analysis = ItemAnalysis(itemIDs: ["a", "b", "c"], maxima: [1, 1, 1],
                                    scores: [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 1]])
        #expect(analysis.items[0].difficulty == 0.75)
        #expect(analysis.items[0].discrimination == 1)
        #expect(analysis.items[1].difficulty == 0.5)
        #expect(analysis.items[1].discrimination == 1)
        #expect(analysis.items[2].discrimination == 0)
        #expect(analysis.items[2].flags == [.negative])
        #expect(analysis.items[0].flags == [], "p 0.75, D 1")
        let alpha = try #require(analysis.cronbachAlpha)
        #expect(abs(alpha) < 1e-12)
        #expect(abs(try #require(analysis.standardErrorOfMeasurement) - 0.957427) < 1e-6)
        #expect(!analysis.reliable, "four students are too few")
    }

    /// Corrected point-biserial of item 2 above: item (1, 1, 0, 0) against the rest (2, 1, 1, 1):
    /// means 0.5 and 1.25; Σxy = 0.5·0.75 + 0.5·(−0.25) + (−0.5)(−0.25) + (−0.5)(−0.25) = 0.5;
    /// Σx² = 1; Σy² = 0.5625 + 3 × 0.0625 = 0.75; r = 0.5 / √0.75 = 0.57735.
    @Test func correctedPointBiserial() throws {
        let analysis = ItemAnalysis(itemIDs: ["a", "b", "c"], maxima: [1, 1, 1],
                                    scores: [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 1]])
        #expect(abs(try #require(analysis.items[1].pointBiserial) - 0.577350) < 1e-6)
    }

    /// A check that weak students pass and strong ones fail is flagged negative; one everybody passes is too easy.
    @Test func flagsNegativeAndEasyItems() {
        var scores: [[Double]] = []
        for i in 0..<30 {
            let strong = i < 15
            scores.append([strong ? 2 : 0, strong ? 2 : 0, strong ? 0 : 1, 1])
        }
        let analysis = ItemAnalysis(itemIDs: ["a", "b", "inverted", "free"], maxima: [2, 2, 1, 1], scores: scores)
        #expect(analysis.items[2].flags.contains(.negative))
        #expect(analysis.items[3].flags.contains(.tooEasy))
        #expect(analysis.items[3].pointBiserial == nil, "a constant item has no correlation")
        #expect(analysis.reliable)
    }

    /// Perfectly consistent items: α = 1 and SEM = 0.
    @Test func consistentItemsAreReliable() throws {
        let scores: [[Double]] = (0..<25).map { i in let v = Double(i % 5); return [v, v, v] }
        let analysis = ItemAnalysis(itemIDs: ["a", "b", "c"], maxima: [4, 4, 4], scores: scores)
        #expect(abs(try #require(analysis.cronbachAlpha) - 1) < 1e-12)
        #expect(abs(try #require(analysis.standardErrorOfMeasurement)) < 1e-9)
    }
}
