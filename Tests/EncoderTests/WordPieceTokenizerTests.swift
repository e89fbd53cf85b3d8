import Encoder
import Testing

/// The tokenizer on a hand-made vocabulary: normalisation, splitting, WordPiece and truncation
/// worked by hand (the real vocabulary is checked against the model's own tokenizer in
/// MiniLMFixtureTests and Scripts/oracles/minilm_oracle.py).
@Suite struct WordPieceTokenizerTests {
    static let tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "token", "##s", ",", "!", "東", "京",
                         "creme", "brulee", "it", "'", "s", "3", ".", "5", "$", "hello", "world"]
    static func tokenizer(maxLength: Int = 256) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(vocabulary: Dictionary(uniqueKeysWithValues: tokens.enumerated().map { ($1, $0) }), maxLength: maxLength)
    }

    @Test(arguments: [
        ("Crème Brûlée\tau 東京", "creme brulee au  東  京 "),
        ("HELLO\u{0}\u{200B}World", "helloworld"),
        ("Straße", "straße"),
    ])
    func normalizes(text: String, expected: String) {
        #expect(BertNormalizer().normalize(text) == expected)
    }

    @Test func splitsAtWhitespaceAndPunctuation() {
        let words = BertPreTokenizer.words("it's 3.5$!").map { String(String.UnicodeScalarView($0)) }
        #expect(words == ["it", "'", "s", "3", ".", "5", "$", "!"])
    }

    @Test(arguments: [
        ("Unaffable tokens!", [2, 4, 5, 6, 7, 8, 10, 3]),
        ("Crème brûlée, 東京", [2, 13, 14, 9, 11, 12, 3]),
        ("hello unknownword", [2, 22, 1, 3]),
        ("It's 3.5$", [2, 15, 16, 17, 18, 19, 20, 21, 3]),
    ])
    func tokenizes(text: String, ids: [Int]) throws {
        #expect(try Self.tokenizer().tokenize(text).ids == ids)
    }

    @Test func truncatesToTheMaximumLength() throws {
        let tokens = try Self.tokenizer(maxLength: 5).tokenize("hello world hello world hello")
        #expect(tokens.ids == [2, 22, 23, 22, 3])
        #expect(tokens.isTruncated && tokens.wordPieces == 5)
    }

    @Test(arguments: ["", "   \t\n", "\u{200B}"])
    func refusesEmptyText(text: String) throws {
        #expect(throws: EncoderError.self) { try Self.tokenizer().tokenize(text) }
    }
}
