import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

struct WorkspaceReaderTests {
    @Test func withoutGitTheTreeIsWalkedSkippingDotGitBinariesAndLargeFiles() throws {
        let directory = try TemporaryDirectory()
        let root = directory.url
        for (path, text) in [
            ("a.swift", "let a = 1\n"), ("nested/deep/b.py", "x = 2\n"),
            ("big.txt", String(repeating: "y", count: 5_000)),
        ] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x02]).write(to: root.appendingPathComponent("tool"))
        let reader = WorkspaceReader(root: root, maxBytes: 1_000)
        #expect(Set(try reader.listFiles()) == ["a.swift", "nested/deep/b.py", "big.txt", "tool"])
        #expect(try reader.read("a.swift").get() == AuditFile(path: "a.swift", text: "let a = 1\n"))
        #expect(throws: SkippedFile(path: "tool", reason: .binary)) { try reader.read("tool").get() }
        #expect(throws: SkippedFile(path: "big.txt", reason: .tooLarge(bytes: 5_000, limit: 1_000))) {
            try reader.read("big.txt").get()
        }
        #expect(throws: SkippedFile.self) { try reader.read("missing.swift").get() }
    }

    @Test func aMissingOrEmptyWorkspaceAsksForCheckout() throws {
        let empty = try TemporaryDirectory()
        #expect(throws: WorkspaceReader.ReadError.empty(empty.url.path)) {
            try WorkspaceReader(root: empty.url, maxBytes: 10).listFiles()
        }
        let missing = URL(fileURLWithPath: "/nonexistent-workspace")
        do {
            _ = try WorkspaceReader(root: missing, maxBytes: 10).listFiles()
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error).contains("actions/checkout"))
        }
    }
}
