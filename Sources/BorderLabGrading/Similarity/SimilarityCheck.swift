import BorderLabCore

/// Copy detection across a class: winnowing fingerprints of each submission's SQL answers, memos and action sequence,
/// with the exercise's starter material and reference solution excluded and passages that many students share
/// (independent solutions of the same short task) ignored; pairs above a threshold, and clusters of such pairs.
public struct SimilarityCheck: Sendable {
    /// One piece of a submission's work: its kind, the task or answer key it belongs to, and the text.
    public struct Part: Sendable {
        public let kind: ArtefactKind
        public let key: String
        public let text: String
        public init(kind: ArtefactKind, key: String, text: String) {
            self.kind = kind
            self.key = key
            self.text = text
        }
    }

    public struct Submission: Sendable {
        public let id: String
        /// Pairs of the same student are never compared (a resubmission is not a copy).
        public let student: String
        public let parts: [Part]
        public init(id: String, student: String, parts: [Part]) {
            self.id = id
            self.student = student
            self.parts = parts
        }
    }

    public struct Settings: Sendable {
        /// Share of the smaller side's fingerprint weight a pair must share to be reported.
        public var threshold = 0.45
        /// Fewest distinct shared fingerprints for a pair to be reported: short answers alone never make a copy.
        public var minimumShared = 6
        /// A fingerprint found in more than this share of submissions (and in more than `commonFloor`) is common
        /// ground — the natural way to solve the task — and weighs nothing.
        public var commonShare = 0.5
        /// Pairs are scored only when they share at least `minimumRareShared` fingerprints held by at most this share
        /// of the class (and at most `rareFloor` where that share is smaller: a submission copied by several
        /// classmates at once still makes its copies candidates).
        public var rareShare = 0.03
        public var minimumRareShared = 2
        public var commonFloor = 4
        public var rareFloor = 8
        /// Student texts are short (a query of 30 tokens, a memo of 100 words), so fingerprints are dense: every shared
        /// run of w + k − 1 tokens (6 in SQL, 4 words in a memo, 7 in actions) is caught.
        public var sql = Winnowing(k: 4, window: 3)
        public var memo = Winnowing(k: 3, window: 2)
        public var actions = Winnowing(k: 5, window: 3)
        /// Table and column names of the world's schema: kept in SQL, where other identifiers become `i`.
        public var schemaNames: Set<String> = []
        public init() {}

        func winnowing(_ kind: ArtefactKind) -> Winnowing {
            switch kind {
            case .sql: sql
            case .memo: memo
            case .actions: actions
            }
        }
    }

    /// A reported pair, with the passages they share.
    public struct Pair: Sendable, Equatable {
        public let first: String
        public let second: String
        /// Shared fingerprints over the smaller side's, 0…1.
        public let score: Double
        public let shared: Int
        public let passages: [Passage]
    }

    /// Matching text of one part: the spans (in unicode scalars) in each submission's text, merged where they overlap.
    public struct Passage: Sendable, Equatable {
        public let kind: ArtefactKind
        public let key: String
        public let firstText: String
        public let secondText: String
    }

    public struct Result: Sendable {
        public let pairs: [Pair]
        /// Groups of submissions connected by reported pairs, largest first; each sorted by id.
        public let clusters: [[String]]
    }

    public let settings: Settings

    public init(settings: Settings = Settings()) { self.settings = settings }

    /// Fingerprints of one part, as hashes tied to the part's kind and key (an answer to task 1 is never compared
    /// with an answer to task 2), with their token spans.
    struct PartPrints {
        let kind: ArtefactKind
        let key: String
        let text: String
        let tokens: [Token]
        /// hash → position of the k-gram's first token (first occurrence).
        let positions: [UInt64: Int]
        let hashes: [UInt64] // sorted, unique
    }

    func prints(_ part: Part, excluded: Set<UInt64>) -> PartPrints {
        let tokens = Normaliser.tokens(part.text, kind: part.kind, schemaNames: settings.schemaNames)
        let salt = Winnowing.hash("\(part.kind.rawValue)/\(part.key)")
        var positions: [UInt64: Int] = [:]
        for fp in settings.winnowing(part.kind).fingerprints(tokens) {
            let h = Winnowing.mix(fp.hash ^ salt)
            guard !excluded.contains(h), positions[h] == nil else { continue }
            positions[h] = fp.position
        }
        return PartPrints(kind: part.kind, key: part.key, text: part.text, tokens: tokens, positions: positions,
                          hashes: positions.keys.sorted())
    }

