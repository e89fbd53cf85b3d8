import Foundation

/// BERT's tokenizer as all-MiniLM-L6-v2's tokenizer.json describes it: ``BertNormalizer``,
/// ``BertPreTokenizer``, then WordPiece (greedy longest match first, continuation pieces
/// prefixed `##`, a word of more than 100 scalars or with an unmatched rest becomes `[UNK]`),
/// then `[CLS] … [SEP]`, cut to `maxLength` tokens (256 in the model's
/// sentence_bert_config.json) as sentence-transformers does.
///
///     let tokenizer = try WordPieceTokenizer(vocabularyFile: "…/vocab.txt")
///     try tokenizer.tokenize("Unaffable tokens").ids
///     // [101, 14477, 20961, 3468, 19204, 2015, 102]: un ##af ##fa ##ble token ##s
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: [String: Int]
    public let normalizer: BertNormalizer
    public let maxLength: Int
    public let unknownID: Int
    public let classifierID: Int
    public let separatorID: Int
    public static let maxCharactersPerWord = 100

    /// - Parameter vocabulary: token → id (vocab.txt's line numbers from 0).
    public init(vocabulary: [String: Int], normalizer: BertNormalizer = BertNormalizer(), maxLength: Int = 256,
                location: String = "vocabulary") throws(EncoderError) {
        self.vocabulary = vocabulary
        self.normalizer = normalizer
        self.maxLength = maxLength
        func id(_ token: String) throws(EncoderError) -> Int {
            guard let id = vocabulary[token] else { throw EncoderError(.unsupportedModel, location: location, "the vocabulary has no \(token) token") }
            return id
        }
        unknownID = try id("[UNK]")
        classifierID = try id("[CLS]")
        separatorID = try id("[SEP]")
        guard maxLength >= 2 else { throw EncoderError(.usage, location: location, "the maximum length must be at least 2, got \(maxLength)") }
    }

    /// Reads vocab.txt: one token per line, the line number (from 0) is its id.
    public init(vocabularyFile path: String, normalizer: BertNormalizer = BertNormalizer(), maxLength: Int = 256) throws(EncoderError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw EncoderError(.missingFile, location: path, "cannot read the vocabulary (vocab.txt)")
        }
        var vocabulary = [String: Int]()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let token = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if vocabulary[token] == nil { vocabulary[token] = index }
        }
        try self.init(vocabulary: vocabulary, normalizer: normalizer, maxLength: maxLength, location: path)
    }

    /// The ids of one text; refuses a text with no tokens.
    ///
    /// - Throws: ``EncoderError`` (`badText`) for an empty text (or one of whitespace and
    ///   control characters only): there is no embedding of nothing.
    public func tokenize(_ text: String) throws(EncoderError) -> TokenizedText {
        var pieces = [Int]()
        for word in BertPreTokenizer.words(normalizer.normalize(text)) {
            pieces += wordPieces(word)
        }
        guard !pieces.isEmpty else {
            throw EncoderError(.badText, location: "text \"\(text)\"", "empty text: nothing to embed")
        }
        let kept = min(pieces.count, maxLength - 2)
        return TokenizedText(ids: [classifierID] + pieces[0..<kept] + [separatorID], wordPieces: pieces.count,
                             isTruncated: kept < pieces.count)
    }

    /// WordPiece on one word: the longest vocabulary entry from the start, then the longest
    /// `##` entry from where it ended, …; `[UNK]` for the whole word if any rest matches nothing.
    func wordPieces(_ word: [Unicode.Scalar]) -> [Int] {
        guard word.count <= Self.maxCharactersPerWord else { return [unknownID] }
        var ids = [Int]()
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int? = nil
            while start < end {
                var piece = String(String.UnicodeScalarView(word[start..<end]))
                if start > 0 { piece = "##" + piece }
                if let id = vocabulary[piece] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let found else { return [unknownID] }
            ids.append(found)
            start = end
        }
        return ids
    }
}
