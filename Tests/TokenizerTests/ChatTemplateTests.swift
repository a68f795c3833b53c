import Foundation
import Testing
@testable import Tokenizer

/// `--tokenizer` counts the conversation as its chat template renders it, special tokens as one id.
@Suite struct ChatTemplateTests {
    /// A byte-level tokenizer with no merges (one token per byte) and the given added tokens.
    static func tokenizerJSON(added: [String]) -> String {
        let tokens = added.enumerated().map {
            #"{"id":\#(1000 + $0.offset),"content":"\#($0.element)","special":true}"#
        }
        return #"""
            {"added_tokens":[\#(tokens.joined(separator: ","))],"normalizer":null,
             "pre_tokenizer":{"type":"ByteLevel","add_prefix_space":false,"use_regex":true},
             "model":{"type":"BPE","vocab":{},"merges":[]}}
            """#
    }

    /// A folder holding `tokenizer.json` and, when given, a `tokenizer_config.json` with `template`.
    static func folder(added: [String], template: String?) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tok-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(tokenizerJSON(added: added).utf8).write(to: folder.appendingPathComponent("tokenizer.json"))
        if let template {
            let config = try JSONSerialization.data(withJSONObject: ["chat_template": template])
            try config.write(to: folder.appendingPathComponent("tokenizer_config.json"))
        }
        return folder
    }

    static let chatMLTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"

    @Test func aChatMLConfigCountsTheRenderedConversation() throws {
        let folder = try Self.folder(added: ["<|im_start|>", "<|im_end|>"], template: Self.chatMLTemplate)
        defer { try? FileManager.default.removeItem(at: folder) }
        let counter = try TemplatedTokenCounter(contentsOf: folder.appendingPathComponent("tokenizer.json"))
        #expect(counter.family == .chatML)
        #expect(counter.isExact)
        #expect(counter.description.contains("ChatML chat template (from tokenizer_config.json)"))
        // "user\nab" 7 + "\n" 1 + "assistant\nc" 11 + "\n" 1 bytes, and four special tokens.
        #expect(counter.count([("user", "ab"), ("assistant", "c")]) == 24)
        // "assistant\nc" 11 + "\n" 1, and two special tokens.
        #expect(counter.countAssistant("c") == 14)
    }

    @Test func anUnknownTemplateFallsBackToMessageTextsAsAnEstimate() throws {
        let folder = try Self.folder(added: ["<|im_start|>"], template: "{{ messages | tojson }}")
        defer { try? FileManager.default.removeItem(at: folder) }
        let counter = try TemplatedTokenCounter(
            contentsOf: folder.appendingPathComponent("tokenizer.json"), model: "Qwen2.5-7B")
        #expect(counter.family == nil)
        #expect(!counter.isExact)
        #expect(counter.description.hasPrefix("estimate (template not recognised"))
        #expect(counter.count([("user", "ab"), ("assistant", "c")]) == 3)
    }

    @Test func theModelNameNamesTheTemplateWhenThereIsNoConfig() throws {
        let llama = ["<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]
        let folder = try Self.folder(added: llama, template: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let counter = try TemplatedTokenCounter(
            contentsOf: folder.appendingPathComponent("tokenizer.json"), model: "meta-llama/Llama-3.1-8B-Instruct")
        #expect(counter.family == .llama3)
        // "user" 4 + "\n\nq" 3 + "assistant" 9 + "\n\na" 3 bytes; begin, 2 × (start, end, eot).
        #expect(counter.count([("user", "q"), ("assistant", "a")]) == 26)
    }

    @Test func aTemplateWhoseSpecialTokensAreMissingIsNotUsed() throws {
        let folder = try Self.folder(added: [], template: Self.chatMLTemplate)
        defer { try? FileManager.default.removeItem(at: folder) }
        let counter = try TemplatedTokenCounter(contentsOf: folder.appendingPathComponent("tokenizer.json"))
        #expect(counter.family == nil)
        #expect(counter.description.contains("lacks the ChatML template's special tokens <|im_start|>, <|im_end|>"))
    }

    @Test func aListOfNamedTemplatesUsesTheDefaultOne() throws {
        let folder = try Self.folder(added: ["<|im_start|>", "<|im_end|>"], template: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let named: [[String: String]] = [
            ["name": "tool_use", "template": "[INST] tools"], ["name": "default", "template": Self.chatMLTemplate],
        ]
        try JSONSerialization.data(withJSONObject: ["chat_template": named])
            .write(to: folder.appendingPathComponent("tokenizer_config.json"))
        let counter = try TemplatedTokenCounter(contentsOf: folder.appendingPathComponent("tokenizer.json"))
        #expect(counter.family == .chatML)
    }

    @Test(arguments: [
        ("{{ '<|start_header_id|>' + message['role'] }}", ChatTemplateFamily.llama3),
        ("{{ '<|im_start|>' + message['role'] }}", .chatML), ("{{ '<start_of_turn>' + role }}", .gemma),
        ("{{ bos_token }}{{ '[INST] ' + message['content'] + ' [/INST]' }}", .mistral),
    ])
    func familiesAreRecognisedByTheirMarkers(_ template: String, _ family: ChatTemplateFamily) {
        #expect(ChatTemplateFamily.recognising(template: template) == family)
    }

    @Test func mistralAndGemmaFoldTheSystemPromptIntoTheFirstUserTurn() {
        let turns = [("system", "S"), ("user", "U"), ("assistant", "A")]
        #expect(ChatTemplateFamily.mistral.render(turns) == "<s>[INST] S\n\nU [/INST]A</s>")
        #expect(
            ChatTemplateFamily.gemma.render(turns)
                == "<bos><start_of_turn>user\nS\n\nU<end_of_turn>\n<start_of_turn>model\nA<end_of_turn>\n")
    }

    @Test(arguments: [("<|im_start|>x<|im_end|>", 3), ("x<s>x", 3), ("<s><s>", 2), ("<s", 2), ("", 0)])
    func addedTokensAreOneIdEachAndTheRestIsEncoded(_ text: String, _ expected: Int) throws {
        let folder = try Self.folder(added: ["<s>", "<|im_start|>", "<|im_end|>"], template: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tokenizer = try HuggingFaceBPE(contentsOf: folder.appendingPathComponent("tokenizer.json"))
        #expect(tokenizer.countWithAddedTokens(text) == expected)
    }
}
