import Foundation

/// Why an Actions file command could not be written.
package enum ActionsFileError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)

    package var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

enum FileAppender {
    static func append(_ text: String, to path: String) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard manager.createFile(atPath: path, contents: nil) else {
                throw ActionsFileError.cannotOpen(path: path, reason: "cannot create the file")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ActionsFileError.cannotOpen(path: path, reason: "cannot open for writing")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw ActionsFileError.cannotOpen(path: path, reason: error.localizedDescription)
        }
    }
}
