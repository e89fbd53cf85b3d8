import CMPFR

extension MPFRValue: CustomDebugStringConvertible {
    /// MPFR's hexadecimal form and the precision: `MPFRValue(0.1875).debugDescription` is
    /// `"MPFRValue(0x3p-4, precision: 53)"`.
    public var debugDescription: String {
        let hex: String
        if let text = cmpfr_asprintf_one("%Ra", pointer) {
            hex = String(cString: text)
            mpfr_free_str(text)
        } else {
            hex = "?"
        }
        return "MPFRValue(\(hex), precision: \(precision))"
    }
}
