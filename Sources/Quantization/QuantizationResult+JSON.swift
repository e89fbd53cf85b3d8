import SoftFloat

extension QuantizationResult {
    /// The `--json` document:
    ///
    ///     {"scheme": …, "q": [[…]], "scale": […], "zero_point": […], "dequantized": [[…]],
    ///      "metrics": {…}, …}
    ///
    /// `q` holds integers (absmax, zeropoint, MXINT8), 4-bit codebook indices (nf4, fp4-bnb),
    /// or element values in their own format (fp8, MX floats: "448.0"); `scale` is in
    /// `scale_format`, one per group (row-major group order); `dequantized` is in the compute
    /// format. Every number is its format's printed decimal (exact for formats of fewer than
    /// 32 bits, tf32 included). ``writeJSON(to:)`` writes the same text row by row.
    public var json: String {
        var text = ""
        writeJSON(to: &text)
        return text
    }

    /// Writes ``json`` to `sink` one matrix row at a time: memory stays near one row's text.
    public func writeJSON<Sink: TextOutputStream>(to sink: inout Sink) {
        var members: [(String, JSONValue)] = [
            ("scheme", .string(configuration.scheme.description)),
            ("convention", .string(configuration.convention.rawValue)),
            ("compute", .string(configuration.compute.name)),
            ("granularity", .string(granularity.description)),
        ]
        if configuration.scheme.isMX {
            members.append(("scale_rounding", .string(configuration.resolvedScaleRounding.rawValue)))
        }
        if configuration.scheme.isInteger {
            members.append(("bits", .integer(configuration.bits)))
            members.append(("unsigned", .bool(configuration.isUnsigned)))
        }
        members.append(("shape", .array([.integer(input.rows), .integer(input.columns)])))
        let (quantized, columns, elementKind) = (quantized, input.columns, elementKind)
        var elementTable: JSONCodeTable? = nil
        if case .float(let format) = elementKind {
            elementTable = JSONCodeTable(format, codes: quantized.lazy.map { UInt64(bitPattern: $0) })
        }
        members.append(("q", .rows(count: input.rows) { [elementTable] row in
            if case .float(let format) = elementKind {
                if let elementTable {
                    return .boundedNumbers(count: columns, width: elementTable.room) { out in
                        quantized.withUnsafeBufferPointer { quantized in
                            let codes = UnsafeBufferPointer(rebasing: quantized[(row * columns)..<((row + 1) * columns)])
                            return JSONValue.separated(columns, to: out) { column, out in
                                elementTable.write(UInt64(bitPattern: codes[column]), to: out)
                            }
                        }
                    }
                }
                return .numbers(count: columns) { column, bytes in
                    JSONValue.appendCode(UInt64(bitPattern: quantized[row * columns + column]), format, to: &bytes)
                }
            }
            return .boundedNumbers(count: columns, width: JSONValue.integerWidth) { out in
                quantized.withUnsafeBufferPointer { quantized in
                    let values = UnsafeBufferPointer(rebasing: quantized[(row * columns)..<((row + 1) * columns)])
                    return JSONValue.separated(columns, to: out) { column, out in JSONValue.writeInteger(values[column], to: out) }
                }
            }
        }))
        members.append(("scale", .codes(scales, scaleFormat)))
        members.append(("scale_format", .string(scaleFormat.name)))
        if let tensorScale { members.append(("tensor_scale", .code(tensorScale, .float32))) }
        if let multiplier { members.append(("multiplier", .code(multiplier, .float32))) }
        members.append(("zero_point", .integers(zeroPoints)))
        members.append(("dequantized", Self.json(dequantized)))
        members.append(("metrics", metrics.json))
        if case .codebookIndex(let codebook) = elementKind {
            members.append(("codebook", .array(codebook.values.map { .code($0, .float32) })))
        }
        if let packed {
            members.append(("packed", .integers(packed)))
        }
        if let state = doubleQuantization {
            members.append(("double_quantization", .object([
                ("codes", .integers(state.codes)),
                ("second_scales", .codes(state.secondScales, scaleFormat)),
                ("offset", .code(state.offset, scaleFormat)),
                ("block_size", .integer(state.blockSize)),
            ])))
        }
        JSONValue.object(members).write(to: &sink)
    }

    /// A matrix as nested arrays of its format's printed decimals, made row by row: float32
    /// written in place (``JSONValue/writeFloat32(_:to:)``), each value a row repeats copied
    /// from a ``Float32JSONCache``; formats of 16 bits or fewer through a ``JSONCodeTable`` of
    /// the codes it holds.
    static func json(_ matrix: Matrix) -> JSONValue {
        let columns = matrix.columns
        let codes = matrix.codes
        if matrix.format == .float32 {
            return .rows(count: matrix.rows) { row in
                .boundedNumbers(count: columns, width: JSONValue.float32Width) { out in
                    codes.withUnsafeBufferPointer { codes in
                        let values = UnsafeBufferPointer(rebasing: codes[(row * columns)..<((row + 1) * columns)])
                        var cache = Float32JSONCache()
                        return JSONValue.separated(columns, to: out) { column, out in
                            cache.write(UInt32(truncatingIfNeeded: values[column]), to: out)
                        }
                    }
                }
            }
        }
        if let table = JSONCodeTable(matrix.format, codes: codes) {
            return .rows(count: matrix.rows) { row in
                .boundedNumbers(count: columns, width: table.room) { out in
                    codes.withUnsafeBufferPointer { codes in
                        let values = UnsafeBufferPointer(rebasing: codes[(row * columns)..<((row + 1) * columns)])
                        return JSONValue.separated(columns, to: out) { column, out in table.write(values[column], to: out) }
                    }
                }
            }
        }
        return .rows(count: matrix.rows) { row in
            .numbers(count: matrix.columns) { column, bytes in JSONValue.appendCode(matrix[row, column], matrix.format, to: &bytes) }
        }
    }
}
