import BorderLabCore
import Foundation
import GRDB
import Testing
@testable import BorderLabStore

/// Golden digests (DESIGN.md invariant 2): each scenario × mode × seed, run with the mode's demo shop for 60 days, gives
/// exactly this world. Any change to the world — on purpose or not — changes a digest here. A change on purpose comes
/// with a new engine version (`BorderLabVersion.engine`, so old logs are refused rather than replayed differently)
/// and new pins: run `BORDERLAB_PRINT_DIGESTS=1 swift test --filter GoldenDigestTests` and paste what it prints.
///
/// The same pins hold on macOS and Linux, x86-64 and arm64: the engine uses only IEEE-754 basic arithmetic and its own
/// `exp`/`log` (``DeterministicMath``), a counter-based RNG and no dictionary order.
@Suite struct GoldenDigestTests {
    /// The engine version the pins below were taken with.
    static let pinnedEngine = "0.3.0"

    static let pins: [String: String] = [
        "cn-import/daigou/1": "ba56490435c95f72a882fce57bc99b8682952ce5a0913826ed0c63616cd85546",
        "cn-import/daigou/20261204": "61eac7894f7361d04e88f7e7fcb504f5d04e4dd1aefa10edfcce8cace40064f3",
        "cn-import/b2c-comprehensive/1": "c944aeaeaecf00411caace2100a1e7249f7e9aa92bcdf42b58d4b6a74535b3d2",
        "cn-import/b2c-comprehensive/20261204": "db7f0406d3a7e995656a513393eefcc7b77bd167ef9aaedce4b75800782147bc",
        "cn-import/b2c-vertical/1": "fa59c7f329206b6d1d44d50d72a67bba03f1cca6b9e62f741742bb5ddef5a8f0",
        "cn-import/b2c-vertical/20261204": "a068873d8ae86b0e3c595afdbcce11aece2f5d8a3eb4696eca1f28898b4034ff",
        "cn-import/direct-delivery/1": "fb2cbfd3df64e5b4420413dfe7d95e9c0257f36d2ca1b9b1181fff4a7f0116eb",
        "cn-import/direct-delivery/20261204": "c951c13b88b29a92298bd0ca306d5eef140ff1f149e96784617bd0f46123675e",
        "cn-import/rebate/1": "c47027f1f794a9325188934a17da69e6235ae24719277e3a8b16aa32de2fcf46",
        "cn-import/rebate/20261204": "d1f4b5227c134bb1689b3136e113f9012cac65d4985f34cd413f191beffa2f04",
        "global-export/b2c-comprehensive/1": "28fe36509da71b5cde6e549fd2b5e4337e6f0cb20033dccb9f5d9bf0ff4a73aa",
        "global-export/b2c-comprehensive/20261204": "2946e9d3ec27adfd3c515ac58b219b4de881c0a57bf29569b4932081ec12bede",
        "global-export/b2c-vertical/1": "412bfcf221b4038f60e56c5aa31abd6e1ce0fcf46904c345d275b61c5fd63a2c",
        "global-export/b2c-vertical/20261204": "e6e644cb63b3ccdd9586d9d18364f98decf35c32eccad417edeb728a5e227696",
        "global-export/b2b-platform/1": "e4b0653115aa1d7873c47f6e63c3ecf704c42f83b8ef0212a4a1ff6c9f115cb1",
        "global-export/b2b-platform/20261204": "a5dbd354ed557fd1b69ebe25a1fba651db2e4350f0823d2f79f57113e0cfdf7a",
    ]

    static let seeds: [UInt64] = [1, 20_261_204]

    static var cases: [(Scenario, ShopMode, UInt64)] {
        [Scenario.cnImport, .globalExport].flatMap { scenario in
            ShopMode.modes(for: scenario).flatMap { mode in seeds.map { (scenario, mode, $0) } }
        }
    }

    static func key(_ scenario: Scenario, _ mode: ShopMode, _ seed: UInt64) -> String { "\(scenario.id)/\(mode.rawValue)/\(seed)" }

    /// The digest of a 300-customer world after the mode's demo actions and 60 days.
    static func digest(_ scenario: Scenario, _ mode: ShopMode, seed: UInt64) throws -> String {
        let header = WorldHeader(seed: seed, scenario: scenario, mode: mode.rawValue, customers: 300)
        var world = try World(header: header)
        for action in world.demoActions() + [.advance(days: 60)] { try world.apply(action) }
        let db = try DatabaseQueue()
        _ = try db.writeWithoutTransaction { db in
            try ProjectionWriter.write(world, meta: .init(header: header, logHead: "golden", actions: 0), into: db)
        }
        return try db.read { try WorldDigest.digest($0) }
    }

    @Test func everyPairAndSeedGivesItsPinnedWorld() throws {
        var computed: [(String, String)] = []
        for (scenario, mode, seed) in Self.cases {
            computed.append((Self.key(scenario, mode, seed), try Self.digest(scenario, mode, seed: seed)))
        }
        if ProcessInfo.processInfo.environment["BORDERLAB_PRINT_DIGESTS"] != nil {
            print("    static let pinnedEngine = \"\(BorderLabVersion.engine)\"\n\n    static let pins: [String: String] = [")
            for (key, digest) in computed { print("        \"\(key)\": \"\(digest)\",") }
            print("    ]")
        }
        #expect(computed.count == 16, "8 scenario × mode pairs × 2 seeds")
        let changed = computed.filter { Self.pins[$0.0] != $0.1 }.map(\.0)
        if BorderLabVersion.engine == Self.pinnedEngine {
            #expect(changed.isEmpty, """
                The world changed without a new engine version: \(changed.joined(separator: ", ")). If the change is on \
                purpose, bump BorderLabVersion.engine and refresh the pins (BORDERLAB_PRINT_DIGESTS=1).
                """)
        } else {
            Issue.record("The engine is \(BorderLabVersion.engine) but the pins were taken with \(Self.pinnedEngine): refresh them (BORDERLAB_PRINT_DIGESTS=1).")
        }
        // Not vacuous: worlds of different pairs and seeds differ.
        #expect(Set(computed.map(\.1)).count == computed.count)
    }
}
