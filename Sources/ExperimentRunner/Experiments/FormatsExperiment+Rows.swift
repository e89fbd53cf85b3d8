import SoftFloat

extension FormatsExperiment {
    /// `<name>.csv`: one floating-point format's layout, bias, eps, range and encodings.
    ///
    ///     PropertyRow(.float16).max          // "65504.0"
    ///     PropertyRow(.float16).nonfinite    // "ieee: ±inf and NaNs"
    struct PropertyRow: TableRow {
        enum Column: String, TableColumn {
            case name, bits, sign_bits, exponent_bits, mantissa_bits, bias, nonfinite, eps, max, max_exact, lowest,
                 smallest_normal, smallest_subnormal, resolution, decimal_digits, min_exponent, max_exponent,
                 inf_encoding, nan_encoding
            static let textColumns: Set<Column> = [.name, .nonfinite, .inf_encoding, .nan_encoding]
        }

        var name, bits, signBits, exponentBits, mantissaBits, bias, nonfinite, eps, max, maxExact, lowest: String
        var smallestNormal, smallestSubnormal, resolution, decimalDigits, minExponent, maxExponent: String
        var infEncoding, nanEncoding: String

        /// The cells of SoftFloat's ``FormatPropertyRow``, the builder `precision-lab formats` uses too.
        init(_ format: FloatFormat) {
            let row = FormatPropertyRow(format)
            name = row["name"]; bits = row["bits"]; signBits = row["sign_bits"]; exponentBits = row["exponent_bits"]
            mantissaBits = row["mantissa_bits"]; bias = row["bias"]; nonfinite = row["nonfinite"]; eps = row["eps"]
            max = row["max"]; maxExact = row["max_exact"]; lowest = row["lowest"]; smallestNormal = row["smallest_normal"]
            smallestSubnormal = row["smallest_subnormal"]; resolution = row["resolution"]; decimalDigits = row["decimal_digits"]
            minExponent = row["min_exponent"]; maxExponent = row["max_exponent"]; infEncoding = row["inf_encoding"]
            nanEncoding = row["nan_encoding"]
        }

        init(_ cells: RowCells<Column>) {
            name = cells[.name]; bits = cells[.bits]; signBits = cells[.sign_bits]; exponentBits = cells[.exponent_bits]
            mantissaBits = cells[.mantissa_bits]; bias = cells[.bias]; nonfinite = cells[.nonfinite]; eps = cells[.eps]
            max = cells[.max]; maxExact = cells[.max_exact]; lowest = cells[.lowest]; smallestNormal = cells[.smallest_normal]
            smallestSubnormal = cells[.smallest_subnormal]; resolution = cells[.resolution]; decimalDigits = cells[.decimal_digits]
            minExponent = cells[.min_exponent]; maxExponent = cells[.max_exponent]; infEncoding = cells[.inf_encoding]
            nanEncoding = cells[.nan_encoding]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .name: name
            case .bits: bits
            case .sign_bits: signBits
            case .exponent_bits: exponentBits
            case .mantissa_bits: mantissaBits
            case .bias: bias
            case .nonfinite: nonfinite
            case .eps: eps
            case .max: max
            case .max_exact: maxExact
            case .lowest: lowest
            case .smallest_normal: smallestNormal
            case .smallest_subnormal: smallestSubnormal
            case .resolution: resolution
            case .decimal_digits: decimalDigits
            case .min_exponent: minExponent
            case .max_exponent: maxExponent
            case .inf_encoding: infEncoding
            case .nan_encoding: nanEncoding
            }
        }
    }

    /// `<name>-integers.csv`: one integer type.
    struct IntegerRow: TableRow {
        enum Column: String, TableColumn {
            case name, bits, signed, min, max
            static let textColumns: Set<Column> = [.name, .signed]
        }

        var name, bits, signed, min, max: String

        /// The cells of SoftFloat's ``FormatPropertyRow`` (the builder of the float rows above
        /// and of `precision-lab formats`).
        init(_ type: IntegerFormat) {
            let row = FormatPropertyRow(type)
            name = row["name"]; bits = row["bits"]; signed = row["signed"]; min = row["min"]; max = row["max"]
        }

        init(_ cells: RowCells<Column>) {
            name = cells[.name]; bits = cells[.bits]; signed = cells[.signed]; min = cells[.min]; max = cells[.max]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .name: name
            case .bits: bits
            case .signed: signed
            case .min: min
            case .max: max
            }
        }
    }

    /// `<name>-memory.csv`: weights memory of one type at one parameter count; bytes and GB
    /// are exact terminating decimals (7e9 × 4 / 8 = 3.5e9 bytes = 3.5 GB).
    struct MemoryRow: TableRow {
        enum Column: String, TableColumn {
            case type, bits, parameters, bytes, gigabytes
            static let textColumns: Set<Column> = [.type]
        }

        var type: String
        var bits: Int
        var parameters: Int
        var bytes: String
        var gigabytes: String

        init(type: String, bits: Int, parameters: Int) {
            self.type = type
            self.bits = bits
            self.parameters = parameters
            let bitsTotal = parameters * bits
            bytes = NumberText.terminatingQuotient(bitsTotal, 8)
            gigabytes = NumberText.terminatingQuotient(bitsTotal, 8_000_000_000)
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            type = cells[.type]
            bits = try cells.integer(.bits)
            parameters = try cells.integer(.parameters)
            bytes = cells[.bytes]
            gigabytes = cells[.gigabytes]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .type: type
            case .bits: String(bits)
            case .parameters: String(parameters)
            case .bytes: bytes
            case .gigabytes: gigabytes
            }
        }
    }
}
