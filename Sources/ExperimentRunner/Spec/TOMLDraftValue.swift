/// A value while ``TOMLReader`` reads a document: tables are indices into the reader's list of
/// ``TOMLDraftTable``s, so a later `[header]` or dotted key can still add to them.
///
///     a = [1, {b = 2}]   →  .array([.scalar(.integer(1)), .table(1)])   (table 1 holds b)
///     [[c]]  [[c]]       →  .tableArray([2, 3])
indirect enum TOMLDraftValue {
    /// A string, integer, float or boolean.
    case scalar(SpecValue)
    /// An array written as a value, `[…]`: closed, nothing can be appended to it.
    case array([TOMLDraftValue])
    /// A table: from a header, a dotted key or an inline table.
    case table(Int)
    /// An array of tables, one element per `[[key]]` header.
    case tableArray([Int])
}
