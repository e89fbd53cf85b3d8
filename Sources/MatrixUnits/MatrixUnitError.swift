/// A unit name the catalog does not know, with a hint.
///
///     unknown matrix unit 'hopper:wgmma.m64n7k32.f32.e4m3.e4m3': n must be a multiple of 8 from 8 to 256
public struct MatrixUnitError: Error, Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    public var description: String { "unknown matrix unit '\(name)': \(reason)" }
}
