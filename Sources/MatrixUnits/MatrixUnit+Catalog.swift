import SoftFloat

extension MatrixUnit {
    /// Every unit `--list` prints, in name order: one per (architecture, instruction family,
    /// types, K), named at the shape with the smallest m·n.
    public static let catalog: [MatrixUnit] = UnitCatalog.shared.listed

    /// The unit a name stands for. Every shape PTX or the CDNA ISA allows is accepted: m and n
    /// do not change one dot product (`hopper:wgmma.m64n256k32.f32.e4m3.e4m3` is the unit
    /// listed as `hopper:wgmma.m64n8k32.f32.e4m3.e4m3`), K does.
    public static func named(_ name: String) throws(MatrixUnitError) -> MatrixUnit {
        try UnitCatalog.shared.unit(named: name)
    }
}

/// The table behind ``MatrixUnit/catalog`` and ``MatrixUnit/named(_:)``: the instruction lists
/// per architecture (the same sets as MMA-Sim models) and the rules that turn an instruction
/// into a unit descriptor.
struct UnitCatalog: Sendable {
    static let shared = UnitCatalog()

    /// Every accepted spelling (shapes included) → its unit.
    let byName: [String: MatrixUnit]
    let listed: [MatrixUnit]

    init() {
        var entries: [(name: String, area: Int, family: String, unit: MatrixUnit)] = []
        func add(_ arch: Architecture, _ family: String, _ instruction: String, area: Int, _ build: (String) -> MatrixUnit) {
            let name = "\(arch.rawValue):\(instruction)"
            entries.append((name, area, family, build(name)))
        }
        for arch in Architecture.allCases where !arch.isAMD && !arch.isCPU {
            for qualifier in Self.mmaQualifiers(arch) {
                let parts = qualifier.split(separator: ".").map(String.init)
                let (m, n, k) = Self.nvidiaShape(parts[0])!
                add(arch, "mma", "mma.\(qualifier)", area: m * n) { name in
                    Self.nvidiaUnit(name: name, arch: arch, k: k, d: parts[1], a: parts[2], b: parts[3], c: parts[4], family: .mma)
                }
            }
        }
        // rtx-blackwell mma.block_scale (sm_120a).
        for qualifier in Self.rtxBlackwellBlockScaleQualifiers {
            let parts = qualifier.split(separator: ".").map(String.init)
            let (m, n, k) = Self.nvidiaShape(parts[0])!
            add(.rtxBlackwell, "mma.block_scale", "mma.block_scale.\(qualifier)", area: m * n) { name in
                Self.blockScaledUnit(name: name, arch: .rtxBlackwell, k: k, block: Int(parts[1].dropFirst(5))!,
                                     a: parts[3], b: parts[4], scale: parts[6])
            }
        }
        // hopper wgmma (C is D's type).
        for (k, types) in [(8, [("f32", "tf32", "tf32")]),
                           (16, [("f32", "f16", "f16"), ("f16", "f16", "f16"), ("f32", "bf16", "bf16")]),
                           (32, Self.fp8Pairs(["f32", "f16"], ["e4m3", "e5m2"]))] {
            for (d, a, b) in types {
                add(.hopper, "wgmma", "wgmma.m64n8k\(k).\(d).\(a).\(b)", area: 64 * 8) { name in
                    Self.nvidiaUnit(name: name, arch: .hopper, k: k, d: d, a: a, b: b, c: d, family: .wgmma)
                }
            }
        }
        // blackwell tcgen05.mma, kinds tf32 / f16 / f8f6f4 (cta_group::1).
        for (k, types) in [(8, [("f32", "tf32", "tf32")]),
                           (16, [("f32", "f16", "f16"), ("f16", "f16", "f16"), ("f32", "bf16", "bf16")]),
                           (32, Self.fp8Pairs(["f32", "f16"], ["e4m3", "e5m2", "e2m1"]))] {
            for (d, a, b) in types {
                add(.blackwell, "tcgen05.mma", "tcgen05.mma.m64n8k\(k).\(d).\(a).\(b)", area: 64 * 8) { name in
                    Self.nvidiaUnit(name: name, arch: .blackwell, k: k, d: d, a: a, b: b, c: d, family: .tcgen05)
                }
            }
        }
        // blackwell tcgen05.mma block-scaled, kinds mxf8f6f4 (K 32) and mxf4nvf4 (K 64).
        var blockScaled: [(k: Int, block: Int, a: String, b: String, scale: String)] =
            Self.fp8Pairs(["f32"], ["e4m3", "e5m2", "e2m1"]).map { (32, 32, $0.1, $0.2, "ue8m0") }
        blockScaled += [(64, 32, "e2m1", "e2m1", "ue8m0"), (64, 16, "e2m1", "e2m1", "ue8m0"), (64, 16, "e2m1", "e2m1", "ue4m3")]
        for entry in blockScaled {
            add(.blackwell, "tcgen05.mma.block_scale",
                "tcgen05.mma.block_scale.m128n8k\(entry.k).block\(entry.block).f32.\(entry.a).\(entry.b).\(entry.scale)",
                area: 128 * 8) { name in
                Self.blockScaledUnit(name: name, arch: .blackwell, k: entry.k, block: entry.block, a: entry.a, b: entry.b, scale: entry.scale)
            }
        }
        for arch in [Architecture.cdna1, .cdna2, .cdna3] {
            for qualifier in Self.mfmaQualifiers(arch) {
                let shape = Self.mfmaShape(qualifier)
                add(arch, "mfma", "mfma.\(qualifier)", area: shape.m * shape.n) { name in
                    Self.amdUnit(name: name, arch: arch, qualifier: qualifier, k: shape.k)
                }
            }
        }
        // CPU units: Intel AMX (a full 64-byte tile row: 16 bf16 pairs) and Arm without FEAT_EBF16.
        add(.amx, "tdpbf16ps", "tdpbf16ps", area: 1) { name in
            MatrixUnit(name: name, architecture: .amx, k: 32, a: .bfloat16, b: .bfloat16, c: .float32, d: .float32,
                       summation: .evenOddFusedMultiplyAddChains, stepSize: 2, keptFractionBits: 0,
                       finalRounding: .nearestEven, flushesSubnormals: true)
        }
        for (instruction, k) in [("bfdot", 2), ("bfmmla", 4)] {
            add(.arm, instruction, instruction, area: 1) { name in
                MatrixUnit(name: name, architecture: .arm, k: k, a: .bfloat16, b: .bfloat16, c: .float32, d: .float32,
                           summation: .bfloat16DotAdd, stepSize: 2, keptFractionBits: 0,
                           finalRounding: .odd, flushesSubnormals: true)
            }
        }
        // One listed unit per behaviour and family: the spelling with the smallest m·n names it.
        var groups: [String: [(name: String, area: Int, unit: MatrixUnit)]] = [:]
        var order: [String] = []
        for entry in entries {
            let key = "\(entry.unit.architecture) \(entry.family) \(Self.behaviourKey(entry.unit))"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((entry.name, entry.area, entry.unit))
        }
        var byName: [String: MatrixUnit] = [:]
        var listed: [MatrixUnit] = []
        for key in order {
            let members = groups[key]!
            let canonical = members.min { ($0.area, $0.name) < ($1.area, $1.name) }!
            let unit = canonical.unit
            listed.append(unit)
            for member in members { byName[member.name] = unit }
        }
        self.byName = byName
        self.listed = listed.sorted { $0.name < $1.name }
    }

