// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "BorderLab",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "borderlab", targets: ["borderlab"]),
        .library(name: "BorderLabCore", targets: ["BorderLabCore"]),
        .library(name: "BorderLabStore", targets: ["BorderLabStore"]),
        .library(name: "BorderLabExercises", targets: ["BorderLabExercises"]),
        .library(name: "BorderLabGrading", targets: ["BorderLabGrading"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // The world and its rules: money, FX, calendar, catalogue, tax, logistics, customers, the engine.
        // Pure Swift: no I/O, no SQLite, no wall clock, no unseeded randomness.
        .target(name: "BorderLabCore"),
        // Workspaces (hash-chained action log), the SQLite projection, the read-only query sandbox, benchmarks.
        .target(
            name: "BorderLabStore",
            dependencies: [
                "BorderLabCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Courses and exercises: definitions, per-student variants, the checker (shared by `check` and grading),
        // hints, answers, submission bundles and the authoring self-test.
        .target(
            name: "BorderLabExercises",
            dependencies: [
                "BorderLabCore", "BorderLabStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Grading and quality monitoring: safe intake of archives, rosters, item analysis, similarity, LMS exports.
        .target(
            name: "BorderLabGrading",
            dependencies: [
                "BorderLabCore", "BorderLabStore", "BorderLabExercises",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The command-line interface: thin commands over the libraries.
        .target(
            name: "BorderLabCLI",
            dependencies: [
                "BorderLabCore", "BorderLabStore", "BorderLabExercises", "BorderLabGrading",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "borderlab", dependencies: ["BorderLabCLI"]),
        .testTarget(name: "BorderLabCoreTests", dependencies: ["BorderLabCore"]),
        .testTarget(name: "BorderLabStoreTests", dependencies: ["BorderLabStore", "BorderLabCore"]),
        .testTarget(name: "BorderLabCLITests", dependencies: ["BorderLabCLI"], exclude: ["Golden"]),
        .testTarget(name: "BorderLabExercisesTests", dependencies: ["BorderLabExercises", "BorderLabStore", "BorderLabCore"]),
        .testTarget(name: "BorderLabGradingTests", dependencies: ["BorderLabGrading", "BorderLabExercises", "BorderLabStore", "BorderLabCore"]),
    ]
)
