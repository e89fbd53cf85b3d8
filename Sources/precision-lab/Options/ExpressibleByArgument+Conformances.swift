import ArgumentParser
import LabCommands
import SoftFloat

// The library enums stay free of ArgumentParser; the executable teaches it their raw values.

extension RoundingMode: ExpressibleByArgument {}
extension OverflowPolicy: ExpressibleByArgument {}
extension SubnormalPolicy: ExpressibleByArgument {}
extension ConvertOutput: ExpressibleByArgument {}

extension TableStyle: EnumerableFlag {
    public static func help(for value: TableStyle) -> ArgumentHelp? {
        switch value {
        case .plain: return "Aligned plain-text tables."
        case .csv: return "One RFC 4180 CSV table with a header row."
        case .markdown: return "Markdown tables."
        case .json: return "A JSON array, one object per format (numbers as JSON numbers)."
        }
    }
}
