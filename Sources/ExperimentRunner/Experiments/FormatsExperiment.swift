import ReportKit
import SoftFloat

/// `kind = "formats"`: the property table of every format and integer type, a bit-layout
/// diagram to scale, and model memory per format for given parameter counts.
///
/// Cells: one per floating-point format, one per integer type, one per memory type.
///
///     // 7B parameters: 7e9 × 32 / 8 = 28e9 bytes = 28 GB in float32; 3.5 GB in int4.
struct FormatsExperiment: Experiment {
    static let kind = "formats"
    static let about = "format properties, bit layouts and model memory per format"

    let spec: ExperimentSpec
    let formats: [FloatFormat]
    let integers: [IntegerFormat]
    let parameterCounts: [Int]
    /// (name, bits) of the types in the memory table.
    let memoryTypes: [(name: String, bits: Int)]

    /// `[checks.max]`: expected `max` per format name.
    let maxChecks: [SpecCheck<String>]
    /// `[checks.memory_gb.COUNT]`: expected GB per type at COUNT parameters.
    let memoryChecks: [(group: String, checks: [SpecCheck<String>])]

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let parameters = spec.parameters
        try parameters.requireOnly(["formats", "integers", "parameter_counts", "memory_types"])
        formats = try parameters.formats("formats", default: FloatFormat.builtIn)
        integers = try parameters.integerFormats("integers", default: IntegerFormat.builtIn)
        parameterCounts = try parameters.integers("parameter_counts", default: [1_000_000_000, 7_000_000_000, 70_000_000_000],
                                                  range: 1...1_000_000_000_000_000)
        let memoryNames = try parameters.strings("memory_types", default: ["float32", "float16", "bfloat16", "float8_e4m3fn", "int8", "int4"])
        var types: [(String, Int)] = []
        for (index, name) in memoryNames.enumerated() {
            if let integer = IntegerFormat.builtIn.first(where: { $0.name == name }) {
                types.append((integer.name, integer.bits))
            } else {
                do {
                    let format = try FloatFormat.named(name)
                    types.append((format.name, format.bitWidth))
                } catch {
                    throw parameters.error("memory_types", "element \(index): '\(name)' is neither an integer type nor a format: \(error)")
                }
            }
        }
        memoryTypes = types
        try spec.checks.requireOnly(["max", "memory_gb"])
        maxChecks = try spec.checks.stringChecks("max")
        memoryChecks = try spec.checks.groupedStringChecks("memory_gb")
    }

    var tables: [TableSchema] {
        [
            TableSchema(suffix: nil, row: PropertyRow.self, about: "one row per floating-point format: layout, bias, eps, range, encodings"),
            TableSchema(suffix: "integers", row: IntegerRow.self, about: "one row per integer type"),
            TableSchema(suffix: "memory", row: MemoryRow.self, about: "model weights memory: parameters × bits / 8, in GB = 10^9 bytes"),
        ]
    }

    var cellCount: Int { formats.count + integers.count + memoryTypes.count }

    func computeCell(_ index: Int) throws -> CellResult {
        var result = CellResult(tables)
        if index < formats.count {
            result.append(PropertyRow(formats[index]))
        } else if index < formats.count + integers.count {
            result.append(IntegerRow(integers[index - formats.count]))
        } else {
            let type = memoryTypes[index - formats.count - integers.count]
            for count in parameterCounts {
                result.append(MemoryRow(type: type.name, bits: type.bits, parameters: count))
            }
        }
        return result
    }

    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let properties = try tables.rows(PropertyRow.self), memory = try tables.rows(MemoryRow.self)
        func gigabytes(_ type: String, _ count: String) -> String? {
            memory.first { $0.type == type && String($0.parameters) == count }?.gigabytes
        }
        var checks = CheckList()
        for check in maxChecks {
            let computed = properties.first { $0.name == check.key }?.max ?? "absent"
            try checks.expectEqual(computed: computed, check, what: "max of \(check.key)")
        }
        for (count, group) in memoryChecks {
            for check in group {
                try checks.expectEqual(computed: gigabytes(check.key, count) ?? "absent", check,
                                       what: "\(check.key) memory for \(count) parameters, GB")
            }
        }

        var body = MarkdownDocument()
        body.heading("Floating-point formats", level: 3)
        let shown = tables.table(PropertyRow.self).selecting(["name", "bits", "exponent_bits", "mantissa_bits", "bias", "eps", "max",
                                          "smallest_normal", "smallest_subnormal", "resolution", "inf_encoding", "nan_encoding"])
        body.table(Self.renamed(shown, ["exponent_bits": "E", "mantissa_bits": "M", "smallest_normal": "smallest normal",
                                        "smallest_subnormal": "smallest subnormal", "inf_encoding": "+inf", "nan_encoding": "NaN"]))
        body.paragraph("Numbers are the shortest decimal that round-trips through float64; `max_exact` in the CSV has the exact expansion (float64's has 309 digits). `resolution` is numpy's and ml_dtypes' `finfo.resolution`: 10^-precision rounded into the format (bfloat16 0.010009765625; torch prints the float64 0.01).")
        body.image("\(spec.name)-layout.svg", alt: "Bit layout of every format, to scale")
        body.heading("Integer types", level: 3)
        body.table(tables.table(IntegerRow.self))
        body.heading("Model memory", level: 3)
        body.paragraph("Weights only: parameters × bits ÷ 8 bytes, in GB of 10^9 bytes. tf32 is a compute format stored in 32-bit words; its 19-bit row is the packed lower bound.")
        var pivot = DataTable(columns: [DataColumn("type"), DataColumn("bits", alignment: .right)]
                              + parameterCounts.map { DataColumn(Self.countLabel($0), alignment: .right) })
        for type in memoryTypes {
            pivot.append([type.name, String(type.bits)] + parameterCounts.map { count in
                (gigabytes(type.name, String(count)) ?? "") + " GB"
            })
        }
        body.table(pivot)

        let diagram = BitLayoutDiagram(title: "Bit layouts, one bit = one unit of width", rows: formats.map { format in
            BitLayoutRow(name: format.name, signBits: format.isSigned ? 1 : 0, exponentBits: format.exponentBits,
                         mantissaBits: format.mantissaBits,
                         caption: "bias \(format.bias), max \(NumberText.general(FormatProperties(format).max))")
        })

        func gb(_ type: String, _ count: Int) -> String {
            gigabytes(type, String(count)).map { $0 + " GB" } ?? "n/a"
        }
        let reference = parameterCounts.contains(7_000_000_000) ? 7_000_000_000 : parameterCounts.first!
        let label = Self.countLabel(reference)
        let memoryPhrase = ["float32", "float16", "int8", "int4"].filter { name in memoryTypes.contains { $0.name == name } }
            .map { "\(gb($0, reference)) in \($0)" }.joined(separator: ", ")
        let finding = "\(label) parameters take \(memoryPhrase); float16 tops out at 65504 while bfloat16 keeps float32's range (max ≈ 3.39e38) with 3 fewer fraction bits than float16."
        let fp16 = FormatProperties(.float16), bf16 = FormatProperties(.bfloat16)
        let discussion = """
            Exponent bits buy range and mantissa bits buy precision: float16 (5 exponent, 10 fraction bits) has eps \
            \(NumberText.shortest(fp16.eps)) but overflows past \(NumberText.shortest(fp16.max)), while bfloat16 \
            (8, 7) reaches \(NumberText.shortest(bf16.max)) with eps \(NumberText.shortest(bf16.eps)) — the same \
            range as float32 with about 2 decimal digits. The FP8/FP6/FP4 formats trade further: float8_e4m3fn gives \
            up infinity to reach 448, and the fnuz variants spend the −0 code on their single NaN. Memory is linear \
            in bits, so \(label) parameters go from \(gb("float32", reference)) in float32 to \(gb("int4", reference)) in int4.
            """
        return ExperimentReport(
            finding: finding, body: body, discussion: discussion, checks: checks.passed,
            files: [ReportFile(name: "\(spec.name)-layout.svg", contents: diagram.svg())],
            fileNotes: ["\(spec.name)-layout.svg": "sign, exponent and mantissa fields of every format, drawn to one scale"])
    }

    /// 7_000_000_000 → "7B", 1_500_000 → "1.5M".
    static func countLabel(_ count: Int) -> String {
        for (unit, suffix) in [(1_000_000_000_000, "T"), (1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")] where count >= unit {
            return NumberText.terminatingQuotient(count, unit) + suffix
        }
        return String(count)
    }

    static func renamed(_ table: DataTable, _ names: [String: String]) -> DataTable {
        DataTable(columns: table.columns.map { DataColumn(names[$0.name] ?? $0.name, alignment: $0.alignment) }, rows: table.rows)
    }
}
