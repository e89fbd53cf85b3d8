import Encoder
import FastKernels
import Foundation

/// The float32 model's output on the experiment's sentences, computed once per process by the
/// first cell that asks (on every core) and shared by the others: token ids, embeddings and
/// hidden states (embeddings' LayerNorm output, then each layer's).
final class FidelityReference: @unchecked Sendable {
    struct Output: Sendable {
        let tokens: [TokenizedText]
        let embeddings: [[Float]]
        let hiddenStates: [[[Float]]]
    }

    private let lock = NSLock()
    private var output: Output?

    func value(_ make: () throws -> Output) rethrows -> Output {
        lock.lock()
        defer { lock.unlock() }
        if let output { return output }
        let made = try make()
        output = made
        return made
    }
}
