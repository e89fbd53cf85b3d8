import ReportKit
import SoftFloat

/// `kind = "accumulation"`: summing N uniform [0, 1) values in a narrow accumulator, against
/// the exact sum.
///
/// Inputs: u = (SplitMix64 output >> 11) × 2^-53, exactly uniform on the 2^53 grid of [0, 1),
/// rounded once (nearest-even) into the accumulator's format — the summed values are stored
/// in that format, and the exact sum is the exact sum of those stored values. The exact sum is
/// kept in a 128-bit fixed-point integer with 80 fraction bits: every stored value is a
/// multiple of 2^-80 (none is below 2^-53 except 0, and formats of at most 24 bits of
/// precision have ulps of at least 2^-76 there).
///
/// Methods, all with the engine's correctly rounded add/subtract (nearest-even):
/// - `running`: s ← s + x, left to right (the bfloat16 trap: s stalls once ulp(s)/2 exceeds x).
/// - `pairwise`: recursive halving, sum(lo…mid) + sum(mid…hi).
/// - `kahan`: compensated summation, y = x − c; t = s + y; c = (t − s) − y; s = t.
///
/// Cells: accumulator × method × count × seed. The cell of the first seed and the largest
/// count also records the running sum every `trace_every` terms (running and kahan).
struct AccumulationExperiment: Experiment {
    static let kind = "accumulation"
    static let about = "running, pairwise and Kahan sums in narrow accumulators against the exact sum"

    enum Method: String, CaseIterable, Sendable { case running, pairwise, kahan }

    let spec: ExperimentSpec
    let accumulators: [FloatFormat]
    let methods: [Method]
    let counts: [Int]
    let seeds: [UInt64]
    let traceEvery: Int
    /// `[checks.sum_between]`: `"ACCUMULATOR METHOD N" = [low, high]`, key split into its three parts.
    let sumChecks: [SpecCheck<(accumulator: String, method: String, count: Int, range: ClosedRange<Double>)>]

