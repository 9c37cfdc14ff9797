/// Winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): hashes of every k-gram of tokens, and from each window of
/// `w` consecutive hashes the smallest one. Any shared run of at least `w + k − 1` tokens is guaranteed to share a
/// fingerprint, while the number of fingerprints stays about 2/(w + 1) of the text's length.
public struct Winnowing: Sendable {
    public let k: Int
    public let window: Int

    public init(k: Int, window: Int) {
        precondition(k >= 1 && window >= 1)
        self.k = k
        self.window = window
    }

    /// A selected fingerprint: the k-gram's hash and the index of its first token.
    public struct Fingerprint: Sendable, Equatable {
        public let hash: UInt64
        public let position: Int
    }

    /// The fingerprints of a token stream, in order, each selected position once. A text shorter than one k-gram has
    /// one fingerprint over all its tokens (so two identical short answers still match), none when it is empty.
    public func fingerprints(_ tokens: [Token]) -> [Fingerprint] {
        guard !tokens.isEmpty else { return [] }
        let tokenHashes = tokens.map { Winnowing.hash($0.text) }
        if tokens.count < k {
            return [Fingerprint(hash: Winnowing.combine(tokenHashes[...]), position: 0)]
        }
        let grams = (0...(tokens.count - k)).map { Winnowing.combine(tokenHashes[$0..<($0 + k)]) }
        if grams.count <= window {
            let i = grams.indices.min { grams[$0] < grams[$1] || (grams[$0] == grams[$1] && $0 > $1) }!
            return [Fingerprint(hash: grams[i], position: i)]
        }
        var out: [Fingerprint] = []
        var last = -1
        for start in 0...(grams.count - window) {
            // The rightmost minimum of the window (the robust choice of the paper).
            var best = start
            for j in start..<(start + window) where grams[j] <= grams[best] { best = j }
            if best != last {
                out.append(Fingerprint(hash: grams[best], position: best))
                last = best
            }
        }
        return out
    }

    /// FNV-1a over the token's UTF-8 bytes: the same on every platform and run (Swift's `Hasher` is reseeded per process).
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// An order-sensitive combination of token hashes (a SplitMix64 finaliser after each step).
    static func combine(_ hashes: ArraySlice<UInt64>) -> UInt64 {
        var h: UInt64 = 0x9e37_79b9_7f4a_7c15
        for value in hashes {
            h = mix(h ^ value)
        }
        return h
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
