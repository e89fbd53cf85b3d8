/// One text as the encoder's input: `[CLS]`, the WordPiece ids, `[SEP]`, and whether the
/// pieces were cut to fit the maximum length.
///
///     try tokenizer.tokenize("Hello, world!")
///     // ids [101, 7592, 1010, 2088, 999, 102], wordPieces 4, truncated false
public struct TokenizedText: Sendable, Hashable {
    public let ids: [Int]
    /// How many word pieces the text had before truncation (without [CLS] and [SEP]).
    public let wordPieces: Int
    public let isTruncated: Bool

    public init(ids: [Int], wordPieces: Int, isTruncated: Bool) {
        self.ids = ids
        self.wordPieces = wordPieces
        self.isTruncated = isTruncated
    }
}
