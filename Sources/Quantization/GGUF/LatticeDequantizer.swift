/// The decoders of ggml's lattice types (`dequantize_row_iq2_xxs` … `dequantize_row_iq1_m`):
/// every 8 elements are one grid entry (IQ3: two 4-value entries) with signs, under a block
/// scale; all arithmetic in float32 in ggml's order.
///
///     IQ2_XXS: per 32 elements, 4 grid indices (bytes) and a uint32 holding four 7-bit sign
///     indices and a 4-bit scale s: y = d · (0.5 + s) · 0.25 · grid value · ±1
enum LatticeDequantizer {
    @inline(__always)
    static func loadUInt32(_ p: UnsafePointer<UInt8>) -> UInt32 {
        UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16 | UInt32(p[3]) << 24
    }

    @inline(__always)
    static func loadUInt16(_ p: UnsafePointer<UInt8>) -> UInt16 { UInt16(p[0]) | UInt16(p[1]) << 8 }

    @inline(__always)
    static func byte(_ word: UInt64, _ j: Int) -> Float { Float(UInt8(truncatingIfNeeded: word >> UInt64(8 * j))) }

    @inline(__always)
    static func sign(_ signs: UInt8, _ j: Int) -> Float { signs & (UInt8(1) << UInt8(j)) != 0 ? -1 : 1 }

    /// The walk every lattice decoder shares: 256-element super-blocks of `blockBytes` bytes,
    /// each handed to `body` with the output position, which `body` advances 8 values at a time.
    @inline(__always)
    static func forEachSuperBlock(_ blocks: UnsafePointer<UInt8>, count: Int, blockBytes: Int, into y: UnsafeMutablePointer<Float>,
                                  _ body: (_ block: UnsafePointer<UInt8>, _ out: inout UnsafeMutablePointer<Float>) -> Void) {
        var out = y
        for block in 0..<(count / 256) { body(blocks + blockBytes * block, &out) }
    }

    /// Eight values of an unsigned grid entry with their signs: scale · byte j · ±1 (IQ2).
    @inline(__always)
    static func writeSigned(_ entry: UInt64, signs: UInt8, scale: Float, to out: inout UnsafeMutablePointer<Float>) {
        for j in 0..<8 { out[j] = scale * byte(entry, j) * sign(signs, j) }
        out += 8
    }

    /// Eight values of a signed grid entry shifted by ±delta: scale · (byte j + delta) (IQ1).
    @inline(__always)
    static func writeShifted(_ entry: UInt64, delta: Float, scale: Float, to out: inout UnsafeMutablePointer<Float>) {
        for j in 0..<8 { out[j] = scale * (signedByte(entry, j) + delta) }
        out += 8
    }

    static func iq2xxs(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        let grid = LatticeGrids.iq2xxs, signTable = LatticeGrids.signs
        forEachSuperBlock(blocks, count: count, blockBytes: 66, into: y) { b, out in
            let d = GGMLRounding.loadHalf(b)
            for ib in 0..<8 {
                let q = b + 2 + 8 * ib
                let aux1 = loadUInt32(q + 4)
                let db = d * (0.5 + Float(aux1 >> 28)) * 0.25
                for l in 0..<4 {
                    let entry = grid[Int(q[l])]
                    let signs = signTable[Int((aux1 >> UInt32(7 * l)) & 127)]
                    writeSigned(entry, signs: signs, scale: db, to: &out)
                }
            }
        }
    }

    static func iq2xs(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        let grid = LatticeGrids.iq2xs, signTable = LatticeGrids.signs
        forEachSuperBlock(blocks, count: count, blockBytes: 74, into: y) { b, out in
            let d = GGMLRounding.loadHalf(b)
            for ib in 0..<8 {
                let scale = b[66 + ib]
                let db = (d * (0.5 + Float(scale & 0xf)) * 0.25, d * (0.5 + Float(scale >> 4)) * 0.25)
                for l in 0..<4 {
                    let q = loadUInt16(b + 2 + 2 * (4 * ib + l))
                    let entry = grid[Int(q & 511)]
                    let signs = signTable[Int(q >> 9)]
                    let dl = l < 2 ? db.0 : db.1
                    writeSigned(entry, signs: signs, scale: dl, to: &out)
                }
            }
        }
    }

    static func iq2s(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        let grid = LatticeGrids.iq2s
        forEachSuperBlock(blocks, count: count, blockBytes: 82, into: y) { b, out in
            let d = GGMLRounding.loadHalf(b)
            let qsBase = b + 2, qh = b + 66, scales = b + 74
            for ib in 0..<8 {
                let qs = qsBase + 4 * ib, signs = qsBase + 32 + 4 * ib
                let db = (d * (0.5 + Float(scales[ib] & 0xf)) * 0.25, d * (0.5 + Float(scales[ib] >> 4)) * 0.25)
                for l in 0..<4 {
                    let dl = l < 2 ? db.0 : db.1
                    let index = Int(qs[l]) | (Int(qh[ib]) << (8 - 2 * l) & 0x300)
                    let entry = grid[index]
                    writeSigned(entry, signs: signs[l], scale: dl, to: &out)
                }
            }
        }
    }

