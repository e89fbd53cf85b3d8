import Testing
@testable import Quantization

/// The IQ grids decoded from their packed form equal ggml's literals: sample entries, sizes,
/// and an FNV-1a checksum over every entry (computed by the generator from ggml-common.h).
@Suite struct LatticeCodebooksTests {
    static func fnv1a<T: FixedWidthInteger>(_ entries: [T]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for entry in entries {
            for k in 0..<(T.bitWidth / 8) {
                hash ^= UInt64(truncatingIfNeeded: entry >> (8 * k)) & 0xff
                hash = hash &* 0x100_0000_01b3
            }
        }
        return hash
    }

    static let grids: [(String, [UInt64], Int)] = [
        ("iq2xxs", LatticeGrids.iq2xxs, 256), ("iq2xs", LatticeGrids.iq2xs, 512), ("iq2s", LatticeGrids.iq2s, 1024),
        ("iq1s", LatticeGrids.iq1s, 2048),
        ("iq3xxs", LatticeGrids.iq3xxs.map(UInt64.init), 256), ("iq3s", LatticeGrids.iq3s.map(UInt64.init), 512),
    ]

    @Test(arguments: 0..<6)
    func gridMatchesGGML(_ index: Int) throws {
        let (name, entries, size) = Self.grids[index]
        #expect(entries.count == size)
        let sample = try #require(LatticeCodebooks.sampleEntries[name])
        #expect([entries[0], entries[1], entries[size - 1]] == sample)
        let checksum = name.hasPrefix("iq3") ? Self.fnv1a(entries.map { UInt32(truncatingIfNeeded: $0) }) : Self.fnv1a(entries)
        #expect(checksum == LatticeCodebooks.checksums[name])
    }

    @Test func signsHaveEvenParity() {
        #expect(LatticeGrids.signs[0] == 0)
        #expect(LatticeGrids.signs[1] == 129)
        #expect(LatticeGrids.signs[3] == 3)
        #expect(LatticeGrids.signs[127] == 255)
        #expect(LatticeGrids.signs.allSatisfy { $0.nonzeroBitCount % 2 == 0 })
    }

    @Test func iq2xxsEntryOne() {
        // 0x080808080808082b: element 0 is 43 (0x2b), the others 8.
        #expect(LatticeGrids.iq2xxs[1] == 0x0808_0808_0808_082b)
    }
}
