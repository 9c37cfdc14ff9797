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
        "cn-import/daigou/1": "652a740cafe6852f06600114e4153ff8721796128c4f02d374aedffb228e345a",
        "cn-import/daigou/20261204": "ab89617812f92f8abdbc160088abcd0cf2d61c403421d51f3de419febcd3f6dc",
        "cn-import/b2c-comprehensive/1": "b997e18d41281d46e627bfb6935293dc23894d0417d00a7bcaeda534f6e734d6",
        "cn-import/b2c-comprehensive/20261204": "70df9a1878a4337622ba0973779fc2f938b57c6cf1097b1ff97640344070c991",
        "cn-import/b2c-vertical/1": "3ca34b06bf2770d9f48f74379508dffa0d65b545d2e7fd8efcf030bbe298abfa",
        "cn-import/b2c-vertical/20261204": "b7c9ceabe8a5ef8969895435cde68e803878399da6cd0194606bdc64cb7b48bd",
        "cn-import/direct-delivery/1": "8f50104f271db8c067b0340db0c56e0476ccbba4ff301dc7b15c4fcb83e58728",
        "cn-import/direct-delivery/20261204": "ea6e2de36f833701e16d2f1669db63fe8d3ed8d8f84c1a18de2cc0f4a465008c",
        "cn-import/rebate/1": "a9df3337953207c632d45f4c38509e5a4b25f8c0a1ffecd4f97d4b0641428375",
        "cn-import/rebate/20261204": "788bf446f1b74477cc230fbb8aa7c7fcb6b8869fe1268261de7af75334fdfbf6",
        "global-export/b2c-comprehensive/1": "9bf661536b949993d3fac2d420988223f06b6f4eee2685a8980436bcab2b9ee4",
        "global-export/b2c-comprehensive/20261204": "9db0fa3a7ff40a841fddf6f3b97908c3c1e25bf550c0116e70ec0c99e2000c5b",
        "global-export/b2c-vertical/1": "1484b4df6b89263ce4a52da9173140fd2e28815f5be17e41e1e70b3b752c5728",
        "global-export/b2c-vertical/20261204": "fd5263adf6e7265a96707e3f86c9f04c3d87560424315bd97b809763dea76de6",
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
