/// A counter-based random source: every draw is a pure function of (seed, stream, day, entity, index).
///
/// DESIGN.md invariant 2: no sequential generator, so adding a new kind of draw never shifts the
/// existing ones, and any draw can be recomputed on its own (replay, grading, tests).
public struct CounterRNG: Sendable, Hashable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// SplitMix64's finaliser: a bijective 64-bit mix with full avalanche.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The key of one (stream, day) pair, to hoist out of loops over entities.
    @inline(__always)
    public func key(_ stream: Stream, day: Int) -> UInt64 {
        CounterRNG.mix(CounterRNG.mix(seed ^ stream.rawValue) ^ UInt64(bitPattern: Int64(day)))
    }

    /// The raw 64-bit draw for an entity and index under a precomputed key.
    @inline(__always)
    public static func bits(key: UInt64, entity: Int, index: Int = 0) -> UInt64 {
        mix(mix(key ^ UInt64(bitPattern: Int64(entity))) &+ UInt64(bitPattern: Int64(index)))
    }

    /// The single draw of an entity under a key, with one mixing round: the daily visit decision of every
    /// customer uses it, so it must cost a few instructions. Distinct entities give distinct, well-mixed inputs.
    @inline(__always)
    public static func first(key: UInt64, entity: Int) -> UInt64 {
        mix(key &+ UInt64(bitPattern: Int64(entity)) &* 0xD1B5_4A32_D192_ED03)
    }

    /// The raw 64-bit draw for (stream, day, entity, index).
    @inline(__always)
    public func bits(_ stream: Stream, day: Int, entity: Int, index: Int = 0) -> UInt64 {
        CounterRNG.bits(key: key(stream, day: day), entity: entity, index: index)
    }

    /// A uniform draw in [0, 1) with 53 bits of precision.
    @inline(__always)
    public func uniform(_ stream: Stream, day: Int, entity: Int, index: Int = 0) -> Double {
        CounterRNG.unit(bits(stream, day: day, entity: entity, index: index))
    }

    @inline(__always)
    public static func unit(_ bits: UInt64) -> Double { Double(bits >> 11) * 0x1.0p-53 }

    /// A whole number in `range`, by multiply-shift (Lemire) on the raw bits, so the mapping is ours, not the stdlib's.
    public func integer(in range: ClosedRange<Int>, _ stream: Stream, day: Int, entity: Int, index: Int = 0) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        let raw = bits(stream, day: day, entity: entity, index: index)
        return range.lowerBound + Int(raw.multipliedFullWidth(by: width).high)
    }

    /// An approximately standard-normal draw: the sum of twelve uniforms minus six (Irwin–Hall).
    ///
    /// Uses only addition, so it is bit-identical on every platform, unlike `log`/`cos` from a libm.
    public func normal(_ stream: Stream, day: Int, entity: Int, index: Int = 0) -> Double {
        var sum = 0.0
        for i in 0..<12 { sum += uniform(stream, day: day, entity: entity, index: index &* 16 &+ i) }
        return sum - 6.0
    }

    /// Named streams. Values are fixed forever: changing one changes every world.
    public enum Stream: UInt64, Sendable {
        case fx = 0x0001
        case visit = 0x0002
        case shown = 0x0003
        case choice = 0x0004
        case transit = 0x0005
        case quantity = 0x0006
        case population = 0x0007
        case inspection = 0x0008
        case loss = 0x0009
        case review = 0x000A
        case returns = 0x000B
        case settlement = 0x000C
        /// Customs: three-document mismatches, random parcel inspections, hold outcomes.
        case customs = 0x000D
        /// Fraud bots, risk scores and verification outcomes.
        case fraud = 0x000E
        /// Chargeback timing and disputes.
        case chargeback = 0x000F
        /// Tickets: who complains, about what.
        case tickets = 0x0010
        /// Counterfeit batches and fake supplier documents.
        case counterfeit = 0x0011
        /// Regulator spot checks.
        case regulator = 0x0012
        /// Business modes: platform members, trades, clicks, repeat buyers.
        case platform = 0x0013
        /// Instructor events of the scenario file.
        case events = 0x0014
        /// Purchase frequency: when a customer needs a category again.
        case demand = 0x0015
    }
}
