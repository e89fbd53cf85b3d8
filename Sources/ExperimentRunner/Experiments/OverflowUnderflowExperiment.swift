import Foundation
import ReportKit
import SoftFloat

/// `kind = "overflow-underflow"`: where each format's range ends.
///
/// - Limits per format: max finite; the overflow threshold max + ½ulp and what nearest-even
///   makes of it (float16: 65504 + 16 = 65520 ties to the even neighbor, which is +inf);
///   smallest normal and subnormal; and the largest value that flushes to zero, half the
///   smallest subnormal (a tie between 0 and the smallest subnormal, which goes to the even 0).
/// - Worked cases from the tutorials the lab grew from: products (`10000*10000`) and casts
///   (`1e8`) in a few formats (`case_formats`; the spec key `seed_formats` is an alias).
/// - A sweep of x·x and x + x over a decimal log grid, classified normal / subnormal / zero /
///   overflow, drawn as a strip chart.
/// - The precision staircase ulp(x)/|x| against |x|, log-log, with range boundaries marked.
///
/// Cells: one per limits format, worked case, sweep format and staircase format.
struct OverflowUnderflowExperiment: Experiment {
    static let kind = "overflow-underflow"
    static let about = "range limits, overflow/underflow thresholds, x·x and x+x sweeps, the precision staircase"

