/// The Okabe–Ito colour-blind-safe palette (yellow replaced by grey, which reads on white),
/// plus dash patterns to tell lines apart in greyscale.
///
///     Palette.color(0)   // "#0072B2" (blue)
///     Palette.color(9)   // wraps around: "#D55E00"
public enum Palette {
    public static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"]
    public static let dashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3"]

    public static func color(_ index: Int) -> String { colors[index % colors.count] }
    public static func dash(_ index: Int) -> String? { dashes[index % dashes.count] }

    /// Colour `index`, solid for the first lap of the palette and dashed after.
    public static func style(_ index: Int, marker: MarkerShape = .none) -> SeriesStyle {
        SeriesStyle(color: color(index), dash: dash(index / colors.count), marker: marker)
    }
}
