package import Foundation

/// Finds fixture files copied into a test bundle.
package enum Fixture {
    /// Errors locating a fixture.
    package struct Missing: Error, CustomStringConvertible {
        package var name: String
        package var description: String { "fixture \(name) not found in the test bundle" }
    }

    /// The data of `Fixtures/<name>` in `bundle`.
    package static func data(_ name: String, in bundle: Bundle) throws -> Data {
        guard let url = bundle.url(forResource: "Fixtures/" + name, withExtension: nil) else {
            throw Missing(name: name)
        }
        return try Data(contentsOf: url)
    }

    /// The text of `Fixtures/<name>` in `bundle`.
    package static func text(_ name: String, in bundle: Bundle) throws -> String {
        String(decoding: try data(name, in: bundle), as: UTF8.self)
    }

    /// Names of the files in `Fixtures/<folder>` ending in `suffix`, sorted.
    package static func names(in folder: String, suffix: String, bundle: Bundle) throws -> [String] {
        guard let url = bundle.url(forResource: "Fixtures/" + folder, withExtension: nil) else {
            throw Missing(name: folder)
        }
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(suffix) }.sorted()
    }
}

/// A temporary directory removed when the value is released.
package final class TemporaryDirectory: Sendable {
    /// The directory.
    package let url: URL

    /// Creates a fresh directory under the system temporary folder.
    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("probot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    package func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