    static func iq3xxs(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        let grid = LatticeGrids.iq3xxs, signTable = LatticeGrids.signs
        forEachSuperBlock(blocks, count: count, blockBytes: 98, into: y) { b, out in
            let d = GGMLRounding.loadHalf(b)
            let scalesAndSigns = b + 2 + 64
            for ib in 0..<8 {
                let qs = b + 2 + 8 * ib
                let aux = loadUInt32(scalesAndSigns + 4 * ib)
                let db = d * (0.5 + Float(aux >> 28)) * 0.5
                for l in 0..<4 {
                    let signs = signTable[Int((aux >> UInt32(7 * l)) & 127)]
                    let grid1 = UInt64(grid[Int(qs[2 * l])]), grid2 = UInt64(grid[Int(qs[2 * l + 1])])
                    for j in 0..<4 {
                        out[j] = db * byte(grid1, j) * sign(signs, j)
                        out[j + 4] = db * byte(grid2, j) * sign(signs, j + 4)
                    }
                    out += 8
                }
            }
        }
    }

    static func iq3s(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        let grid = LatticeGrids.iq3s
        forEachSuperBlock(blocks, count: count, blockBytes: 110, into: y) { b, out in
            let d = GGMLRounding.loadHalf(b)
            var qs = b + 2, qh = b + 66, signs = b + 74
            let scales = b + 106
            for pair in 0..<4 {
                let db1 = d * Float(1 + 2 * Int32(scales[pair] & 0xf))
                let db2 = d * Float(1 + 2 * Int32(scales[pair] >> 4))
                for (half, db) in [(0, db1), (1, db2)] {
                    let high = Int(qh[half])
                    for l in 0..<4 {
                        let grid1 = UInt64(grid[Int(qs[2 * l]) | ((high << (8 - 2 * l)) & 256)])
                        let grid2 = UInt64(grid[Int(qs[2 * l + 1]) | ((high << (7 - 2 * l)) & 256)])
                        for j in 0..<4 {
                            out[j] = db * byte(grid1, j) * sign(signs[l], j)
                            out[j + 4] = db * byte(grid2, j) * sign(signs[l], j + 4)
                        }
                        out += 8
                    }
                    qs += 8
                    signs += 4
                }
                qh += 2
            }
        }
    }

    static let iq1Delta: Float = 0.125  // IQ1S_DELTA = IQ1M_DELTA

    @inline(__always)
    static func signedByte(_ word: UInt64, _ j: Int) -> Float { Float(Int8(truncatingIfNeeded: word >> UInt64(8 * j))) }

    static func iq1s(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        let grid = LatticeGrids.iq1s
        forEachSuperBlock(blocks, count: count, blockBytes: 50, into: y) { b, out in
            let d = GGMLRounding.loadHalf(b)
            for ib in 0..<8 {
                let qs = b + 2 + 4 * ib
                let qh = loadUInt16(b + 34 + 2 * ib)
                let dl = d * Float(2 * Int32((qh >> 12) & 7) + 1)
                let delta = qh & 0x8000 != 0 ? -iq1Delta : iq1Delta
                for l in 0..<4 {
                    let entry = grid[Int(qs[l]) | Int((qh >> UInt16(3 * l)) & 7) << 8]
                    writeShifted(entry, delta: delta, scale: dl, to: &out)
                }
            }
        }
    }

    static func iq1m(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        let grid = LatticeGrids.iq1s
        forEachSuperBlock(blocks, count: count, blockBytes: 56, into: y) { b, out in
            let sc = (0..<4).map { loadUInt16(b + 48 + 2 * $0) }
            let scaleBits = (sc[0] >> 12) | ((sc[1] >> 8) & 0x00f0) | ((sc[2] >> 4) & 0x0f00) | (sc[3] & 0xf000)
            let d = GGMLRounding.float(half: scaleBits)
            for ib in 0..<8 {
                let qs = b + 4 * ib, qh = b + 32 + 2 * ib
                let s = sc[ib / 2]
                let dl1 = d * Float(2 * Int32((s >> UInt16(6 * (ib % 2))) & 7) + 1)
                let dl2 = d * Float(2 * Int32((s >> UInt16(6 * (ib % 2) + 3)) & 7) + 1)
                let index = [Int(qs[0]) | (Int(qh[0]) << 8 & 0x700), Int(qs[1]) | (Int(qh[0]) << 4 & 0x700),
                             Int(qs[2]) | (Int(qh[1]) << 8 & 0x700), Int(qs[3]) | (Int(qh[1]) << 4 & 0x700)]
                let delta = [qh[0] & 0x08 != 0 ? -iq1Delta : iq1Delta, qh[0] & 0x80 != 0 ? -iq1Delta : iq1Delta,
                             qh[1] & 0x08 != 0 ? -iq1Delta : iq1Delta, qh[1] & 0x80 != 0 ? -iq1Delta : iq1Delta]
                for l in 0..<4 {
                    let entry = grid[index[l]]
                    let dl = l < 2 ? dl1 : dl2
                    writeShifted(entry, delta: delta[l], scale: dl, to: &out)
                }
            }
        }
    }
}
