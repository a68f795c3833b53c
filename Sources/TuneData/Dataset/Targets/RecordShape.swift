/// The kind of record a dataset line holds, whatever target it is written for.
///
/// `chat` is a conversation (system, user and assistant turns); `completion` a prompt and its answer;
/// `preference` a prompt with a preferred and a non-preferred answer (for DPO-style training). Each
/// target writes the shapes it supports in its own JSON layout.
public enum RecordShape: String, Codable, Sendable, CaseIterable {
    case chat, completion, preference
}
