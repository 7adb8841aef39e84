import Foundation
import Synchronization

/// Finds, loads once, and shares the encodings' rank files.
///
/// The files ship as the `Tokenizer` target's resources. A release binary finds them in the
/// `chatgpt-probot_Tokenizer.resources` folder next to it (the Docker image copies that folder beside the
/// binary); `CHATGPT_PROBOT_VOCAB_DIR` overrides the location.
package enum EncodingLoader {
    /// Why an encoding could not be loaded.
    package enum LoadError: Error, Equatable, CustomStringConvertible {
        case notFound(file: String, searched: [String])
        case unreadable(path: String, reason: String)
        case malformed(path: String, reason: String)

        package var description: String {
            switch self {
            case .notFound(let file, let searched):
                "cannot find \(file); looked in: \(searched.joined(separator: ", ")). Set CHATGPT_PROBOT_VOCAB_DIR to the folder holding it"
            case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
            case .malformed(let path, let reason): "\(path) is not a tiktoken rank file: \(reason)"
            }
        }
    }

    private static let cache = Mutex<[EncodingName: BPEEncoding]>([:])
    /// Serialises loading, so a background preload and a first use never parse the same file twice.
    private static let loading = Mutex(())

    /// Starts loading `name` on a background thread, so the first count finds it ready.
    package static func preload(_ name: EncodingName, directory: String? = nil) {
        Thread.detachNewThread { _ = try? load(name, directory: directory) }
    }

    /// The encoding, loaded on first use and cached for the process.
    /// - Parameter directory: a folder to search first (e.g. from `CHATGPT_PROBOT_VOCAB_DIR`).
    package static func load(_ name: EncodingName, directory: String? = nil) throws(LoadError) -> BPEEncoding {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let result: Result<BPEEncoding, LoadError> = loading.withLock { _ in
            if let cached = cache.withLock({ $0[name] }) { return .success(cached) }
            do {
                return .success(try loadUncached(name, directory: directory))
            } catch {
                return .failure(error as? LoadError ?? .unreadable(path: name.rawValue, reason: "\(error)"))
            }
        }
        return try result.get()
    }

    /// Whether the rank file of `name` can be found (without reading it).
    package static func isAvailable(_ name: EncodingName, directory: String? = nil) -> Bool {
        (try? locate(name, directory: directory)) != nil
    }

    private static func loadUncached(_ name: EncodingName, directory: String?) throws(LoadError) -> BPEEncoding {
        let path = try locate(name, directory: directory)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let encoding: BPEEncoding
        do {
            encoding = try BPEEncoding(name: name, rankFile: [UInt8](data))
        } catch {
            throw .malformed(path: path, reason: error.description)
        }
        cache.withLock { $0[name] = encoding }
        return encoding
    }

    /// The folders searched for rank files, in order.
    package static func searchPaths(directory: String?) -> [String] {
        var paths: [String] = []
        if let directory { paths.append(directory) }
        let bundleName = "chatgpt-probot_Tokenizer.resources"
        var executableDirectories: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            executableDirectories.append(executable.deletingLastPathComponent())
        }
        executableDirectories.append(Bundle.main.bundleURL)
        for folder in executableDirectories {
            paths.append(folder.appendingPathComponent(bundleName).appendingPathComponent("Resources").path)
            paths.append(folder.appendingPathComponent(bundleName).path)
        }
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    private static func locate(_ name: EncodingName, directory: String?) throws(LoadError) -> String {
        let file = name.rawValue + ".tiktoken"
        let searched = searchPaths(directory: directory)
        for folder in searched {
            let path = (folder as NSString).appendingPathComponent(file)
            if FileManager.default.isReadableFile(atPath: path) { return path }
        }
        throw .notFound(file: file, searched: searched)
    }
}
