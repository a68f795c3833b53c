// swift-tools-version: 6.0
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode plus the upcoming
/// features that keep imports honest (as swift-log does).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "tunedata",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tunedata", targets: ["tunedata"]),
        .library(name: "TuneData", targets: ["TuneData"]),
        .library(name: "Tokenizer", targets: ["Tokenizer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"]), .brew(["poppler"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Tokenizer",
            resources: [.copy("Vocabularies")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TuneData",
            dependencies: [
                "CLibXML2", "CPoppler", "CZlib", "Tokenizer",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("ShippedTemplates")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "tunedata",
            dependencies: [
                "TuneData", "Tokenizer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "TokenizerBenchmark",
            dependencies: ["Tokenizer"],
            path: "Benchmarks/TokenizerBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "DatasetBenchmark",
            dependencies: ["TuneData"],
            path: "Benchmarks/DatasetBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "QualityBenchmark",
            dependencies: ["TuneData"],
            path: "Benchmarks/QualityBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "HTMLBenchmark",
            dependencies: ["TuneData", "CLibXML2"],
            path: "Benchmarks/HTMLBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "PDFBenchmark",
            dependencies: ["TuneData", "CPoppler"],
            path: "Benchmarks/PDFBenchmark",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TokenizerTests",
            dependencies: ["Tokenizer"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TuneDataTests",
            dependencies: ["TuneData", "Tokenizer"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