    static let fractionBits = 80

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let p = spec.parameters
        try p.requireOnly(["accumulators", "methods", "counts", "seeds", "trace_every"])
        accumulators = try p.formats("accumulators", default: [.bfloat16, .float16, .float32])
        for (index, format) in accumulators.enumerated() where format.precision > 24 || !format.hasZero || !format.isSigned {
            throw p.error("accumulators", "element \(index): \(format.name) is not supported (the exact sum needs a signed format with zero and at most 24 bits of precision)")
        }
        var parsedMethods: [Method] = []
        for (index, name) in try p.strings("methods", default: Method.allCases.map(\.rawValue)).enumerated() {
            guard let method = Method(rawValue: name) else {
                throw p.error("methods", "element \(index): unknown method '\(name)'; expected one of: running, pairwise, kahan")
            }
            parsedMethods.append(method)
        }
        methods = parsedMethods
        counts = try p.integers("counts", default: [100, 1_000, 10_000], range: 1...16_777_216)
        seeds = try p.integers("seeds", default: [1, 2, 3], range: 0...Int.max).map { UInt64($0) }
        traceEvery = try p.integer("trace_every", default: 100, range: 1...1_000_000)
        try spec.checks.requireOnly(["sum_between"])
        sumChecks = try spec.checks.rangeChecks("sum_between").map { check throws(SpecError) in
            let parts = check.key.split(separator: " ").map(String.init)
            guard parts.count == 3, let accumulator = parts.first, let count = parts.last.flatMap({ Int($0) }) else {
                throw check.table.error(check.key, "expected a key '<accumulator> <method> <count>'")
            }
            return SpecCheck(table: check.table, key: check.key, expected: (accumulator, parts.dropFirst().first!, count, check.expected))
        }
    }

    var tables: [TableSchema] {
        [
            TableSchema(suffix: nil, row: SumRow.self,
                        about: "one row per accumulator × method × count × seed: the computed sum against the exact sum of the stored values"),
            TableSchema(suffix: "trace", row: TraceRow.self,
                        about: "running and Kahan partial sums every trace_every terms (first seed, largest count)"),
        ]
    }

    var cellCount: Int { accumulators.count * methods.count * counts.count * seeds.count }

    func coordinates(_ index: Int) -> (FloatFormat, Method, Int, Int) {
        var rest = index
        let seedIndex = rest % seeds.count; rest /= seeds.count
        let countIndex = rest % counts.count; rest /= counts.count
        let methodIndex = rest % methods.count; rest /= methods.count
        return (accumulators[rest], methods[methodIndex], counts[countIndex], seedIndex)
    }

    /// A code's value as a fixed-point integer with 80 fraction bits (non-negative values only).
    static func fixed(_ bits: UInt64, _ format: FloatFormat) -> UInt128 {
        guard case .finite(false, let significand, let exponent) = format.decode(bits) else { return 0 }
        let shift = exponent + fractionBits
        precondition(shift >= 0, "value below 2^-80")
        return UInt128(significand) << UInt128(shift)
    }

    static func nearestDouble(_ fixed: UInt128) -> Double {
        Double(bitPattern: ExactNumber(negative: false, significand: fixed, exponent: -fractionBits).rounded(to: .float64).bits)
    }

    func computeCell(_ index: Int) throws -> CellResult {
        let (format, method, count, seedIndex) = coordinates(index)
        let seed = seeds[seedIndex]
        var random = SplitMix64(seed: seed)
        var values: [UInt64] = []
        values.reserveCapacity(count)
        var prefix: [UInt128] = []
        prefix.reserveCapacity(count)
        var exact: UInt128 = 0
        for _ in 0..<count {
            let u = random.next() >> 11
            let bits = ExactNumber(negative: false, significand: UInt128(u), exponent: -53).rounded(to: format).bits
            values.append(bits)
            exact += Self.fixed(bits, format)
            prefix.append(exact)
        }
        let traced = seedIndex == 0 && count == counts.max() && method != .pairwise
        var result = CellResult(tables)
        func trace(_ n: Int, _ sum: UInt64) {
            guard traced, n % traceEvery == 0 || n == count else { return }
            result.append(TraceRow(accumulator: format.name, method: method.rawValue, seed: seed, n: n, sum: NumberText.value(sum, in: format),
                                   exact: NumberText.shortest(Self.nearestDouble(prefix[n - 1]))))
        }
        let zero: UInt64 = 0
        var sum = zero
        switch method {
        case .running:
            for (index, value) in values.enumerated() {
                sum = format.add(sum, value).bits
                trace(index + 1, sum)
            }
        case .pairwise:
            func pairwise(_ range: Range<Int>) -> UInt64 {
                if range.count == 1 { return values[range.lowerBound] }
                let middle = range.lowerBound + range.count / 2
                return format.add(pairwise(range.lowerBound..<middle), pairwise(middle..<range.upperBound)).bits
            }
            sum = pairwise(0..<count)
        case .kahan:
            var compensation = zero
            for (index, value) in values.enumerated() {
                let y = format.subtract(value, compensation).bits
                let t = format.add(sum, y).bits
                compensation = format.subtract(format.subtract(t, sum).bits, y).bits
                sum = t
                trace(index + 1, sum)
            }
        }
        let computed = Self.fixed(sum, format)
        let negative = computed < exact
        let difference = negative ? exact - computed : computed - exact
        let absolute = ExactNumber(negative: negative, numerator: Natural(wide: difference), binaryExponent: -Self.fractionBits)
        let relative = exact == 0 ? "n/a" : ExactNumber(negative: negative, numerator: Natural(wide: difference), denominator: Natural(wide: exact)).scientific()
        let rounded = ExactNumber(negative: false, significand: exact, exponent: -Self.fractionBits).rounded(to: format).bits
        result.append(SumRow(accumulator: format.name, method: method.rawValue, count: count, seed: seed,
                             computed: NumberText.value(sum, in: format), exact: NumberText.shortest(Self.nearestDouble(exact)),
                             exactRounded: NumberText.value(rounded, in: format), absoluteError: absolute.scientific(), relativeError: relative))
        return result
    }

    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let sums = try tables.rows(SumRow.self), trace = try tables.rows(TraceRow.self)
        let largest = counts.max() ?? 0
        let firstSeed = seeds.first!

        var checks = CheckList()
        for check in sumChecks {
            let (accumulator, method, count, range) = check.expected
            let rows = sums.filter { $0.accumulator == accumulator && $0.method == method && $0.count == count }
            guard !rows.isEmpty else { throw check.failure("no such sum in this run") }
            for row in rows {
                try checks.expectWithin(NumberText.double(row.computed) ?? .nan, range, at: check.table, key: check.key,
                                        what: "\(accumulator) \(method) sum of \(count) values, seed \(row.seed)", shown: row.computed)
            }
        }
        /// The sum of the largest count and the first seed.
        func headline(_ accumulator: String, _ method: String) -> SumRow? {
            sums.first { $0.accumulator == accumulator && $0.method == method && $0.count == largest && $0.seed == firstSeed }
        }

        var body = MarkdownDocument()
        body.heading("\(largest) values, seed \(firstSeed)", level: 3)
        var headlineTable = DataTable(columns: [DataColumn("accumulator"), DataColumn("method"), DataColumn("computed sum", alignment: .right),
                                           DataColumn("exact sum (nearest float64)", alignment: .right), DataColumn("exact sum rounded to the accumulator", alignment: .right),
                                           DataColumn("relative error", alignment: .right)])
        for row in sums where row.count == largest && row.seed == firstSeed {
            headlineTable.append([row.accumulator, row.method, row.computed, row.exact, row.exactRounded, row.relativeError])
        }
        body.table(headlineTable)
        body.image("\(spec.name)-running-sum.svg", alt: "Running sums against the exact sum")

        body.heading("Mean |relative error| over \(seeds.count) seeds", level: 3)
        var pivot = DataTable(columns: [DataColumn("accumulator"), DataColumn("method")] + counts.map { DataColumn("N = \($0)", alignment: .right) })
        var errorPlot = Plot(title: "Summation error against N", subtitle: "mean |relative error| over \(seeds.count) seeds; uniform [0, 1) inputs",
                             x: PlotAxis(label: "N (values summed)", scale: .log10), y: PlotAxis(label: "mean |computed − exact| / exact", scale: .log10))
        errorPlot.identifier = "accumulation-error"
        errorPlot.legend = .outsideRight
        let markers: [MarkerShape] = [.circle, .square, .triangle]
        for (accumulatorIndex, format) in accumulators.enumerated() {
            for (methodIndex, method) in methods.enumerated() {
                var cells: [String] = []
                var points: [PlotPoint] = []
                for count in counts {
                    let rows = sums.filter { $0.accumulator == format.name && $0.method == method.rawValue && $0.count == count }
                    let magnitudes = rows.compactMap { NumberText.double($0.relativeError) }.map(abs)
                    let mean = magnitudes.isEmpty ? Double.nan : magnitudes.reduce(0, +) / Double(magnitudes.count)
                    cells.append(mean.isNaN ? "n/a" : NumberText.significant(mean, digits: 3))
                    points.append(PlotPoint(Double(count), mean))
                }
                pivot.append([format.name, method.rawValue] + cells)
                errorPlot.series.append(PlotSeries(name: "\(format.name) \(method.rawValue)", points: points,
                                                   style: SeriesStyle(color: Palette.color(accumulatorIndex), lineWidth: 1.8,
                                                                      dash: Palette.dashes[methodIndex % Palette.dashes.count],
                                                                      marker: markers[methodIndex % markers.count], markerSize: 4)))
            }
        }
        body.table(pivot)
        body.paragraph("A zero error is exact and cannot be drawn on the log axis.")
        body.image("\(spec.name)-error.svg", alt: "Mean relative error against N")

        // Running-sum plot from the trace.
        var sumPlot = Plot(title: "Running sum of \(largest) uniform [0, 1) values", subtitle: "seed \(firstSeed); each value stored in the accumulator's format",
                           x: PlotAxis(label: "terms added", range: 0...Double(largest)), y: PlotAxis(label: "sum"))
        sumPlot.identifier = "accumulation-sum"
        sumPlot.legend = .topLeft
        if let first = accumulators.first {
            let exactPoints = trace.filter { $0.accumulator == first.name && $0.method == "running" }.compactMap { row -> PlotPoint? in
                NumberText.double(row.exact).map { PlotPoint(Double(row.n), $0) }
            }
            sumPlot.series.append(PlotSeries(name: "exact (\(first.name) inputs)", points: [PlotPoint(0, 0)] + exactPoints,
                                             style: SeriesStyle(color: "#000000", lineWidth: 1.5, dash: "2 3")))
        }
        for (accumulatorIndex, format) in accumulators.enumerated() {
            for (methodIndex, method) in [Method.running, .kahan].enumerated() where methods.contains(method) {
                let points = trace.filter { $0.accumulator == format.name && $0.method == method.rawValue }.compactMap { row -> PlotPoint? in
                    NumberText.double(row.sum).map { PlotPoint(Double(row.n), $0) }
                }
                guard !points.isEmpty else { continue }
                sumPlot.series.append(PlotSeries(name: "\(format.name) \(method.rawValue)", points: [PlotPoint(0, 0)] + points,
                                                 style: SeriesStyle(color: Palette.color(accumulatorIndex), lineWidth: 2,
                                                                    dash: methodIndex == 0 ? nil : "8 4")))
            }
        }
        func sum(_ name: String, _ method: String) -> String { headline(name, method)?.computed ?? "n/a" }
        func relative(_ name: String, _ method: String) -> String { headline(name, method)?.relativeError ?? "n/a" }
        let exactSum = sums.first { $0.accumulator == (accumulators.first?.name ?? "") && $0.count == largest && $0.seed == firstSeed }?.exact ?? "n/a"
        if let stall = NumberText.double(sum("bfloat16", "running")), stall.isFinite {
            sumPlot.referenceLines.append(ReferenceLine(.horizontal, at: stall, style: SeriesStyle(color: Palette.color(0), lineWidth: 1, dash: "4 4"),
                                                        label: "bfloat16 running sum stalls at \(sum("bfloat16", "running"))"))
        }

        func percent(_ text: String) -> String {
            guard let value = NumberText.double(text) else { return text }
            return NumberText.general(value * 100, digits: 3) + "%"
        }
        let exactText = NumberText.double(exactSum).map { NumberText.general($0) } ?? exactSum
        var finding = "A bfloat16 running sum of \(largest) uniform [0, 1) values stalls at \(sum("bfloat16", "running")) (exact ≈ \(exactText), error \(percent(relative("bfloat16", "running")))); float16 stalls at \(sum("float16", "running"))"
        if let pairwise = headline("bfloat16", "pairwise"), let kahan = headline("bfloat16", "kahan") {
            if pairwise.computed == pairwise.exactRounded && kahan.computed == kahan.exactRounded {
                finding += "; pairwise and Kahan summation in bfloat16 both reach \(kahan.computed), the exact sum rounded once to bfloat16."
            } else {
                finding += "; pairwise and Kahan summation in bfloat16 end at \(pairwise.computed) and \(kahan.computed) (errors \(percent(pairwise.relativeError)) and \(percent(kahan.relativeError)))."
            }
        } else {
            finding += "."
        }
        let discussion = """
            Once the running sum s reaches 2^8 = 256, bfloat16's ulp there is 2, so adding any x < 1 is below half an ulp \
            and rounds straight back to s: the sum stops growing (float16 stops the same way at 2^11 = 2048, where its ulp is 2). \
            Pairwise summation adds numbers of similar size, so each rounding error is relative to a partial sum, not to the \
            whole; Kahan summation carries the lost low part in a second bfloat16 and feeds it back, landing near the exact sum \
            rounded once (\(sums.first { $0.accumulator == "bfloat16" && $0.count == largest && $0.seed == firstSeed }?.exactRounded ?? "n/a") in bfloat16). \
            float32 has 16 more bits than bfloat16 and stays accurate at these N.
            """
        return ExperimentReport(
            finding: finding, body: body, discussion: discussion, checks: checks.passed,
            files: [ReportFile(name: "\(spec.name)-running-sum.svg", contents: sumPlot.svg()),
                    ReportFile(name: "\(spec.name)-error.svg", contents: errorPlot.svg())],
            fileNotes: ["\(spec.name)-running-sum.svg": "running and Kahan partial sums against the exact sum",
                        "\(spec.name)-error.svg": "mean |relative error| against N, per accumulator and method"])
    }
}
