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
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
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
        .target(
            name: "Tokenizer",
            resources: [.copy("Vocabularies")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TuneData",
            dependencies: [
                // zlib comes through ZIPFoundation's own `CZlib` module (two modules of that name cannot coexist).
                "CLibXML2", "CPoppler", "Tokenizer",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("ShippedTemplates"), .copy("Legal/Clauses/ClauseRules.json")],
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
        .executableTarget(
            name: "PrivacyBenchmark",
            dependencies: ["TuneData"],
            path: "Benchmarks/PrivacyBenchmark",
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
            dependencies: [
                // CPoppler: the OCR tests draw their scanned-page PDFs with cairo.
                "TuneData", "Tokenizer", "CPoppler",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
