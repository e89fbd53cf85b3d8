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

    static let propertyColumns = [
        "name", "bits", "sign_bits", "exponent_bits", "mantissa_bits", "bias", "nonfinite", "eps", "max", "max_exact",
        "lowest", "smallest_normal", "smallest_subnormal", "resolution", "decimal_digits", "min_exponent",
        "max_exponent", "inf_encoding", "nan_encoding",
    ]

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
    }

    var tables: [TableSchema] {
        [
            TableSchema(suffix: nil, names: Self.propertyColumns, textColumns: ["name", "nonfinite", "inf_encoding", "nan_encoding"],
                        about: "one row per floating-point format: layout, bias, eps, range, encodings"),
            TableSchema(suffix: "integers", names: ["name", "bits", "signed", "min", "max"], textColumns: ["name", "signed"],
                        about: "one row per integer type"),
            TableSchema(suffix: "memory", names: ["type", "bits", "parameters", "bytes", "gigabytes"], textColumns: ["type"],
                        about: "model weights memory: parameters × bits / 8, in GB = 10^9 bytes"),
        ]
    }

    var cellCount: Int { formats.count + integers.count + memoryTypes.count }

    func computeCell(_ index: Int) throws -> CellResult {
        var result = CellResult(tableCount: 3)
        if index < formats.count {
            result.append(Self.propertyRow(formats[index]), to: 0)
        } else if index < formats.count + integers.count {
            let type = integers[index - formats.count]
            result.append([type.name, String(type.bits), type.isSigned ? "yes" : "no", String(type.min), String(type.max)], to: 1)
        } else {
            let type = memoryTypes[index - formats.count - integers.count]
            for count in parameterCounts {
                // bytes = count × bits / 8 exactly; GB = bytes / 10^9 (terminating decimals).
                let bitsTotal = count * type.bits
                result.append([type.name, String(type.bits), String(count), NumberText.terminatingQuotient(bitsTotal, 8),
                               NumberText.terminatingQuotient(bitsTotal, 8_000_000_000)], to: 2)
            }
        }
        return result
    }

    static func propertyRow(_ format: FloatFormat) -> [String] {
        let info = FormatProperties(format)
        let nonFinite: String
        switch format.nonFinite {
        case .ieee: nonFinite = "ieee: ±inf and NaNs"
        case .nanAllOnes: nonFinite = "fn: NaN only (all ones), no inf"
        case .nanNegativeZero: nonFinite = "fnuz: NaN is the −0 code, no inf"
        case .finiteOnly: nonFinite = "finite only: no inf, no NaN"
        }
        return [
            format.name, String(format.bitWidth), format.isSigned ? "1" : "0", String(format.exponentBits),
            String(format.mantissaBits), String(format.bias), nonFinite, NumberText.shortest(info.eps),
            NumberText.shortest(info.max), format.exactDecimal(format.maxFiniteBits), NumberText.shortest(info.lowest),
            NumberText.shortest(info.smallestNormal), NumberText.shortest(info.smallestSubnormal),
            NumberText.shortest(info.resolution), String(info.decimalDigits), String(info.minExponent),
            String(info.maxExponent), info.infinityEncoding, info.nanEncoding,
        ]
    }

    func makeReport(from tables: [DataTable]) throws -> ExperimentReport {
        let properties = tables[0], integerTable = tables[1], memory = tables[2]
        var checks = CheckList()
        for (name, expected) in try spec.checks.stringPairs("max") {
            let computed = properties.filter("name") { $0 == name }.column("max").first ?? "absent"
            let table = try spec.checks.table("max")!
            try checks.expectEqual(computed: computed, expected: expected, at: table, key: name, what: "max of \(name)")
        }
        if let memoryChecks = try spec.checks.table("memory_gb") {
            for entry in memoryChecks.entries {
                let pairs = try memoryChecks.stringPairs(entry.key)
                let table = try memoryChecks.table(entry.key)!
                for (type, expected) in pairs {
                    let computed = memory.rows.first { $0[0] == type && $0[2] == entry.key }?[4] ?? "absent"
                    try checks.expectEqual(computed: computed, expected: expected, at: table, key: type,
                                           what: "\(type) memory for \(entry.key) parameters, GB")
                }
            }
        }

        var body = MarkdownDocument()
        body.heading("Floating-point formats", level: 3)
        let shown = properties.selecting(["name", "bits", "exponent_bits", "mantissa_bits", "bias", "eps", "max",
                                          "smallest_normal", "smallest_subnormal", "resolution", "inf_encoding", "nan_encoding"])
        body.table(Self.renamed(shown, ["exponent_bits": "E", "mantissa_bits": "M", "smallest_normal": "smallest normal",
                                        "smallest_subnormal": "smallest subnormal", "inf_encoding": "+inf", "nan_encoding": "NaN"]))
        body.paragraph("Numbers are the shortest decimal that round-trips through float64; `max_exact` in the CSV has the exact expansion (float64's has 309 digits). `resolution` is 10^-⌊M·log10 2⌋, as `torch.finfo` prints it.")
        body.image("\(spec.name)-layout.svg", alt: "Bit layout of every format, to scale")
        body.heading("Integer types", level: 3)
        body.table(integerTable)
        body.heading("Model memory", level: 3)
        body.paragraph("Weights only: parameters × bits ÷ 8 bytes, in GB of 10^9 bytes. tf32 is a compute format stored in 32-bit words; its 19-bit row is the packed lower bound.")
        var pivot = DataTable(columns: [DataColumn("type"), DataColumn("bits", alignment: .right)]
                              + parameterCounts.map { DataColumn(Self.countLabel($0), alignment: .right) })
        for type in memoryTypes {
            let rows = memory.rows.filter { $0[0] == type.name }
            pivot.append([type.name, String(type.bits)] + parameterCounts.map { count in
                (rows.first { $0[2] == String(count) }?[4] ?? "") + " GB"
            })
        }
        body.table(pivot)

        let diagram = BitLayoutDiagram(title: "Bit layouts, one bit = one unit of width", rows: formats.map { format in
            BitLayoutRow(name: format.name, signBits: format.isSigned ? 1 : 0, exponentBits: format.exponentBits,
                         mantissaBits: format.mantissaBits,
                         caption: "bias \(format.bias), max \(NumberText.general(FormatProperties(format).max))")
        })

        func gb(_ type: String, _ count: Int) -> String {
            memory.rows.first { $0[0] == type && $0[2] == String(count) }.map { $0[4] + " GB" } ?? "n/a"
        }
        let reference = parameterCounts.contains(7_000_000_000) ? 7_000_000_000 : parameterCounts[0]
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
