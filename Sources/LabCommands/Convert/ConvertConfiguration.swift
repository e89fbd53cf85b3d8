import SoftFloat

/// Everything `convert` needs besides its input and output.
public struct ConvertConfiguration: Sendable, Hashable {
    /// The format every line is rounded to.
    public var target: FloatFormat
    /// When set, each line is a hex code of this format; otherwise a number.
    public var source: FloatFormat?
    public var options: RoundingOptions
    /// Seeds ``SplitMix64``; stochastic rounding draws once per line.
    public var seed: UInt64
    public var output: ConvertOutput
    /// tf32 and bfloat16 codes in their float32 container, read (`--from`) and written
    /// (`bits`): tf32 1/3 is `0x3eaaa000` instead of `0x1f555`
    /// (``SoftFloat/FloatFormat/float32ContainerShift``).
    public var container: Bool
    /// Read the value from this field (1-based) of each comma-separated line, not the whole line.
    public var column: Int?
    /// Skip the first line (a CSV header); it produces no output line.
    public var skipsHeader: Bool
    /// Round to this integer type instead of `target` (``IntegerRounding``: saturating).
    public var integerTarget: IntegerFormat?
    /// One JSON object per line (``ConvertJSONLine``) instead of `output`'s text; with
    /// `output == .exact` the objects carry the exact decimal too.
    public var json: Bool

    public init(
        target: FloatFormat, source: FloatFormat? = nil, options: RoundingOptions = .standard,
        seed: UInt64 = 0, output: ConvertOutput = .bits, container: Bool = false, column: Int? = nil,
        skipsHeader: Bool = false, integerTarget: IntegerFormat? = nil, json: Bool = false
    ) {
        self.json = json
        self.integerTarget = integerTarget
        self.container = container
        self.column = column
        self.skipsHeader = skipsHeader
        self.target = target
        self.source = source
        self.options = options
        self.seed = seed
        self.output = output
    }
}
