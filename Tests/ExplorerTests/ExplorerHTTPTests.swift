import Explorer
import Foundation
import LabCommands
import SoftFloat
import Testing

/// The explorer over real HTTP on loopback: its answers against the library's `InspectReport`
/// (the code behind `precision-lab inspect`), the 400 errors, the page's files, and 200
/// concurrent requests.
@Suite struct ExplorerHTTPTests {
    static let values = [
        "0.1", "1/3", "-1/3", "448", "449", "-464", "480", "65504", "65520", "1e-9", "1e-40", "0x1.8p-3", "-0",
        "3.5e38", "1e400", "inf", "-inf", "nan", "0.0029296875",
    ]
    static let formats = [
        "float32", "float16", "bfloat16", "float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "float8_e5m2fnuz",
        "float6_e2m3fn", "float4_e2m1fn", "float8_e8m0fnu", "e5m2:bias=16", "e3m4fo",
    ]

    struct Mode: Sendable, CustomTestStringConvertible {
        var options: RoundingOptions
        var seed: UInt64
        var testDescription: String { "\(options.rounding.rawValue)/\(options.overflow.rawValue)/\(options.subnormals.rawValue)" }
    }

    /// Every rounding mode × overflow policy × subnormal policy (stochastic with a seed).
    static let modes: [Mode] = RoundingMode.allCases.flatMap { rounding in
        OverflowPolicy.allCases.flatMap { overflow in
            SubnormalPolicy.allCases.map { subnormals in
                Mode(options: RoundingOptions(rounding: rounding, overflow: overflow, subnormals: subnormals),
                     seed: rounding == .stochastic ? 12345 : 0)
            }
        }
    }

    /// One request per value and mode, with every format of ``formats``: each result equals the
    /// InspectReport row field for field (bits, fields, class, exact, shortest, errors, flags).
    @Test(arguments: modes)
    func inspectMatchesTheLibrary(mode: Mode) async throws {
        let formats = try Self.formats.map { try FloatFormat.named($0) }
        try await TestServer.with { server in
            for value in Self.values {
                var parameters = [("value", value)] + Self.formats.map { ("format", $0) }
                parameters += [("rounding", mode.options.rounding.rawValue), ("overflow", mode.options.overflow.rawValue),
                               ("subnormals", mode.options.subnormals.rawValue), ("seed", String(mode.seed))]
                let answer = try await server.get("/api/inspect", parameters)
                #expect(answer.status == 200, "\(value) \(mode.testDescription)")
                #expect(answer.contentType.hasPrefix("application/json"))
                // Strict JSON: no NaN or Infinity literals (JSON.parse in a browser rejects them).
                let text = String(decoding: answer.body, as: UTF8.self)
                #expect(!text.contains(": NaN") && !text.contains(": Infinity") && !text.contains(": -Infinity"), "\(value)")
                let json = try answer.json()
                #expect(json["value"] as? String == value)
                let report = try InspectReport(value: value, formats: formats, options: mode.options, seed: mode.seed)
                let results = try #require(json["results"] as? [[String: Any]])
                try #require(results.count == report.rows.count)
                for (result, (row, format)) in zip(results, zip(report.rows, formats)) {
                    Self.expect(result, equals: row, format: format, context: "\(value) \(row.format) \(mode.testDescription)")
                }
            }
        }
    }

    static func expect(_ result: [String: Any], equals row: InspectReport.Row, format: FloatFormat, context: String) {
        func error(_ text: String) -> String? { text == "n/a" ? nil : text }
        #expect(result["format"] as? String == row.format, "\(context)")
        #expect(result["bits"] as? String == row.hex, "\(context)")
        #expect(result["class"] as? String == row.floatClass, "\(context)")
        #expect(result["exact"] as? String == row.exactDecimal, "\(context)")
        #expect(result["shortest"] as? String == row.shortestDecimal, "\(context)")
        #expect(result["abs_error"] as? String == error(row.error.absolute), "\(context)")
        #expect(result["rel_error"] as? String == error(row.error.relative), "\(context)")
        #expect(result["ulp_error"] as? String == error(row.error.ulps), "\(context)")
        let flags = (result["flags"] as? [String]) ?? ["missing"]
        #expect((flags.isEmpty ? "none" : flags.joined(separator: ",")) == row.flags, "\(context)")
        let fields = (result["fields"] as? [String: String]) ?? [:]
        let pieces = [fields["sign"] ?? "?", fields["exponent"] ?? "?", fields["mantissa"] ?? "?"].filter { !$0.isEmpty }
        #expect(pieces.joined(separator: " | ") == row.binary, "\(context)")
        #expect(result["next_up"] as? String == format.hexString(format.nextUp(row.bits)), "\(context)")
        #expect(result["next_down"] as? String == format.hexString(format.nextDown(row.bits)), "\(context)")
    }

