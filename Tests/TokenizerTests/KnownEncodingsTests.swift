import Foundation
import Testing
import Tokenizer

/// Small cases with ids from the reference tiktoken (`encode_ordinary`), readable at a glance.
struct KnownEncodingsTests {
    static let cases = [
        "hello world", "I'm don't WE'LL you're", "  leading\n\n\ttabs  \r\n", "naïve café — 東京タワー 🚀👨‍👩‍👧",
        "x = 12345678; /* c */ // path/to/file\n", "ǅungla Ǆ ſ 'ſ HELLOworld", "",
        "'ſx", "word'ſtop", "'ſſ", "Dog'ſ",
    ]

    static let o200k: [[Int]] = [
        [24912, 2375], [15390, 4128, 26919, 6, 7454, 7163], [220, 8117, 279, 6264, 6071, 18668],
        [
            1503, 9954, 737, 30469, 2733, 185244, 12288, 34022, 3022, 169883, 222, 28823, 101, 2524, 28823, 102, 2524,
            28823, 100,
        ],
        [87, 314, 220, 7633, 19354, 4388, 26, 2785, 274, 932, 602, 3104, 72231, 51766, 198],
        [131, 227, 988, 1675, 220, 131, 226, 20757, 123, 461, 70067, 58527, 2699, 24169], [],
        [6, 70067, 87], [1801, 6, 70067, 8169], [6, 70067, 70067], [49080, 6, 70067],
    ]

    static let cl100k: [[Int]] = [
        [15339, 1917], [40, 2846, 1541, 956, 20255, 6, 4178, 499, 2351], [220, 6522, 271, 3324, 3518, 10636],
        [
            3458, 38672, 588, 53050, 2001, 61696, 109, 47653, 47307, 2845, 107, 11972, 11410, 248, 222, 9468, 239, 101,
            378, 235, 9468, 239, 102, 378, 235, 9468, 239, 100,
        ],
        [87, 284, 220, 4513, 10961, 2495, 26, 1416, 272, 642, 443, 1853, 33529, 24849, 198],
        [131, 227, 2234, 4355, 220, 131, 226, 27006, 123, 364, 129, 123, 38757, 1623, 14957], [],
        [6, 129, 123, 87], [1178, 6, 129, 123, 3565], [6, 129, 123, 129, 123], [50040, 6, 129, 123],
    ]

    @Test(arguments: zip(cases, o200k)) func o200kMatchesTiktoken(_ text: String, _ ids: [Int]) throws {
        let encoding = try EncodingLoader.load(.o200kBase)
        #expect(encoding.encode(text) == ids)
        #expect(encoding.decode(ids) == Array(text.utf8))
    }

    @Test(arguments: zip(cases, cl100k)) func cl100kMatchesTiktoken(_ text: String, _ ids: [Int]) throws {
        let encoding = try EncodingLoader.load(.cl100kBase)
        #expect(encoding.encode(text) == ids)
        #expect(encoding.decode(ids) == Array(text.utf8))
    }
}