    /// Runs the check. `excluded` holds the starter material and reference solutions (as parts with the keys they
    /// answer): whatever a student took from them is not evidence of copying.
    ///
    /// Evidence is weighed by rarity: a passage only two students share says much more than one a quarter of the class
    /// wrote (the natural way to solve a short task), so each fingerprint weighs ln(1 + N / df)² where df is the number
    /// of submissions holding it, and fingerprints held by more than ``Settings/commonShare`` of the class weigh
    /// nothing. A pair's score is the weight it shares over the smaller side's weight, pooled over the parts both have.
    /// Only pairs sharing rare fingerprints are scored at all, which keeps a class of thousands fast.
    public func run(_ submissions: [Submission], excluded: [Part] = []) -> Result {
        var excludedHashes = Set<UInt64>()
        for part in excluded { excludedHashes.formUnion(prints(part, excluded: []).hashes) }
        let prints = submissions.map { $0.parts.map { self.prints($0, excluded: excludedHashes) } }
        // Document frequency and postings, built in submission order.
        var postings: [UInt64: [Int32]] = [:]
        for (i, parts) in prints.enumerated() {
            var seen = Set<UInt64>()
            for part in parts {
                for h in part.hashes where seen.insert(h).inserted { postings[h, default: []].append(Int32(i)) }
            }
        }
        let n = Double(submissions.count)
        let commonLimit = max(settings.commonFloor, Int(settings.commonShare * n))
        let rareLimit = max(settings.rareFloor, Int(settings.rareShare * n))
        var weight: [UInt64: Double] = [:]
        weight.reserveCapacity(postings.count)
        var candidates: [UInt64: Int] = [:]
        for (h, list) in postings {
            guard list.count <= commonLimit else { continue }
            let w = DeterministicMath.log(1 + n / Double(list.count))
            weight[h] = w * w
            guard list.count >= 2, list.count <= rareLimit else { continue }
            for a in 0..<(list.count - 1) {
                for b in (a + 1)..<list.count where submissions[Int(list[a])].student != submissions[Int(list[b])].student {
                    candidates[(UInt64(list[a]) << 32) | UInt64(list[b]), default: 0] += 1
                }
            }
        }
        // Each part's total weight, once (a part is compared with many candidates).
        let partWeights = prints.map { parts in parts.map { part in part.hashes.reduce(0.0) { $0 + (weight[$1] ?? 0) } } }
        /// The index of the part of submission `b` that answers the same kind and key as part `j` of `a`.
        func counterpart(_ a: Int, _ j: Int, in b: Int) -> Int? {
            let pa = prints[a][j]
            if j < prints[b].count, prints[b][j].kind == pa.kind, prints[b][j].key == pa.key { return j }
            return prints[b].firstIndex { $0.kind == pa.kind && $0.key == pa.key }
        }
        var pairs: [Pair] = []
        for (key, rare) in candidates where rare >= settings.minimumRareShared {
            let a = Int(key >> 32), b = Int(key & 0xffff_ffff)
            var sharedWeight = 0.0, denominator = 0.0, shared = 0
            var matches: [(Int, Int, [UInt64])] = []
            for j in prints[a].indices {
                guard let k = counterpart(a, j, in: b) else { continue }
                let weightA = partWeights[a][j], weightB = partWeights[b][k]
                guard weightA > 0, weightB > 0 else { continue }
                denominator += min(weightA, weightB)
                let pb = prints[b][k]
                var matched: [UInt64] = []
                var partShared = 0.0
                for h in prints[a][j].hashes where pb.positions[h] != nil {
                    guard let w = weight[h], w > 0 else { continue }
                    matched.append(h)
                    partShared += w
                }
                sharedWeight += partShared
                shared += matched.count
                if !matched.isEmpty { matches.append((j, k, matched)) }
            }
            guard denominator > 0, shared >= settings.minimumShared else { continue }
            let score = min(1, sharedWeight / denominator)
            guard score >= settings.threshold else { continue }
            // Passages only for reported pairs: cutting text is the costly part.
            let passages = matches.map { passage(prints[a][$0.0], prints[b][$0.1], $0.2) }
            let (first, second) = submissions[a].id <= submissions[b].id ? (a, b) : (b, a)
            pairs.append(Pair(first: submissions[first].id, second: submissions[second].id, score: score, shared: shared,
                              passages: first == a ? passages : passages.map {
                                  Passage(kind: $0.kind, key: $0.key, firstText: $0.secondText, secondText: $0.firstText)
                              }))
        }
        pairs.sort { $0.score != $1.score ? $0.score > $1.score : ($0.first, $0.second) < ($1.first, $1.second) }
        return Result(pairs: pairs, clusters: SimilarityCheck.clusters(pairs))
    }

    /// The shared text of two parts: the token spans of the matched k-grams, merged, cut from each original text.
    func passage(_ a: PartPrints, _ b: PartPrints, _ matched: [UInt64]) -> Passage {
        let k = settings.winnowing(a.kind).k
        func text(_ p: PartPrints, _ starts: [Int]) -> String {
            guard !p.tokens.isEmpty else { return "" }
            var ranges: [(Int, Int)] = []
            for start in starts.sorted() {
                let from = p.tokens[start].start
                let to = p.tokens[min(p.tokens.count - 1, start + k - 1)].end
                if let last = ranges.last, from <= last.1 { ranges[ranges.count - 1].1 = max(last.1, to) } else { ranges.append((from, to)) }
            }
            let scalars = Array(p.text.unicodeScalars)
            return ranges.map { String(String.UnicodeScalarView(scalars[$0.0..<min(scalars.count, $0.1)])) }.joined(separator: " … ")
        }
        return Passage(kind: a.kind, key: a.key, firstText: text(a, matched.compactMap { a.positions[$0] }),
                       secondText: text(b, matched.compactMap { b.positions[$0] }))
    }

    /// Connected groups of reported pairs (union–find), largest first, then by their first id.
    static func clusters(_ pairs: [Pair]) -> [[String]] {
        var parent: [String: String] = [:]
        func find(_ x: String) -> String {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        for pair in pairs {
            if parent[pair.first] == nil { parent[pair.first] = pair.first }
            if parent[pair.second] == nil { parent[pair.second] = pair.second }
            let a = find(pair.first), b = find(pair.second)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var groups: [String: [String]] = [:]
        for id in parent.keys { groups[find(id), default: []].append(id) }
        return groups.values.map { $0.sorted() }.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }
}
