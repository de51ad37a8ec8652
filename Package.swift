// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "courtesy",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "courtesy", targets: ["courtesy"]),
        // Benchmarks and chaos: see the target.
        .executable(name: "courtesy-lab", targets: ["courtesy-lab"]),
        // Tests only: see the target.
        .executable(name: "CourtesyFuzz", targets: ["CourtesyFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.0"),
        // Micro-benchmarks with allocation counts (Benchmarks/); its malloc interposer needs no system package.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // librdkafka 2.0.2 from Debian's librdkafka-dev: rdkafka.h and rdkafka_mock.h.
        .systemLibrary(
            name: "CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        // What every module shares for concurrency: the lock (a pthread mutex, which ThreadSanitizer sees) and
        // the one way to run blocking work off the cooperative pool; no dependencies.
        .target(name: "CourtesyLocking"),
        // The Kafka adapter: owns every C handle; no domain code.
        .target(
            name: "CourtesyKafka",
            dependencies: [
                "CRdKafka",
                "CourtesyLocking",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The pure core: mentions, drafts, classification, personalisation, templates.
        // Imports no Kafka, NIO or HTTP module.
        .target(
            name: "CourtesyCore",
            dependencies: [
                "CourtesyLocking",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Resources/make-forenames.py"],
            resources: [
                // Classifier defaults: hand-written cue lists (CC0) and the VADER lexicon (MIT).
                .copy("Resources/classifier.json"),
                .copy("Resources/vader_lexicon.txt"),
                .copy("Resources/vader_lexicon.LICENSE.txt"),
                .copy("Resources/emoji_utf8_lexicon.txt"),
                .copy("Resources/forenames.txt"),
                .copy("Resources/forenames-extra.txt"),
                // The words `courtesy eval drafts` judges drafts by.
                .copy("Resources/scorecard.json"),
                // The reply templates; the top-level templates/ is a link to this directory.
                .copy("Resources/templates"),
            ]
        ),
        // The desk's HTTP API as a contract: the request and response bodies the desk serves and the review
        // client sends. Depends on the core only.
        .target(
            name: "CourtesyDeskAPI",
            dependencies: ["CourtesyCore"]
        ),
        // The services: the pure core wired to Kafka.
        .target(
            name: "CourtesyServices",
            dependencies: [
                "CourtesyCore",
                "CourtesyDeskAPI",
                "CourtesyKafka",
                "CourtesyLocking",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        // The approvers' client of the desk's HTTP API: configuration, requests, tables, the review loop.
        // AsyncHTTPClient is its HTTP client; NIOSSL's TLS configuration adds a private CA to the trusted roots.
        .target(
            name: "CourtesyReview",
            dependencies: [
                "CourtesyCore",
                "CourtesyDeskAPI",
                "CourtesyLocking",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // What both executables' commands share: Kafka and logging options, console output, port checks.
        .target(
            name: "CourtesyCommandSupport",
            dependencies: [
                "CourtesyKafka",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What operators and approvers run: the services, review, draft, eval, train, templates, demo.
        .executableTarget(
            name: "courtesy",
            dependencies: [
                "CourtesyCommandSupport",
                "CourtesyCore",
                "CourtesyDeskAPI",
                "CourtesyKafka",
                "CourtesyLocking",
                "CourtesyReview",
                "CourtesyServices",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The test rigs, apart from what ships: benchmarks and the chaos run, which start `courtesy` services
        // as child processes.
        // Mention events generated for the benchmarks, shared by the lab and the micro-benchmarks.
        .target(
            name: "CourtesyBenchCorpus",
            dependencies: ["CourtesyCore"]
        ),
        .target(
            name: "CourtesyLab",
            dependencies: [
                "CRdKafka",
                "CourtesyBenchCorpus",
                "CourtesyCommandSupport",
                "CourtesyCore",
                "CourtesyDeskAPI",
                "CourtesyKafka",
                "CourtesyLocking",
                "CourtesyReview",
                "CourtesyServices",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "courtesy-lab",
            dependencies: [
                "CourtesyLab",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Micro-benchmarks (`make benchmarks`): allocations per batch of the core's stages and of the adapter's
        // bookkeeping, checked against Benchmarks/Thresholds; run by `swift package benchmark`, never shipped.
        .executableTarget(
            name: "CoreStages",
            dependencies: [
                "CourtesyBenchCorpus",
                "CourtesyCore",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CoreStages",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "KafkaBookkeeping",
            dependencies: [
                "CourtesyKafka",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/KafkaBookkeeping",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Hostile mention events and the safety rules their drafts must meet, shared by the tests and the
        // fuzz target; no dependencies, so it builds under any sanitizer.
        .target(
            name: "HostileCorpus",
            path: "Tests/HostileCorpus"
        ),
        // The fuzz target over mention decoding and draft rendering (docs/reliability.md): libFuzzer's
        // entry point when built with -sanitize=fuzzer and COURTESY_FUZZING (`make fuzz`), otherwise a tool
        // that replays inputs through the same checks and writes the seed corpus.
        .executableTarget(
            name: "CourtesyFuzz",
            dependencies: ["CourtesyCore", "HostileCorpus", "CFuzzDriver"],
            path: "Tests/CourtesyFuzz"
        ),
        // A certificate authority made per test, for the tests of HTTPS servers and clients.
        .target(
            name: "TestCertificates",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "Tests/TestCertificates"
        ),
        // The tests' HTTP client, over AsyncHTTPClient.
        .target(
            name: "TestHTTP",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestHTTP"
        ),
        // The declaration of libFuzzer's driver, which CourtesyFuzz calls from its own entry point.
        .target(
            name: "CFuzzDriver",
            path: "Tests/CFuzzDriver"
        ),
        .testTarget(
            name: "CourtesyCoreTests",
            dependencies: ["CourtesyCore", "HostileCorpus"],
            // Read beside its test by path, not as a bundled resource.
            exclude: ["Facts/facts-corpus.tsv"]
        ),
        .testTarget(
            name: "CourtesyServicesTests",
            dependencies: [
                "CourtesyDeskAPI",
                "CourtesyLocking",
                "CourtesyServices",
                "HostileCorpus",
                "TestCertificates",
                "TestHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "CourtesyReviewTests",
            dependencies: [
                "CourtesyDeskAPI",
                "CourtesyLocking",
                "CourtesyReview",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                "TestCertificates",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Runs the built `courtesy` binary with real external clients (kcat).
        .testTarget(
            name: "CourtesyEndToEndTests",
            dependencies: [
                "courtesy", "courtesy-lab", "CourtesyCommandSupport", "CourtesyCore", "CourtesyLab", "HostileCorpus",
                "TestHTTP",
            ]
        ),
        .testTarget(
            name: "CourtesyKafkaTests",
            dependencies: [
                "CourtesyKafka",
                "CourtesyLocking",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)
