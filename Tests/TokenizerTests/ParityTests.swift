import Foundation
import Testing
import Tokenizer

/// Exact id equality with the reference tiktoken over a 1.7 MB corpus (scripts/tokenizer-parity makes it).
struct ParityTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/parity/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    /// Documents of the corpus.
    static func corpus() throws -> [String] {
        try JSONDecoder().decode([String].self, from: fixture("corpus.json"))
    }

    /// The expected ids: per document, a LEB128 count then that many LEB128 ids.
    static func expected(_ encoding: EncodingName) throws -> [[Int]] {
        let data = [UInt8](try fixture("expected-\(encoding.rawValue).bin"))
        var index = 0
        func varint() -> Int {
            var value = 0
            var shift = 0
            while true {
                let byte = data[index]
                index += 1
                value |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
        }
        var documents: [[Int]] = []
        while index < data.count {
            let count = varint()
            documents.append((0..<count).map { _ in varint() })
        }
        return documents
    }

    @Test(arguments: EncodingName.allCases) func idsEqualTiktokenOnTheWholeCorpus(_ name: EncodingName) throws {
        let corpus = try Self.corpus()
        let expected = try Self.expected(name)
        #expect(corpus.count == expected.count)
        #expect(corpus.reduce(0) { $0 + $1.utf8.count } >= 1_000_000)
        let encoding = try EncodingLoader.load(name)
        var mismatches = 0
        var tokens = 0
        for (index, (document, ids)) in zip(corpus, expected).enumerated() {
            let actual = encoding.encode(document)
            tokens += actual.count
            guard actual != ids else { continue }
            mismatches += 1
            if mismatches <= 5 {
                let first =
                    (0..<min(actual.count, ids.count)).first { actual[$0] != ids[$0] } ?? min(actual.count, ids.count)
                let context = String(
                    decoding: encoding.decode(Array(ids[max(0, first - 3)..<min(ids.count, first + 4)])), as: UTF8.self)
                Issue.record(
                    "\(name.rawValue) document \(index): first difference at token \(first): ours \(Array(actual[first..<min(actual.count, first + 4)])), tiktoken \(Array(ids[first..<min(ids.count, first + 4)])) around \(context.debugDescription)"
                )
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(corpus.count) documents differ")
        #expect(tokens == expected.reduce(0) { $0 + $1.count })
    }

    /// Cutting the text at every safe point (as long inputs are, every 64 KB) changes nothing: the same ids, and the
    /// count-only path counts them exactly.
    @Test(arguments: EncodingName.allCases) func segmentsTokenizeAsTheWholeText(_ name: EncodingName) throws {
        let corpus = try Self.corpus()
        let expected = try Self.expected(name)
        let encoding = try EncodingLoader.load(name)
        var cuts = 0
        var mismatches = 0
        for (document, ids) in zip(corpus, expected) {
            var text = document
            cuts += text.withUTF8 { utf8 in
                var count = 0
                var start = 0
                while let cut = BPEEncoding.safeCut(utf8, after: start + 1) {
                    count += 1
                    start = cut
                }
                return count
            }
            let counted = text.withUTF8 { encoding.countTokens(in: $0, segmentBytes: 1) }
            if counted != ids.count || encoding.encode(document, segmentBytes: 1) != ids { mismatches += 1 }
        }
        #expect(cuts > 10_000, "the corpus must exercise many cuts")
        #expect(mismatches == 0)
        #expect(encoding.count(corpus.joined(separator: "\n")) == encoding.encode(corpus.joined(separator: "\n")).count)
    }

    @Test(arguments: EncodingName.allCases) func decodingRoundTripsTheCorpus(_ name: EncodingName) throws {
        let encoding = try EncodingLoader.load(name)
        for document in try Self.corpus().prefix(800) {
            #expect(encoding.decode(encoding.encode(document)) == Array(document.utf8))
        }
    }
}
