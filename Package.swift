// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "intray",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "intray", targets: ["intray"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CLink"),
        .target(name: "IntrayCore"),
        .target(name: "MailText", dependencies: ["CLibXML2"]),
        .target(
            name: "ProductiveAPI",
            dependencies: [
                "IntrayCore", "MailText",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "ProductiveSandbox",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Keymaps",
            dependencies: ["IntrayCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(
            name: "IntrayTUI",
            dependencies: ["IntrayCore", "MailText", "Keymaps", "CNCursesW", "CMalloc", "CLink"]
        ),
        .target(
            name: "IntrayApp",
            dependencies: [
                "IntrayCore", "ProductiveAPI", "ProductiveSandbox", "Keymaps", "IntrayTUI", "MailText",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "intray",
            dependencies: [
                "IntrayApp", "IntrayCore", "ProductiveAPI", "ProductiveSandbox", "Keymaps", "IntrayTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["BuildInfoPlugin"]
        ),
        .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
        .testTarget(name: "IntrayCoreTests", dependencies: ["IntrayCore"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MailTextTests", dependencies: ["MailText", "TestSupport"]),
        .testTarget(
            name: "ProductiveAPITests",
            dependencies: [
                "ProductiveAPI", "ProductiveSandbox", "IntrayCore", "MailText", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ProductiveSandboxTests",
            dependencies: [
                "ProductiveSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "KeymapsTests", dependencies: ["Keymaps", "IntrayCore"]),
        .testTarget(name: "IntrayTUITests", dependencies: ["IntrayTUI", "IntrayCore", "MailText", "Keymaps", "TestSupport"]),
        .testTarget(
            name: "IntrayAppTests",
            dependencies: [
                "IntrayApp", "IntrayCore", "ProductiveAPI", "ProductiveSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "intray", "ProductiveSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ]
)
