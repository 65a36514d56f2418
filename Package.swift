// swift-tools-version:6.2
import PackageDescription

/// factwatch: a daemon that watches news sources for changes in the status of diplomatic facilities.
///
/// The targets follow the data flow of one pass (see README, "Architecture"): `Fetching` → `Extraction` →
/// `Facts` → `Changes` → `Storage` → `Alerts`, wired together by `Daemon` and exposed by the thin `factwatch`
/// executable. `Core` holds the value types that cross every boundary.
let package = Package(
    name: "factwatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "factwatch", targets: ["factwatch"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "Core"),
        .target(
            name: "Fetching",
            dependencies: [
                "CCurl", "CLibXML2", "Core",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "Extraction", dependencies: ["CLibXML2", "Core"]),
        .target(
            name: "Facts",
            dependencies: ["Core", .product(name: "TOMLKit", package: "TOMLKit")],
            resources: [.embedInCode("Resources/lexicon.toml"), .embedInCode("Resources/gazetteer.tsv")]
        ),
        .target(name: "Changes", dependencies: ["Core"]),
        .target(
            name: "Storage",
            dependencies: [
                "Core",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Alerts",
            dependencies: [
                "Core", "Fetching", "Storage",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(
            name: "Daemon",
            dependencies: [
                "Core", "Fetching", "Extraction", "Facts", "Changes", "Storage", "Alerts",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "factwatch",
            dependencies: [
                "Core", "Daemon", "Alerts", "Facts", "Fetching", "Storage",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "Core",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "TestSupport"]),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "FactsTests", dependencies: ["Facts", "Extraction", "TestSupport"]),
        .testTarget(name: "ChangesTests", dependencies: ["Changes", "TestSupport"]),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "Changes", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "AlertsTests",
            dependencies: [
                "Alerts", "Core", "Fetching", "Storage", "TestSupport",
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "Daemon", "Alerts", "Core", "Facts", "Fetching", "Storage", "TestSupport", "factwatch",
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
