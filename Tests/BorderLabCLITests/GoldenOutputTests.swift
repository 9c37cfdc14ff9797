import Foundation
import Testing

/// The exact text of the main commands on a fixed seed (issue 8, §6): a change of wording or of a figure fails here
/// and is re-pinned on purpose (`BORDERLAB_WRITE_GOLDEN=1 swift test --filter GoldenOutputTests`, then read the diff
/// of `Tests/BorderLabCLITests/Golden/`).
///
/// The built `borderlab` binary runs in a child process, so its standard output is its own (tests in this process
/// print too, in parallel). Standard error (progress lines) is not compared.
///
/// Figures checked by hand in the pinned quote (seed 7, 2026-10-20, JP-COS-01 at 1,380 JPY from 50 units):
/// goods 60 × 1,380 = 82,800 JPY at 0.047996 CNY/JPY (spread included) = 3,974.05 CNY; insurance 0.30% of
/// (3,974.05 + 893.60) = 14.60 CNY; total 4,882.25 CNY = 81.37 CNY per unit; the customer's CBEC tax on a
/// 198.00 CNY price is 0.7 × 13% × 198.00 = 18.02 CNY.
@Suite struct GoldenOutputTests {
    /// One step of the session: a name (the golden file), the arguments, and the exit code it must end with.
    struct Step: Sendable {
        let name: String
        let arguments: [String]
        var exitCode: Int32 = 0
    }

    /// The session: a new cn-import shop on seed 7 with 1,000 customers, one product bought by sea into the bonded
    /// zone and listed below the going price, one ticket rule, paid marketing, 30 days, and the rule book of day 0.
    static let session: [Step] = [
        Step(name: "new", arguments: ["new", "shop", "--scenario", "cn-import", "--customers", "1000", "--seed", "7"]),
        Step(name: "status-day0", arguments: ["status"]),
        Step(name: "market-quote", arguments: ["market", "quote", "JP-COS-01", "--qty", "60", "--channel", "sea-freight", "--customs", "1210"]),
        Step(name: "market-buy", arguments: ["market", "buy", "JP-COS-01", "--qty", "60", "--channel", "sea-freight", "--customs", "1210"]),
        Step(name: "shop-add", arguments: ["shop", "add", "JP-COS-01", "--price", "140 CNY"]),
        Step(name: "tickets-policy-set", arguments: ["tickets", "policy", "where-is-my-parcel", "explain"]),
        Step(name: "tickets-policy", arguments: ["tickets", "policy"]),
        Step(name: "shop-set", arguments: ["shop", "set", "marketing.daily_budget", "40 CNY"]),
        Step(name: "shop-settings", arguments: ["shop", "settings"]),
        Step(name: "advance", arguments: ["advance", "--days", "30"]),
        Step(name: "status-day30", arguments: ["status"]),
        Step(name: "rules", arguments: ["rules", "--date", "2026-10-20"]),
    ]

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The `borderlab` binary built beside the test bundle (`.build/<configuration>/borderlab`).
    static func binary() -> URL? {
        let beside = [CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }, Bundle.main.executableURL, Bundle.main.bundleURL]
            .compactMap { $0?.deletingLastPathComponent() }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = beside.flatMap { [$0, $0.deletingLastPathComponent()] }.map { $0.appendingPathComponent("borderlab") }
            + [package.appendingPathComponent(".build/debug/borderlab")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs the binary in `folder` and returns its exit code and standard output.
    static func run(_ binary: URL, _ arguments: [String], in folder: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theMainCommandsPrintExactlyThePinnedText() throws {
        let binary = try #require(Self.binary(), "build the borderlab executable first (swift build)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let write = ProcessInfo.processInfo.environment["BORDERLAB_WRITE_GOLDEN"] == "1"
        for step in Self.session {
            let folder = step.name == "new" ? root : root.appendingPathComponent("shop")
            let (code, output) = try Self.run(binary, step.arguments, in: folder)
            #expect(code == step.exitCode, "\(step.name): exit code")
            let file = Self.goldenFolder.appendingPathComponent(step.name + ".txt")
            if write {
                try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
                try Data(output.utf8).write(to: file)
                continue
            }
            let expected = try #require(FileManager.default.contents(atPath: file.path), "no golden file \(file.lastPathComponent)")
            #expect(output == String(decoding: expected, as: UTF8.self), "borderlab \(step.arguments.joined(separator: " "))")
        }
    }
}
