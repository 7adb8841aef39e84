// swift-tools-version:6.2
import PackageDescription

let logging = Target.Dependency.product(name: "Logging", package: "swift-log")

let package = Package(
    name: "chatgpt-probot",
    platforms: [.macOS(.v15)],  // local Mac builds only (Mutex, Clock); Linux is not gated
    products: [.executable(name: "chatgpt-probot", targets: ["chatgpt-probot"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),  // tests only
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),  // the few-shot examples file
    ],
    targets: [
        // GitHub's Markdown parser, from Debian/Ubuntu's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "ProbotCore", dependencies: ["CCmarkGFM"]),
        .target(name: "Tokenizer", resources: [.copy("Resources")]),
        .target(
            name: "ProbotServices",
            dependencies: ["ProbotCore", "Tokenizer", logging, .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "chatgpt-probot",
            dependencies: [
                "ProbotCore", "ProbotServices", "Tokenizer", logging,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "probot-benchmarks",
            dependencies: [
                "Tokenizer", "ProbotCore", "ProbotServices", "ProbotTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Sources/probot-benchmarks"
        ),
        .target(
            name: "ProbotTestSupport",
            dependencies: [
                "ProbotCore", "ProbotServices", logging,
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .testTarget(
            name: "ProbotCoreTests",
            dependencies: ["ProbotCore", "ProbotTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ProbotServicesTests",
            dependencies: ["ProbotServices", "ProbotTestSupport", logging],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TokenizerTests",
            dependencies: ["Tokenizer", "ProbotCore", "ProbotServices"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ProbotIntegrationTests",
            dependencies: ["ProbotCore", "ProbotServices", "ProbotTestSupport", logging],
            resources: [.copy("Fixtures")]
        ),
    ]
)

for target in package.targets where [.regular, .test, .executable].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))  // SE-0335
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))  // SE-0444
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))  // SE-0409
    target.swiftSettings = settings
}