    let spec: ExperimentSpec
    let formats: [FloatFormat]
    /// Formats of the worked cases (`case_formats`, alias `seed_formats`).
    let caseFormats: [FloatFormat]
    let products: [(SpecNumber, SpecNumber)]
    let casts: [SpecNumber]
    let sweepFormats: [FloatFormat]
    let gridDecades: ClosedRange<Int>
    let gridMantissas: [Int]
    let zoomDecades: ClosedRange<Int>
    let staircaseFormats: [FloatFormat]
    /// `[checks.first_overflow]`: expected first overflow per format.
    let firstOverflowChecks: [SpecCheck<String>]
    /// `[checks.cases]` (alias `[checks.seed]`): `"CASE FORMAT" = "result"`, split into case and format.
    let caseChecks: [SpecCheck<(name: String, format: String, result: String)>]

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let p = spec.parameters
        try p.requireOnly(["formats", "case_formats", "seed_formats", "products", "casts", "sweep_formats", "grid_decades", "grid_mantissas", "zoom_decades", "staircase_formats"])
        formats = try p.formats("formats", default: FloatFormat.builtIn)
        caseFormats = try p.formats(try p.key("case_formats", alias: "seed_formats"), default: [.float16, .bfloat16, .float32])
        var parsedProducts: [(SpecNumber, SpecNumber)] = []
        for (index, text) in try p.strings("products", default: ["10000*10000"]).enumerated() {
            let operands = text.split(separator: "*").compactMap { try? SpecNumber($0.trimmingCharacters(in: .whitespaces)) }
            guard text.split(separator: "*").count == 2, operands.count == 2, let a = operands.first, let b = operands.last else {
                throw p.error("products", "element \(index): expected 'a*b' with two numbers, got '\(text)'")
            }
            parsedProducts.append((a, b))
        }
        products = parsedProducts
        casts = try p.numbers("casts", default: ["1e8"])
        sweepFormats = try p.formats("sweep_formats", default: [.float32, .tf32, .bfloat16, .float16, .float8_e5m2, .float8_e4m3fn, .float6_e3m2fn, .float4_e2m1fn])
        let decades = try p.integers("grid_decades", default: [-30, 30], range: -400...400)
        guard decades.count == 2, let lowest = decades.first, let highest = decades.last, lowest < highest else {
            throw p.error("grid_decades", "expected [lowest, highest] decade exponents, lowest < highest")
        }
        gridDecades = lowest...highest
        gridMantissas = try p.integers("grid_mantissas", default: [1, 2, 5], range: 1...9)
        guard gridMantissas == gridMantissas.sorted(), Set(gridMantissas).count == gridMantissas.count else {
            throw p.error("grid_mantissas", "expected distinct digits in increasing order, such as [1, 2, 5]")
        }
        let zoom = try p.integers("zoom_decades", default: [-6, 6], range: -400...400)
        guard zoom.count == 2, let zoomLowest = zoom.first, let zoomHighest = zoom.last, zoomLowest < zoomHighest else {
            throw p.error("zoom_decades", "expected [lowest, highest] decade exponents, lowest < highest")
        }
        zoomDecades = zoomLowest...zoomHighest
        staircaseFormats = try p.formats("staircase_formats", default: [.float32, .tf32, .bfloat16, .float16, .float8_e5m2, .float8_e4m3fn])
        try spec.checks.requireOnly(["first_overflow", "cases", "seed"])
        firstOverflowChecks = try spec.checks.stringChecks("first_overflow")
        caseChecks = try spec.checks.stringChecks(try spec.checks.key("cases", alias: "seed")).map { check throws(SpecError) in
            let parts = check.key.split(separator: " ")
            guard parts.count >= 2, let format = parts.last else {
                throw check.table.error(check.key, "expected a key 'CASE FORMAT', such as \"10000*10000 float16\"")
            }
            return SpecCheck(table: check.table, key: check.key,
                             expected: (parts.dropLast().joined(separator: " "), String(format), check.expected))
        }
    }

    var tables: [TableSchema] {
        [
            TableSchema(suffix: nil, row: LimitRow.self, about: "one row per format: max finite, overflow threshold, underflow limits"),
            TableSchema(suffix: "seed", row: CaseRow.self, about: "the seed's cases: products and casts in several formats"),
            TableSchema(suffix: "sweep", row: SweepRow.self, about: "x·x and x + x (nearest-even) over the decimal grid, per format"),
            TableSchema(suffix: "staircase", row: StaircaseRow.self, about: "ulp(x)/x at the ends of every binade (and across the subnormals), per format"),
        ]
    }

    var cellCount: Int { formats.count + products.count + casts.count + sweepFormats.count + staircaseFormats.count }

    func computeCell(_ index: Int) throws -> CellResult {
        var result = CellResult(tables)
        var i = index
        if i < formats.count { result.append(Self.limits(formats[i])); return result }
        i -= formats.count
        if i < products.count {
            let (a, b) = products[i]
            for format in caseFormats {
                let x = a.value.rounded(to: format), y = b.value.rounded(to: format)
                let product = format.multiply(x.bits, y.bits)
                result.append(CaseRow(name: "\(a.text)*\(b.text)", format: format.name,
                                      operandsStored: "\(NumberText.value(x.bits, in: format)) × \(NumberText.value(y.bits, in: format))",
                                      result: NumberText.value(product.bits, in: format), resultExact: format.exactDecimal(product.bits),
                                      flags: product.flags.description))
            }
            return result
        }
        i -= products.count
        if i < casts.count {
            for format in caseFormats {
                let stored = casts[i].value.rounded(to: format)
                result.append(CaseRow(name: "cast \(casts[i].text)", format: format.name, operandsStored: casts[i].text,
                                      result: NumberText.value(stored.bits, in: format), resultExact: format.exactDecimal(stored.bits),
                                      flags: stored.flags.description))
            }
            return result
        }
        i -= casts.count
        if i < sweepFormats.count {
            let format = sweepFormats[i]
            for point in grid {
                let x = point.exact.rounded(to: format)
                let square = format.multiply(x.bits, x.bits)
                let double = format.add(x.bits, x.bits)
                let inRange = Self.storedInRange(format, x)
                result.append(SweepRow(format: format.name, x: point.text, xStored: NumberText.value(x.bits, in: format),
                                       xSquared: NumberText.value(square.bits, in: format), xSquaredStatus: inRange ?? Self.status(format, square),
                                       xSquaredFlags: square.flags.description, xDoubled: NumberText.value(double.bits, in: format),
                                       xDoubledStatus: inRange ?? Self.status(format, double), xDoubledFlags: double.flags.description))
            }
            return result
        }
        i -= sweepFormats.count
        for row in Self.staircase(staircaseFormats[i]) { result.append(row) }
        return result
    }

    /// The grid: m × 10^k for every decade k and mantissa digit m, in increasing order.
    var grid: [GridPoint] {
        gridDecades.flatMap { decade in gridMantissas.map { GridPoint(mantissa: $0, decade: decade) } }
    }

    // MARK: Limits

    static func limits(_ format: FloatFormat) -> LimitRow {
        let info = FormatProperties(format)
        guard case .finite(_, let significand, let exponent) = format.decode(format.maxFiniteBits) else {
            return LimitRow(unavailable: format.name)
        }
        // T = max + ½ulp = (2s + 1) · 2^(e − 1); just above it: (2^64 (2s+1) + 1) · 2^(e − 65).
        let thresholdSignificand = 2 * UInt128(significand) + 1
        let threshold = ExactNumber(negative: false, significand: thresholdSignificand, exponent: exponent - 1)
        let atThreshold = threshold.rounded(to: format)
        let above = ExactNumber(negative: false, significand: thresholdSignificand << 64 | 1, exponent: exponent - 65).rounded(to: format)
        let thresholdExact = FloatFormat.exactDecimal(negative: false, significand: Natural(wide: thresholdSignificand), exponent: exponent - 1)
        let thresholdShown = shortestIfExact(threshold)
        let overflowsAtThreshold = atThreshold.flags.contains(.overflow) || !isFinite(format, atThreshold.bits)
        let firstOverflow = overflowsAtThreshold ? thresholdShown : "> " + thresholdShown
        let thresholdResult = describe(format, atThreshold)
        let beyond = describe(format, above)

        // Half the smallest subnormal (or of the smallest value, without zero).
        let smallestExponent = format.hasZero ? format.minNormalExponent - format.mantissaBits : format.minNormalExponent
        let halfExact = ExactNumber(negative: false, significand: 1, exponent: smallestExponent - 1)
        let half = halfExact.rounded(to: format)
        return LimitRow(
            format: format.name, maxFinite: NumberText.shortest(info.max), maxFiniteExact: format.exactDecimal(format.maxFiniteBits),
            overflowThreshold: thresholdShown, overflowThresholdExact: thresholdExact, thresholdRoundsTo: thresholdResult,
            firstOverflow: firstOverflow, beyondThreshold: beyond, smallestNormal: NumberText.shortest(info.smallestNormal),
            smallestSubnormal: NumberText.shortest(info.smallestSubnormal),
            flushToZeroMax: shortestIfExact(halfExact), flushToZeroPower: "2^\(smallestExponent - 1)",
            flushResult: describe(format, half))
    }

    /// The float64 shortest decimal when the exact value is a float64, else 17 significant digits.
    static func shortestIfExact(_ exact: ExactNumber) -> String {
        let nearest = exact.rounded(to: .float64)
        if exact.kind == .finite, !nearest.flags.contains(.inexact) {
            return NumberText.shortest(Double(bitPattern: nearest.bits))
        }
        return exact.scientific(digits: 17)
    }

    static func isFinite(_ format: FloatFormat, _ bits: UInt64) -> Bool {
        let kind = format.classify(bits)
        return kind != .infinity && kind != .nan
    }

    /// "inf (overflow,inexact)", "448 (inexact)", "0 (underflow,inexact)".
    static func describe(_ format: FloatFormat, _ rounded: Rounded) -> String {
        "\(NumberText.value(rounded.bits, in: format)) (\(rounded.flags))"
    }

    // MARK: Sweep

    /// nil when x itself is representable, else why not.
    static func storedInRange(_ format: FloatFormat, _ x: Rounded) -> String? {
        if x.flags.contains(.overflow) || !isFinite(format, x.bits) { return "x overflows" }
        if format.classify(x.bits) == .zero { return "x flushes to 0" }
        return nil
    }

    static func status(_ format: FloatFormat, _ result: Rounded) -> String {
        if result.flags.contains(.overflow) { return "overflow" }
        switch format.classify(result.bits) {
        case .infinity, .nan: return "overflow"
        case .zero: return "zero"
        case .subnormal: return "subnormal"
        case .normal: return result.flags.contains(.underflow) ? "subnormal" : "normal"
        }
    }

    // MARK: Staircase

    /// Rows (format, x, ulp, ulp/x, region) at both ends of every binade, and at powers of two
    /// across the subnormals (where the ulp is fixed and ulp/x = 2^-j).
    static func staircase(_ format: FloatFormat) -> [StaircaseRow] {
        var rows: [StaircaseRow] = []
        let m = format.mantissaBits
        func power(_ exponent: Int) -> Double { Double(sign: .plus, exponent: exponent, significand: 1) }
        func add(_ x: Double, _ ulp: Double, _ region: String) {
            let spacing = ulp / x  // both powers of two or exact: the quotient is correctly rounded
            if let last = rows.last, last.x == x { return }
            rows.append(StaircaseRow(format: format.name, x: x, ulp: ulp, relativeSpacing: spacing, region: region))
        }
        if format.hasZero && m > 0 {
            let smallest = format.minNormalExponent - m
            for j in 0..<m { add(power(smallest + j), power(smallest), "subnormal") }
        }
        for exponent in format.minNormalExponent...format.maxExponent {
            let ulp = power(exponent - m)
            add(power(exponent), ulp, "normal")
            let top = exponent == format.maxExponent ? FormatProperties(format).max : power(exponent + 1) - ulp
            add(top, ulp, "normal")
        }
        return rows
    }

    // MARK: Report

    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let limits = try tables.rows(LimitRow.self), cases = try tables.rows(CaseRow.self)
        let sweep = try tables.rows(SweepRow.self), staircase = try tables.rows(StaircaseRow.self)
        var checks = CheckList()
        for check in firstOverflowChecks {
            let computed = limits.first { $0.format == check.key }?.firstOverflow ?? "absent"
            try checks.expectEqual(computed: computed, expected: check.expected, at: check.table, key: check.key,
                                   what: "first value that overflows \(check.key)")
        }
        for check in caseChecks {
            let (name, format, expected) = check.expected
            let computed = cases.first { $0.name == name && $0.format == format }?.result ?? "absent"
            try checks.expectEqual(computed: computed, expected: expected, at: check.table, key: check.key, what: "\(name) in \(format)")
        }

        var body = MarkdownDocument()
        body.heading("Range limits (nearest-even)", level: 3)
        body.paragraph("The overflow threshold is max + ½ulp: values below it round to max, values above it overflow, and the threshold itself is a tie that goes to the neighbor with an even last bit — +inf for IEEE formats, whose max has an odd (all-ones) mantissa. Half the smallest subnormal is the tie between 0 and the smallest subnormal, so it and everything below it flush to 0.")
        body.table(DataTable(columns: [DataColumn("format"), DataColumn("max finite", alignment: .right), DataColumn("first overflow", alignment: .right),
                                       DataColumn("max + ½ulp rounds to"), DataColumn("smallest normal", alignment: .right),
                                       DataColumn("smallest subnormal", alignment: .right), DataColumn("flushes to 0 at or below", alignment: .right)],
                             rows: limits.map { [$0.format, $0.maxFinite, $0.firstOverflow, $0.thresholdRoundsTo, $0.smallestNormal,
                                                 $0.smallestSubnormal, "\($0.flushToZeroMax) = \($0.flushToZeroPower)"] }))
        body.heading("The seed's cases", level: 3)
        body.table(tables.table(CaseRow.self).selecting(["case", "format", "operands_stored", "result", "flags"]))
        body.heading("x·x and x + x across the grid", level: 3)
        body.image("\(spec.name)-sweep.svg", alt: "Where x·x and x+x are normal, subnormal, zero or overflow")
        body.image("\(spec.name)-sweep-zoom.svg", alt: "The same, zoomed to the narrow formats")
        var sweepSummary = DataTable(columns: [DataColumn("format"), DataColumn("x·x overflows from x =", alignment: .right),
                                               DataColumn("x·x subnormal for x ≤", alignment: .right), DataColumn("x·x flushes to 0 for x ≤", alignment: .right),
                                               DataColumn("x + x overflows from x =", alignment: .right)])
        for format in sweepFormats {
            let rows = sweep.filter { $0.format == format.name }
            let firstSquareOverflow = rows.first { $0.xSquaredStatus == "overflow" }?.x ?? "not on the grid"
            let lastSubnormal = rows.last { $0.xSquaredStatus == "subnormal" }?.x ?? "—"
            let lastZero = rows.last { $0.xSquaredStatus == "zero" }?.x ?? "—"
            let firstDoubleOverflow = rows.first { $0.xDoubledStatus == "overflow" }?.x ?? "not on the grid"
            sweepSummary.append([format.name, firstSquareOverflow, lastSubnormal, lastZero, firstDoubleOverflow])
        }
        body.paragraph("Grid points only (\(gridMantissas.map(String.init).joined(separator: ", ")) × 10^k for k in \(gridDecades.lowerBound)…\(gridDecades.upperBound)); x is first rounded into the format. x + x never underflows: doubling a subnormal is exact.")
        body.table(sweepSummary)
        body.heading("The precision staircase", level: 3)
        body.image("\(spec.name)-staircase.svg", alt: "ulp(x)/|x| against |x|, log-log, per format")

        let staircasePlot = staircaseSVG(staircase: staircase, limits: limits)
        let sweepChart = sweepSVG(sweep: sweep, decades: nil)
        let zoomChart = sweepSVG(sweep: sweep, decades: zoomDecades)

        func limit(_ name: String, _ column: LimitRow.Column) -> String { limits.first { $0.format == name }?.text(column) ?? "n/a" }
        func caseResult(_ casePrefix: String, _ format: String) -> String {
            cases.first { $0.name.hasPrefix(casePrefix) && $0.format == format }?.result ?? "n/a"
        }
        let productCase = products.first.map { "\($0.0.text)*\($0.1.text)" } ?? ""
        let castCase = casts.first.map { "cast \($0.text)" } ?? ""
        let finding = "float16 overflows from \(limit("float16", .first_overflow)) = 65504 + ½ulp on: \(productCase.replacingOccurrences(of: "*", with: " × ")) is \(caseResult(productCase, "float16")) in float16 but \(caseResult(productCase, "float32")) in float32, \(castCase.replacingOccurrences(of: "cast ", with: "")) casts to \(caseResult(castCase, "float16")); values at or below \(limit("float16", .flush_to_zero_power)) ≈ \(NumberText.double(limit("float16", .flush_to_zero_max)).map { NumberText.general($0, digits: 3) } ?? "n/a") flush to 0."
        let fp16Rows = sweep.filter { $0.format == "float16" }
        let discussion = """
            Each format's range is set by its exponent bits: float16 and the FP8 formats overflow long before float32, \
            while bfloat16 shares float32's limits (max \(limit("bfloat16", .max_finite)), smallest normal \(limit("bfloat16", .smallest_normal))). \
            In float16, x·x overflows from x = \(fp16Rows.first { $0.xSquaredStatus == "overflow" }?.x ?? "n/a") on the grid and drops \
            into the subnormals below x ≈ \(fp16Rows.last { $0.xSquaredStatus == "subnormal" }?.x ?? "n/a"), losing relative precision \
            until it flushes to 0 at x ≤ \(fp16Rows.last { $0.xSquaredStatus == "zero" }?.x ?? "n/a"). The staircase shows why: \
            ulp(x)/x is flat at 2^-p to 2^-(p+1) across the normal range, rises to 1 through the subnormals, and ends at \
            each format's overflow threshold.
            """
        return ExperimentReport(
            finding: finding, body: body, discussion: discussion, checks: checks.passed,
            files: [ReportFile(name: "\(spec.name)-staircase.svg", contents: staircasePlot),
                    ReportFile(name: "\(spec.name)-sweep.svg", contents: sweepChart),
                    ReportFile(name: "\(spec.name)-sweep-zoom.svg", contents: zoomChart)],
            fileNotes: ["\(spec.name)-staircase.svg": "the precision staircase ulp(x)/|x| with overflow thresholds and smallest normals",
                        "\(spec.name)-sweep.svg": "strip chart of the x·x and x + x classes over the grid",
                        "\(spec.name)-sweep-zoom.svg": "the same strip chart over zoom_decades, where the narrow formats live"])
    }

    func staircaseSVG(staircase: [StaircaseRow], limits: [LimitRow]) -> String {
        var plot = Plot(title: "The precision staircase: relative spacing ulp(x)/|x|",
                        subtitle: "flat (2^-p … 2^-(p+1)) in the normal range, rising to 1 through the subnormals",
                        x: PlotAxis(label: "|x|", scale: .log10), y: PlotAxis(label: "ulp(x) / |x|", scale: .log10))
        plot.identifier = "staircase"
        plot.legend = .outsideRight
        for (index, format) in staircaseFormats.enumerated() {
            let points = staircase.filter { $0.format == format.name }.map { PlotPoint($0.x, $0.relativeSpacing) }
            let color = Palette.color(index)
            plot.series.append(PlotSeries(name: format.name, points: points, style: SeriesStyle(color: color, lineWidth: 1.8)))
            if let limitRow = limits.first(where: { $0.format == format.name }) {
                if let threshold = NumberText.double(limitRow.overflowThresholdExact), threshold.isFinite {
                    plot.referenceLines.append(ReferenceLine(.vertical, at: threshold, style: SeriesStyle(color: color, lineWidth: 1.2, dash: "7 4")))
                }
                if let normal = NumberText.double(limitRow.smallestNormal) {
                    plot.referenceLines.append(ReferenceLine(.vertical, at: normal, style: SeriesStyle(color: color, lineWidth: 1.2, dash: "2 3")))
                }
            }
        }
        plot.series.append(PlotSeries(name: "overflow: max + ½ulp", points: [], style: SeriesStyle(color: "#555555", lineWidth: 1.2, dash: "7 4")))
        plot.series.append(PlotSeries(name: "smallest normal", points: [], style: SeriesStyle(color: "#555555", lineWidth: 1.2, dash: "2 3")))
        return plot.svg()
    }

    /// The strip chart over the whole grid, or over 10^decades.lowerBound … 10^decades.upperBound.
    func sweepSVG(sweep: [SweepRow], decades: ClosedRange<Int>?) -> String {
        let categories = [
            StripCategory("normal", color: "#009E73"), StripCategory("subnormal", color: "#E69F00"),
            StripCategory("flushed to 0", color: "#56B4E9"), StripCategory("overflow", color: "#D55E00"),
            StripCategory("x itself out of range", color: "#d9d9d9"),
        ]
        func category(_ status: String) -> Int {
            switch status {
            case "normal": return 0
            case "subnormal": return 1
            case "zero": return 2
            case "overflow": return 3
            default: return 4
            }
        }
        let range: ClosedRange<Double>
        if let decades {
            range = GridPoint(mantissa: 1, decade: decades.lowerBound).value...GridPoint(mantissa: 1, decade: decades.upperBound).value
        } else {
            range = (grid.first?.value ?? 1e-30)...(grid.last?.value ?? 1e30)
        }
        var chart = StripChart(title: decades == nil ? "x·x and x + x, nearest-even" : "x·x and x + x, nearest-even (zoom)",
                               subtitle: "x on a \(gridMantissas.map(String.init).joined(separator: "-")) grid per decade, rounded into each format first",
                               x: PlotAxis(label: "x", scale: .log10, range: range),
                               categories: categories)
        chart.markers = [(1.0, "x = 1")]
        for format in sweepFormats {
            let rows = sweep.filter { $0.format == format.name }
            for (label, status) in [("x·x", \SweepRow.xSquaredStatus), ("x + x", \SweepRow.xDoubledStatus)] {
                var segments: [StripSegment] = []
                for (index, row) in rows.enumerated() {
                    guard let x = GridPoint(text: row.x)?.value else { continue }
                    // Each grid point owns the interval between the geometric midpoints to its neighbors.
                    let lower = index == 0 ? x : (GridPoint(text: rows[index - 1].x).map { ($0.value * x).squareRoot() } ?? x)
                    let upper = index == rows.count - 1 ? x : (GridPoint(text: rows[index + 1].x).map { ($0.value * x).squareRoot() } ?? x)
                    let kind = category(row[keyPath: status])
                    if let last = segments.last, last.category == kind {
                        segments[segments.count - 1].upper = upper
                    } else {
                        segments.append(StripSegment(lower: lower, upper: upper, category: kind))
                    }
                }
                chart.rows.append(StripRow(group: format.name, label: label, segments: segments))
            }
        }
        return chart.svg()
    }
}