    /// Known answers, independent of the library: the examples and hand-worked codes.
    @Test(arguments: [
        ("0.1", "float8_e4m3fn", "0x1d", "0.1015625"),      // 13 × 2^-7
        ("448", "float8_e4m3fn", "0x7e", "448"),            // 1.75 × 2^8, the largest finite
        ("1/3", "float16", "0x3555", "0.333251953125"),     // 1365 × 2^-12
        ("1e8", "bfloat16", "0x4cbf", "100139008"),         // 1.4921875 × 2^26 = 191 × 2^19
        ("0.1", "e5m2:bias=16", "0x32", "0.09375"),         // 1.5 × 2^(12 − 16) = 3 × 2^-5
        ("-0", "float8_e4m3fnuz", "0x00", "0"),             // fnuz has no −0
    ])
    func knownAnswers(value: String, format: String, bits: String, exact: String) async throws {
        try await TestServer.with { server in
            let json = try await server.get("/api/inspect", [("value", value), ("format", format)]).json()
            let result = try #require((json["results"] as? [[String: Any]])?.first)
            #expect(result["bits"] as? String == bits)
            #expect(result["exact"] as? String == exact)
        }
    }

    /// `/api/decode` for every code of the 8-bit and smaller built-ins, against the engine's
    /// exact and shortest decimals and nextUp/nextDown.
    @Test(arguments: ["float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "float8_e8m0fnu", "float6_e3m2fn", "float4_e2m1fn"])
    func decodeEveryCode(name: String) async throws {
        let format = try FloatFormat.named(name)
        try await TestServer.with { server in
            for code in 0...format.codeMask {
                let json = try await server.get("/api/decode", [("format", name), ("bits", format.hexString(code))]).json()
                #expect(json["bits"] as? String == format.hexString(code))
                #expect(json["exact"] as? String == format.exactDecimal(code), "\(name) \(format.hexString(code))")
                #expect(json["shortest"] as? String == format.shortestDecimal(code))
                #expect(json["class"] as? String == format.classify(code).rawValue)
                #expect(json["next_up"] as? String == format.hexString(format.nextUp(code)))
                #expect(json["next_down"] as? String == format.hexString(format.nextDown(code)))
            }
        }
    }

    @Test func formatsListsTheFormatTable() async throws {
        try await TestServer.with { server in
            let json = try await server.get("/api/formats").json()
            let formats = try #require(json["formats"] as? [[String: Any]])
            #expect(formats.map { $0["name"] as? String } == FloatFormat.builtIn.map(\.name))
            let e4m3 = try #require(formats.first { $0["name"] as? String == "float8_e4m3fn" })
            #expect(e4m3["max"] as? Double == 448)
            #expect(e4m3["bias"] as? Int == 7)
            #expect(e4m3["nan_encoding"] as? String == "0x7f,0xff")
            #expect(e4m3["smallest_subnormal"] as? Double == 0.001953125)  // 2^-9
            #expect(e4m3["inf_encoding"] as? String == "none")
        }
    }

    /// Bad requests answer 400 (414 for an over-long URI) with a JSON error naming the
    /// parameter, and the server keeps serving.
    @Test(arguments: [
        ("/api/inspect", "value"),
        ("/api/inspect?value=abc", "value"),
        ("/api/inspect?value=0.1&format=e99m2", "format"),
        ("/api/inspect?value=0.1&format=", "format"),
        ("/api/inspect?value=0.1&rounding=sideways", "rounding"),
        ("/api/inspect?value=0.1&overflow=wrap", "overflow"),
        ("/api/inspect?value=0.1&subnormals=drop", "subnormals"),
        ("/api/inspect?value=0.1&seed=-1", "seed"),
        ("/api/inspect?value=0.1&value=0.2", "value"),
        ("/api/inspect?value=0x1ff&from=float8_e4m3fn", "value"),
        ("/api/inspect?value=1&from=float9", "from"),
        ("/api/inspect?value=<1001 digits>", "value"),
        ("/api/inspect?value=1<&format=float16 33 times>", "format"),
        ("/api/decode?format=float8_e4m3fn&bits=0x1ff", "bits"),
        ("/api/decode?format=float8_e4m3fn&bits=zz", "bits"),
        ("/api/decode?format=float8_e4m3fn", "bits"),
        ("/api/decode?bits=0x1d", "format"),
        ("/api/decode?format=e0m3&bits=0", "format"),
        ("/api/inspect?value=<5000 digits>", "request"),
    ])
    func badRequests(pathAndQuery: String, parameter: String) async throws {
        let expanded = pathAndQuery
            .replacingOccurrences(of: "<1001 digits>", with: String(repeating: "1", count: 1001))
            .replacingOccurrences(of: "<5000 digits>", with: String(repeating: "9", count: 5000))
            .replacingOccurrences(of: "<&format=float16 33 times>", with: String(repeating: "&format=float16", count: 33))
        try await TestServer.with { server in
            let answer = try await server.get(expanded)
            #expect(answer.status == (parameter == "request" ? 414 : 400))
            let json = try answer.json()
            #expect(json["parameter"] as? String == parameter)
            let message = try #require(json["error"] as? String)
            #expect(message.hasPrefix(parameter + ": "), "\(message)")
            let after = try await server.get("/api/decode?format=float16&bits=0x3c00").json()
            #expect(after["exact"] as? String == "1")
        }
    }

    /// A request line beyond the HTTP decoder's limit is refused before any route (400, no
    /// JSON), and the server keeps serving.
    @Test func oversizedRequestLine() async throws {
        try await TestServer.with { server in
            let answer = try await server.get("/api/inspect?value=" + String(repeating: "9", count: 100_000))
            #expect(answer.status == 400 || answer.status == 431 || answer.status == 414)
            let after = try await server.get("/api/decode?format=float16&bits=0x3c00").json()
            #expect(after["exact"] as? String == "1")
        }
    }

    /// The page's three files, and nothing else: other paths, encoded `..` included, are 404.
    @Test func servesOnlyThePage() async throws {
        try await TestServer.with { server in
            let page = try await server.get("/?value=0.1&format=float8_e4m3fn")
            #expect(page.status == 200)
            #expect(page.contentType.hasPrefix("text/html"))
            #expect(String(decoding: page.body, as: UTF8.self).contains("/explorer.js"))
            #expect(try await server.get("/explorer.js").contentType.hasPrefix("text/javascript"))
            #expect(try await server.get("/explorer.css").contentType.hasPrefix("text/css"))
            for path in ["/index.html", "/Page/index.html", "/%2e%2e/Package.swift", "/..%2fPackage.swift",
                         "/explorer.js%2f..%2f..%2fPackage.swift", "/api", "/etc/passwd"] {
                #expect(try await server.get(path).status == 404, "\(path)")
            }
        }
    }

    /// 200 requests in flight at once (32 connections): every answer is right.
    @Test func twoHundredConcurrentRequests() async throws {
        let values = (0..<200).map { "\($0)/7" }
        let expected = try values.map { try FloatFormat.bfloat16.round($0).bits }
        try await TestServer.with { server in
            let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for (index, value) in values.enumerated() {
                    group.addTask {
                        let json = try await server.get("/api/inspect", [("value", value), ("format", "bfloat16")]).json()
                        return (index, (json["results"] as? [[String: Any]])?.first?["bits"] as? String)
                    }
                }
                var answers = [String?](repeating: nil, count: values.count)
                for try await (index, bits) in group { answers[index] = bits }
                return answers
            }
            #expect(answers == expected.map { FloatFormat.bfloat16.hexString($0) })
        }
    }
}