    func unit(named name: String) throws(MatrixUnitError) -> MatrixUnit {
        if let unit = byName[name] { return unit }
        guard let colon = name.firstIndex(of: ":") else {
            throw MatrixUnitError(name: name, reason: "expected ARCH:INSTRUCTION, e.g. hopper:wgmma.m64n8k32.f32.e4m3.e4m3 (precision-lab mma --list)")
        }
        let archName = String(name[..<colon])
        guard let arch = Architecture(rawValue: archName) else {
            throw MatrixUnitError(name: name, reason: "unknown architecture '\(archName)'; expected one of \(Architecture.allCases.map(\.rawValue).joined(separator: " "))")
        }
        var parts = name[name.index(after: colon)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        // wgmma and tcgen05: any legal m and n name the unit listed at the smallest shape.
        let shapeIndex: Int?
        let allowedM: [Int]
        let canonicalM: Int
        if parts.first == "wgmma" {
            (shapeIndex, allowedM, canonicalM) = (1, [64], 64)
        } else if parts.count > 2 && parts[0] == "tcgen05" && parts[1] == "mma" {
            let blockScaled = parts.count > 2 && parts[2] == "block_scale"
            (shapeIndex, allowedM, canonicalM) = blockScaled ? (3, [128], 128) : (2, [64, 128], 64)
        } else {
            shapeIndex = nil
            (allowedM, canonicalM) = ([], 0)
        }
        if let shapeIndex, parts.count > shapeIndex, let (m, n, k) = Self.nvidiaShape(parts[shapeIndex]) {
            guard allowedM.contains(m) else {
                throw MatrixUnitError(name: name, reason: "m must be \(allowedM.map(String.init).joined(separator: " or ")) for \(parts[0])")
            }
            guard n % 8 == 0 && (8...256).contains(n) else {
                throw MatrixUnitError(name: name, reason: "n must be a multiple of 8 from 8 to 256")
            }
            parts[shapeIndex] = "m\(canonicalM)n8k\(k)"
            if let unit = byName["\(arch.rawValue):" + parts.joined(separator: ".")] { return unit }
        }
        let family = parts.first ?? ""
        let sameArch = listed.filter { $0.name.hasPrefix(arch.rawValue + ":" + family) }.prefix(3).map(\.name)
        throw MatrixUnitError(name: name, reason: sameArch.isEmpty
            ? "\(arch.rawValue) has no '\(family)' instructions (precision-lab mma --list)"
            : "no such instruction on \(arch.rawValue); e.g. \(sameArch.joined(separator: ", ")) (precision-lab mma --list)")
    }

    // MARK: - Rules

    enum NvidiaFamily { case mma, wgmma, tcgen05 }

    static func format(_ type: String) -> FloatFormat {
        switch type {
        case "f64": return .float64
        case "f32", "tf32", "xf32": return .float32
        case "f16": return .float16
        case "bf16": return .bfloat16
        case "e4m3", "ue4m3": return .float8_e4m3fn
        case "e5m2": return .float8_e5m2
        case "e2m1": return .float4_e2m1fn
        case "ue8m0": return .float8_e8m0fnu
        case "fp8": return .float8_e4m3fnuz
        case "bf8": return .float8_e5m2fnuz
        default: preconditionFailure("unknown operand type \(type)")
        }
    }

    static func isFP8(_ type: String) -> Bool { ["e4m3", "e5m2", "e2m1"].contains(type) }

    /// NVIDIA mma / wgmma / tcgen05.mma without block scales.
    static func nvidiaUnit(name: String, arch: Architecture, k: Int, d: String, a: String, b: String, c: String,
                           family: NvidiaFamily) -> MatrixUnit {
        let dFormat = format(d)
        if a == "f64" {
            return MatrixUnit(name: name, architecture: arch, k: k, a: .float64, b: .float64, c: .float64, d: .float64,
                              summation: .fusedMultiplyAddChain, stepSize: 1, keptFractionBits: 0, finalRounding: .nearestEven)
        }
        var kept: Int
        switch arch {
        case .volta: kept = 23
        case .turing, .ampere, .ada: kept = 24
        default: kept = 25
        }
        var outputBits = dFormat.mantissaBits
        // FP8 on Ada's mma and Hopper's wgmma: 13 fraction bits in alignment, and an f32 D
        // truncated to 13 fraction bits.
        if isFP8(a) && (arch == .ada || family == .wgmma) {
            kept = 13
            if d == "f32" { outputBits = 13 }
        }
        var step = k
        if arch == .ampere || arch == .ada {
            if (a == "tf32" && k == 8) || ((a == "f16" || a == "bf16") && k == 16) || (isFP8(a) && k == 32) {
                step = k / 2
            }
        }
        // C joins in D's format (Volta's f16 C of an f32 D is widened first).
        _ = c
        return MatrixUnit(name: name, architecture: arch, k: k, a: format(a), b: format(b), c: format(c), d: dFormat,
                          truncatesOperandsToTF32: a == "tf32", summation: .fused, stepSize: step,
                          keptFractionBits: kept, finalRounding: d == "f32" ? .towardZero : .nearestEven,
                          outputFractionBits: outputBits)
    }

    /// mxf8f6f4 (K 32: fused with the two scale exponents added to each product's) and
    /// mxf4nvf4 (K 64: exact 16-element groups, 35 kept bits).
    static func blockScaledUnit(name: String, arch: Architecture, k: Int, block: Int, a: String, b: String, scale: String) -> MatrixUnit {
        MatrixUnit(name: name, architecture: arch, k: k, a: format(a), b: format(b), c: .float32, d: .float32,
                   scale: BlockScale(format: format(scale), blockSize: block, ignoresSign: scale == "ue4m3"),
                   summation: k == 64 ? .fusedScaledGroups : .fused, stepSize: k,
                   keptFractionBits: k == 64 ? 35 : 25, finalRounding: .towardZero)
    }

    static func amdUnit(name: String, arch: Architecture, qualifier: String, k: Int) -> MatrixUnit {
        let types = mfmaTypes(qualifier)
        let a = format(types.a), b = format(types.b), d = format(types.d)
        switch types.a {
        case "f64", "f32":
            return MatrixUnit(name: name, architecture: arch, k: k, a: a, b: b, c: d, d: d,
                              summation: .fusedMultiplyAddChain, stepSize: 1, keptFractionBits: 0, finalRounding: .nearestEven)
        case "xf32":
            return MatrixUnit(name: name, architecture: arch, k: k, a: a, b: b, c: d, d: d, truncatesOperandsToTF32: true,
                              summation: .floorAligned(evenOddHalves: false), stepSize: min(4, k), keptFractionBits: 24,
                              finalRounding: .nearestEven)
        case "fp8", "bf8":
            return MatrixUnit(name: name, architecture: arch, k: k, a: a, b: b, c: d, d: d,
                              summation: .floorAligned(evenOddHalves: true), stepSize: min(16, k), keptFractionBits: 24,
                              finalRounding: .nearestEven)
        default:  // f16, bf16
            if arch == .cdna3 {
                return MatrixUnit(name: name, architecture: arch, k: k, a: a, b: b, c: d, d: d,
                                  summation: .floorAligned(evenOddHalves: false), stepSize: min(8, k), keptFractionBits: 24,
                                  finalRounding: .nearestEven)
            }
            let group = types.a == "f16" || qualifier.hasSuffix("_1k") ? 4 : 2
            return MatrixUnit(name: name, architecture: arch, k: k, a: a, b: b, c: d, d: d,
                              summation: .pairwise(groupSize: group), stepSize: group, keptFractionBits: 0,
                              finalRounding: .nearestEven, flushesSubnormals: arch == .cdna2)
        }
    }

    static func behaviourKey(_ unit: MatrixUnit) -> String {
        "\(unit.k) \(unit.a.name) \(unit.b.name) \(unit.c.name) \(unit.d.name) \(unit.truncatesOperandsToTF32) "
            + "\(String(describing: unit.scale)) \(unit.summation) \(unit.stepSize) \(unit.keptFractionBits) "
            + "\(unit.finalRounding) \(unit.outputFractionBits) \(unit.flushesSubnormals)"
    }

    // MARK: - Instruction lists (the sets MMA-Sim models)

    static func fp8Pairs(_ outputs: [String], _ inputs: [String]) -> [(String, String, String)] {
        outputs.flatMap { d in inputs.flatMap { a in inputs.map { b in (d, a, b) } } }
    }

    static let voltaMMA = ["m8n8k4.f32.f16.f16.f32", "m8n8k4.f32.f16.f16.f16", "m8n8k4.f16.f16.f16.f16"]
    static let turingMMA = ["m16n8k8.f32.f16.f16.f32", "m16n8k8.f16.f16.f16.f16"]
    static let ampereMMA = [
        "m8n8k4.f64.f64.f64.f64", "m16n8k8.f32.tf32.tf32.f32", "m16n8k4.f32.tf32.tf32.f32",
        "m16n8k16.f32.f16.f16.f32", "m16n8k16.f16.f16.f16.f16", "m16n8k16.f32.bf16.bf16.f32", "m16n8k8.f32.bf16.bf16.f32",
    ]
    static let adaMMA: [String] = ["32", "16"].flatMap { k in
        fp8Pairs(["f32", "f16"], ["e5m2", "e4m3"]).map { "m16n8k\(k).\($0.0).\($0.1).\($0.2).\($0.0)" }
    }
    static let hopperMMA = ["m16n8k16.f64.f64.f64.f64", "m16n8k8.f64.f64.f64.f64", "m16n8k4.f64.f64.f64.f64"]
    static let rtxBlackwellMMA: [String] = fp8Pairs(["f32", "f16"], ["e5m2", "e4m3", "e2m1"]).map {
        "m16n8k32.\($0.0).\($0.1).\($0.2).\($0.0)"
    }
    static let rtxBlackwellBlockScaleQualifiers: [String] =
        fp8Pairs(["f32"], ["e5m2", "e4m3", "e2m1"]).map { "m16n8k32.block32.f32.\($0.1).\($0.2).f32.ue8m0" }
        + ["m16n8k64.block32.f32.e2m1.e2m1.f32.ue8m0", "m16n8k64.block16.f32.e2m1.e2m1.f32.ue8m0",
           "m16n8k64.block32.f32.e2m1.e2m1.f32.ue4m3", "m16n8k64.block16.f32.e2m1.e2m1.f32.ue4m3"]

    static func mmaQualifiers(_ arch: Architecture) -> [String] {
        switch arch {
        case .volta: return voltaMMA
        case .turing: return turingMMA + voltaMMA
        case .ampere, .blackwell: return ampereMMA + turingMMA
        case .ada: return adaMMA + ampereMMA + turingMMA
        case .hopper: return hopperMMA + ampereMMA + turingMMA
        case .rtxBlackwell: return rtxBlackwellMMA + adaMMA + ampereMMA + turingMMA
        case .cdna1, .cdna2, .cdna3, .amx, .arm: return []
        }
    }

    static let cdna1MFMA = [
        "f32_32x32x2f32", "f32_32x32x1f32", "f32_16x16x4f32", "f32_16x16x1f32", "f32_4x4x1f32",
        "f32_32x32x8f16", "f32_32x32x4f16", "f32_16x16x16f16", "f32_16x16x4f16", "f32_4x4x4f16",
        "f32_32x32x4bf16", "f32_32x32x2bf16", "f32_16x16x8bf16", "f32_16x16x2bf16", "f32_4x4x2bf16",
    ]
    static let cdna2MFMA = [
        "f64_16x16x4f64", "f64_4x4x4f64",
        "f32_32x32x8bf16_1k", "f32_32x32x4bf16_1k", "f32_16x16x16bf16_1k", "f32_16x16x4bf16_1k", "f32_4x4x4bf16_1k",
    ]
    static let cdna3MFMA = [
        "f64_16x16x4_f64", "f64_4x4x4_4b_f64",
        "f32_32x32x1_2b_f32", "f32_16x16x1_4b_f32", "f32_4x4x1_16b_f32", "f32_32x32x2_f32", "f32_16x16x4_f32",
        "f32_16x16x8_xf32", "f32_32x32x4_xf32",
        "f32_32x32x4_2b_f16", "f32_16x16x4_4b_f16", "f32_4x4x4_16b_f16", "f32_32x32x8_f16", "f32_16x16x16_f16",
        "f32_32x32x4_2b_bf16", "f32_16x16x4_4b_bf16", "f32_4x4x4_16b_bf16", "f32_32x32x8_bf16", "f32_16x16x16_bf16",
        "f32_16x16x32_bf8_bf8", "f32_16x16x32_bf8_fp8", "f32_16x16x32_fp8_bf8", "f32_16x16x32_fp8_fp8",
        "f32_32x32x16_bf8_bf8", "f32_32x32x16_bf8_fp8", "f32_32x32x16_fp8_bf8", "f32_32x32x16_fp8_fp8",
    ]

    static func mfmaQualifiers(_ arch: Architecture) -> [String] {
        switch arch {
        case .cdna1: return cdna1MFMA
        case .cdna2: return cdna2MFMA + cdna1MFMA
        case .cdna3: return cdna3MFMA
        default: return []
        }
    }

    /// `m16n8k32` → (16, 8, 32).
    static func nvidiaShape(_ text: String) -> (Int, Int, Int)? {
        guard text.hasPrefix("m"), let nIndex = text.firstIndex(of: "n"), let kIndex = text.firstIndex(of: "k"),
              nIndex < kIndex,
              let m = Int(text[text.index(after: text.startIndex)..<nIndex]),
              let n = Int(text[text.index(after: nIndex)..<kIndex]),
              let k = Int(text[text.index(after: kIndex)...]) else { return nil }
        return (m, n, k)
    }

    /// The `MxNxK` part of an mfma qualifier (`f32_32x32x8bf16_1k` → 32, 32, 8).
    static func mfmaShape(_ qualifier: String) -> (m: Int, n: Int, k: Int) {
        let shapeField = qualifier.split(separator: "_")[1]
        let numbers = shapeField.split(separator: "x").map { Int($0.prefix { $0.isNumber })! }
        return (numbers[0], numbers[1], numbers[2])
    }

    /// D, A and B types of an mfma qualifier: `f32_32x32x8f16` → f32 f16 f16,
    /// `f32_16x16x32_fp8_bf8` → f32 fp8 bf8, `f32_4x4x4_16b_f16` → f32 f16 f16.
    static func mfmaTypes(_ qualifier: String) -> (d: String, a: String, b: String) {
        let fields = qualifier.split(separator: "_").map(String.init)
        let d = fields[0]
        if fields.count >= 4 && (fields[3] == "fp8" || fields[3] == "bf8") { return (d, fields[2], fields[3]) }
        if fields.count >= 3 && fields.last != "1k" { return (d, fields.last!, fields.last!) }
        let shapeAndType = fields[1]
        for type in ["bf16", "f16", "f32", "f64"] where shapeAndType.hasSuffix(type) { return (d, type, type) }
        preconditionFailure("unrecognised mfma qualifier \(qualifier)")
    }
}
