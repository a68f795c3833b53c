import Crypto
import Foundation

/// Stable document identifiers: the first 16 hex digits of the SHA-256 of the relative path, so
/// the same file under the same root gets the same id on every run and every machine.
public enum DocumentID {
    public static func make(relativePath: String) -> String {
        let digest = SHA256.hash(data: Data(relativePath.utf8))
        return digest.prefix(8).lowercaseHex
    }
}
