/// The symbol drawn at each data point of a series (or none, for plain lines).
public enum MarkerShape: String, Sendable, Hashable, CaseIterable {
    case none, circle, square, triangle, diamond, cross
}
