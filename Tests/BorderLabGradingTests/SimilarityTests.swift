import Testing
@testable import BorderLabGrading

/// Copy detection: disguised copies are caught, independent solutions of the same short task are not.
@Suite struct SimilarityTests {
    func check() -> SimilarityCheck {
        var settings = SimilarityCheck.Settings()
        settings.schemaNames = PlantedCorpus.schemaNames
        return SimilarityCheck(settings: settings)
    }

    @Test func sqlNormalisationIgnoresAliasesCaseSpacingAndComments() {
        let a = Normaliser.tokens("SELECT o.country, SUM(o.goods_minor) AS total FROM orders o GROUP BY o.country;",
                                  kind: .sql, schemaNames: PlantedCorpus.schemaNames).map(\.text)
        let b = Normaliser.tokens("-- mine\nselect   zz.country, sum(zz.goods_minor) as money\n  from orders zz group  by zz.country",
                                  kind: .sql, schemaNames: PlantedCorpus.schemaNames).map(\.text)
        #expect(a == b)
        #expect(a.contains("orders") && a.contains("goods_minor"), "schema names are kept")
        #expect(a.contains("i"), "aliases become i")
    }

    @Test func memoTokensSplitChineseByCharacterAndNumbersToN() {
        let tokens = Normaliser.tokens("保税仓发货更快，成本 25.40 元. The Stock is cheaper", kind: .memo).map(\.text)
        #expect(tokens.prefix(6) == ["保", "税", "仓", "发", "货", "更"])
        #expect(tokens.contains("n"))
        #expect(tokens.contains("stock") && !tokens.contains("the"))
    }

    /// Winnowing's guarantee: a shared run of w + k − 1 tokens always shares a fingerprint.
    @Test func aLongEnoughSharedRunAlwaysSharesAFingerprint() {
        let w = Winnowing(k: 4, window: 4)
        let shared = (0..<7).map { Token(text: "t\($0)", start: 0, end: 0) }
        for prefix in 0..<6 {
            let a = (0..<prefix).map { Token(text: "a\($0)", start: 0, end: 0) } + shared
            let b = shared + (0..<prefix).map { Token(text: "b\($0)", start: 0, end: 0) }
            let fa = Set(w.fingerprints(a).map(\.hash)), fb = Set(w.fingerprints(b).map(\.hash))
            #expect(!fa.isDisjoint(with: fb), "prefix \(prefix)")
        }
    }

    @Test func aDisguisedCopyIsReportedWithItsPassages() throws {
        let original = SimilarityCheck.Submission(id: "a", student: "a", parts: [
            .init(kind: .memo, key: "memo", text: "Bonded stock ships faster because the goods already cleared the border in bulk. Sea freight in bulk costs a fraction of what each 9610 parcel costs. The downside is the cash locked in inventory for weeks."),
            .init(kind: .sql, key: "q1", text: "SELECT o.country, SUM(o.goods_minor) AS total, COUNT(*) AS n FROM orders o WHERE o.status <> 'refunded' GROUP BY o.country ORDER BY total DESC"),
        ])
        let copy = SimilarityCheck.Submission(id: "b", student: "b", parts: [
            .init(kind: .memo, key: "memo", text: "Sea freight in bulk costs a fraction of what each 9610 parcel costs.\n\nThe downside is the cash locked in inventory for weeks. Bonded inventory ships quicker because the goods already cleared the border in bulk."),
            .init(kind: .sql, key: "q1", text: "-- q1\nselect src.country, sum(src.goods_minor) as money, count(*) as k\n  from orders src where src.status <> 'refunded' group by src.country order by money desc;"),
        ])
        let other = SimilarityCheck.Submission(id: "c", student: "c", parts: [
            .init(kind: .memo, key: "memo", text: "I would keep parcels for new products and move proven best sellers into the bonded zone once demand is known."),
            .init(kind: .sql, key: "q1", text: "SELECT country, COUNT(*) FROM orders GROUP BY country"),
        ])
        let result = check().run([original, copy, other])
        let pair = try #require(result.pairs.first)
        #expect(result.pairs.count == 1)
        #expect(pair.first == "a" && pair.second == "b")
        #expect(pair.score > 0.6)
        #expect(pair.passages.contains { $0.kind == .memo && $0.firstText.contains("a fraction of what each 9610") && $0.secondText.contains("a fraction of what each 9610") })
        #expect(result.clusters == [["a", "b"]])
    }

    @Test func theSameStudentIsNeverFlaggedForCopyingThemselves() {
        let text = "Bonded stock ships faster because the goods already cleared the border in bulk and the parcel leaves inside China."
        let a = SimilarityCheck.Submission(id: "1", student: "x", parts: [.init(kind: .memo, key: "m", text: text)])
        let b = SimilarityCheck.Submission(id: "2", student: "x", parts: [.init(kind: .memo, key: "m", text: text)])
        #expect(check().run([a, b]).pairs.isEmpty)
    }

    @Test func excludedReferenceMaterialIsNotEvidence() {
        let reference = "Bonded stock ships faster because the goods already cleared the border in bulk and the parcel leaves inside China within two days."
        let a = SimilarityCheck.Submission(id: "1", student: "1", parts: [.init(kind: .memo, key: "m", text: reference)])
        let b = SimilarityCheck.Submission(id: "2", student: "2", parts: [.init(kind: .memo, key: "m", text: reference)])
        #expect(check().run([a, b]).pairs.count == 1)
        #expect(check().run([a, b], excluded: [.init(kind: .memo, key: "m", text: reference)]).pairs.isEmpty)
    }

    /// The bar is precision ≥ 0.9 and recall ≥ 0.8 on a planted class; on these three classes no pair of
    /// independent students is reported at all (37/37, 39 of 40 and 70/70 copied pairs found).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func plantedCopiesAreFoundWithHighPrecisionAndRecall(seed: UInt64) {
        let corpus = PlantedCorpus(students: 200, copyShare: 0.15, seed: seed)
        let result = check().run(corpus.submissions, excluded: corpus.reference)
        let score = corpus.score(result)
        #expect(corpus.copiedPairs.count >= 15, "not vacuous")
        #expect(score.precision == 1, "precision \(score.precision): \(score.falsePositives) false positives")
        #expect(score.recall >= 0.8, "recall \(score.recall): \(score.missed) missed of \(corpus.copiedPairs.count)")
    }

    @Test func runsAreDeterministic() {
        let corpus = PlantedCorpus(students: 120, seed: 9)
        let a = check().run(corpus.submissions, excluded: corpus.reference)
        let b = check().run(corpus.submissions, excluded: corpus.reference)
        #expect(a.pairs == b.pairs)
        #expect(a.clusters == b.clusters)
    }
}
