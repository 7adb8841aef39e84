/// The names of the supported tiktoken encodings.
package enum EncodingName: String, Sendable, CaseIterable {
    case o200kBase = "o200k_base"
    case cl100kBase = "cl100k_base"

    /// Special tokens and their ids, as tiktoken defines them.
    package var specialTokens: [String: Int] {
        switch self {
        case .o200kBase: ["<|endoftext|>": 199_999, "<|endofprompt|>": 200_018]
        case .cl100kBase:
            [
                "<|endoftext|>": 100_257, "<|fim_prefix|>": 100_258, "<|fim_middle|>": 100_259,
                "<|fim_suffix|>": 100_260, "<|endofprompt|>": 100_276,
            ]
        }
    }

    /// The encoding tiktoken uses for `model` (`tiktoken/model.py`), or `nil` when the model is unknown.
    package static func forModel(_ model: String) -> EncodingName? {
        let name = (model.split(separator: "/").last.map(String.init) ?? model).lowercased()
        let cl100k = ["gpt-4", "gpt-3.5-turbo", "gpt-35-turbo", "text-embedding-3", "text-embedding-ada-002"]
        let o200k = ["gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4-mini", "ft:gpt-4o"]
        if o200k.contains(where: { name.hasPrefix($0) }) { return .o200kBase }
        if cl100k.contains(where: { name.hasPrefix($0) }) { return .cl100kBase }
        return nil
    }
}

/// A byte-level BPE encoding identical to OpenAI's tiktoken for `o200k_base` and `cl100k_base`.
package struct BPEEncoding: Sendable {
    package let name: EncodingName
    private let vocabulary: Vocabulary
    private let splitter: PreTokenizer
    private let specialIDs: [String: Int]

    /// Builds an encoding from the contents of its `.tiktoken` rank file.
    /// - Throws: ``Vocabulary/LoadError`` for a malformed file.
    package init(name: EncodingName, rankFile: [UInt8]) throws(Vocabulary.LoadError) {
        self.name = name
        self.vocabulary = try Vocabulary(tiktokenFile: rankFile)
        self.splitter = name == .o200kBase ? .o200k : .cl100k
        self.specialIDs = name.specialTokens
    }

    /// Number of mergeable tokens.
    package var vocabularySize: Int { vocabulary.count }

    /// Token ids of `text`, treating special tokens as plain text (tiktoken's `encode_ordinary`). Long texts are
    /// pre-tokenized segment by segment (see ``segmentBytes``), so only the ids grow with the input.
    package func encode(_ text: String) -> [Int] {
        encode(text, segmentBytes: Self.segmentBytes)
    }

    /// ``encode(_:)`` with segments of about `segmentBytes` (tests cut at every safe point with 1).
    package func encode(_ text: String, segmentBytes: Int) -> [Int] {
        var text = text
        var output: [Int] = []
        output.reserveCapacity(text.utf8.count / 3)
        text.withUTF8 { utf8 in
            var start = 0
            while start < utf8.count {
                let end = Self.safeCut(utf8, after: start + segmentBytes) ?? utf8.count
                encodeOrdinary(UnsafeBufferPointer(rebasing: utf8[start..<end]), into: &output)
                start = end
            }
        }
        return output
    }

    /// Token ids of `text`; occurrences of the special tokens in `allowedSpecial` become their ids,
    /// everything else is plain text.
    package func encode(_ text: String, allowedSpecial: Set<String>) -> [Int] {
        let specials = allowedSpecial.filter { specialIDs[$0] != nil }
        guard !specials.isEmpty else { return encode(text) }
        var output: [Int] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let next = specials.compactMap { special in rest.firstRange(of: special).map { (special, $0) } }
                .min { $0.1.lowerBound < $1.1.lowerBound }
            guard let (special, range) = next else {
                output += encode(String(rest))
                break
            }
            output += encode(String(rest[..<range.lowerBound]))
            output.append(specialIDs[special] ?? 0)
            rest = rest[range.upperBound...]
        }
        return output
    }

    /// The bytes of `ids` joined; special ids become their text.
    package func decode(_ ids: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        let specials = Dictionary(uniqueKeysWithValues: specialIDs.map { ($1, $0) })
        for id in ids {
            if let token = vocabulary.token(id) {
                bytes += token
            } else if let special = specials[id] {
                bytes += Array(special.utf8)
            }
        }
        return bytes
    }

    /// The tokens of one segment, counted: whole-piece hits are only counted, merges go through `scratch`.
    func countSegment(_ utf8: UnsafeBufferPointer<UInt8>, scratch: inout [Int]) -> Int {
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return 0 }
        let scalars = ScalarText(utf8)
        let vocabulary = self.vocabulary
        var total = 0
        scalars.offsets.withUnsafeBufferPointer { offsets in
            splitter.split(scalars) { range in
                let start = offsets[range.lowerBound]
                let length = offsets[range.upperBound] - start
                if vocabulary.rank(base + start, length) >= 0 {
                    total += 1
                } else {
                    scratch.removeAll(keepingCapacity: true)
                    BytePairMerge.encode(base + start, length, vocabulary, into: &scratch)
                    total += scratch.count
                }
            }
        }
        return total
    }

    private func encodeOrdinary(_ utf8: UnsafeBufferPointer<UInt8>, into output: inout [Int]) {
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return }
        let scalars = ScalarText(utf8)
        let vocabulary = self.vocabulary
        scalars.offsets.withUnsafeBufferPointer { offsets in
            splitter.split(scalars) { range in
                let start = offsets[range.lowerBound]
                let length = offsets[range.upperBound] - start
                let whole = vocabulary.rank(base + start, length)
                if whole >= 0 {
                    output.append(Int(whole))
                } else {
                    BytePairMerge.encode(base + start, length, vocabulary, into: &output)
                }
            }
        }
    }
}
