import Testing
import Tokenizer

/// Model names map to tiktoken's encodings; unknown names to nil.
@Suite struct ModelEncodingsTests {
    @Test(arguments: [
        ("gpt-4o-mini-2024-07-18", EncodingName.o200kBase), ("gpt-4o-2024-08-06", .o200kBase), ("gpt-4o", .o200kBase),
        ("gpt-4.1-2025-04-14", .o200kBase), ("gpt-4.1-mini-2025-04-14", .o200kBase), ("gpt-4.1-nano", .o200kBase),
        ("o4-mini-2025-04-16", .o200kBase), ("o1", .o200kBase), ("o3-mini", .o200kBase),
        ("ft:gpt-4o-mini-2024-07-18:acme::9abc", .o200kBase),
        ("gpt-3.5-turbo-0125", .cl100kBase), ("gpt-3.5-turbo", .cl100kBase), ("gpt-4", .cl100kBase),
        ("gpt-4-0613", .cl100kBase), ("babbage-002", .cl100kBase), ("davinci-002", .cl100kBase),
        ("ft:gpt-3.5-turbo-0125:acme::xyz", .cl100kBase),
    ])
    func knownModel(model: String, encoding: EncodingName) {
        #expect(ModelEncodings.encoding(forModel: model) == encoding)
    }

    @Test(arguments: ["", "gpt-2", "text-davinci-003", "gpt-4omni", "claude-3", "o2", "llama-3"])
    func unknownModel(model: String) {
        #expect(ModelEncodings.encoding(forModel: model) == nil)
    }

    @Test func defaultModelIsKnown() {
        #expect(ModelEncodings.encoding(forModel: ModelEncodings.defaultModel) == .o200kBase)
    }
}
