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
    static let pinnedEngine = "0.4.0"

    static let pins: [String: String] = [
        "cn-import/daigou/1": "652a740cafe6852f06600114e4153ff8721796128c4f02d374aedffb228e345a",
        "cn-import/daigou/20261204": "ab89617812f92f8abdbc160088abcd0cf2d61c403421d51f3de419febcd3f6dc",
        "cn-import/b2c-comprehensive/1": "f787136c76fe376c90b62d4657d31ea97af357376c67cd0202edbfc7e259645e",
        "cn-import/b2c-comprehensive/20261204": "27f3d55dfd2175a636b8a059c3e1ffafe73b6ed391a45b22b37c36d2ba08ae27",
        "cn-import/b2c-vertical/1": "026ea761ec6f8d706ba745896698ba8c337124dd86be2a0802280bad6b1dc6e5",
        "cn-import/b2c-vertical/20261204": "ab271ab4514b373fb4fe79146798dd905c32defef830e2cf1116279c45b17e31",
        "cn-import/direct-delivery/1": "8f50104f271db8c067b0340db0c56e0476ccbba4ff301dc7b15c4fcb83e58728",
        "cn-import/direct-delivery/20261204": "ea6e2de36f833701e16d2f1669db63fe8d3ed8d8f84c1a18de2cc0f4a465008c",
        "cn-import/rebate/1": "a9df3337953207c632d45f4c38509e5a4b25f8c0a1ffecd4f97d4b0641428375",
        "cn-import/rebate/20261204": "788bf446f1b74477cc230fbb8aa7c7fcb6b8869fe1268261de7af75334fdfbf6",
        "global-export/b2c-comprehensive/1": "9023e0d0423c1f4af52b46d97ccfa43fe2afd9c78b8953957a55759d894f17b9",
        "global-export/b2c-comprehensive/20261204": "731d807aac28453b09f9942918200e65195a251452e387c404e447e3c18670f7",
        "global-export/b2c-vertical/1": "de37e5a1b6a4ec71790fce562bbb85dca07a22fa27975d25ef2f953b6d0cf307",
        "global-export/b2c-vertical/20261204": "8e54d05ac1f006e8b748c0a8b5a06427e96c59222260b241cc9961b3d3107348",
        "global-export/b2b-platform/1": "ce80a777a6a6a9bfe15b8133b6cd181eebc8b6b8204a079b9946b1ffc82fcfd7",
        "global-export/b2b-platform/20261204": "80146b850bf24fafceff566346610f3ca0c3da3fda8084d7b4aa987d9eb9c3c3",
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
