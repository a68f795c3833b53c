import Testing
import Tokenizer

/// Special-token strings are plain text to the encoder, and found by `specialTokenOccurrences(in:)`.
@Suite struct SpecialTokenTests {
    @Test func specialTokensOfEachEncoding() {
        #expect(
            BPEEncoding.shared(.cl100kBase).specialTokens == [
                "<|endoftext|>": 100_257, "<|fim_prefix|>": 100_258, "<|fim_middle|>": 100_259,
                "<|fim_suffix|>": 100_260, "<|endofprompt|>": 100_276,
            ])
        #expect(BPEEncoding.shared(.o200kBase).specialTokens == ["<|endoftext|>": 199_999, "<|endofprompt|>": 200_018])
    }

    @Test(arguments: EncodingName.allCases)
    func encodedAsOrdinaryText(encoding: EncodingName) {
        let tokenizer = BPEEncoding.shared(encoding)
        let ids = tokenizer.encode("<|endoftext|>")
        #expect(ids.count > 1)
        #expect(!ids.contains { tokenizer.specialTokens.values.contains($0) })
        #expect(tokenizer.decodeString(ids) == "<|endoftext|>")
    }

    @Test func occurrencesInOrder() {
        let text = "a <|fim_suffix|> b <|endoftext|><|endoftext|> <|endofprompt|> <|fim_prefix <|unknown|>"
        #expect(
            BPEEncoding.shared(.cl100kBase).specialTokenOccurrences(in: text) == [
                "<|fim_suffix|>", "<|endoftext|>", "<|endoftext|>", "<|endofprompt|>",
            ])
        #expect(
            BPEEncoding.shared(.o200kBase).specialTokenOccurrences(in: text) == [
                "<|endoftext|>", "<|endoftext|>", "<|endofprompt|>",
            ])
        #expect(BPEEncoding.shared(.o200kBase).specialTokenOccurrences(in: "plain <| text |>").isEmpty)
    }

    @Test func specialIDsDecodeToTheirStrings() {
        #expect(BPEEncoding.shared(.o200kBase).decodeString([199_999, 200_018]) == "<|endoftext|><|endofprompt|>")
    }
}
