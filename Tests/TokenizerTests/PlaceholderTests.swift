import Testing
import Tokenizer

@Test func placeholderCount() {
    #expect(BPEEncoding.shared(.o200kBase).count("abcd") == 1)
}
