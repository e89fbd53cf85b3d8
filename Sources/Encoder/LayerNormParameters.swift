/// A LayerNorm's scale (γ, `weight`) and shift (β, `bias`), one value per hidden unit.
public struct LayerNormParameters: Sendable {
    public var scale: [Float]
    public var shift: [Float]

    public init(scale: [Float], shift: [Float]) {
        self.scale = scale
        self.shift = shift
    }
}
