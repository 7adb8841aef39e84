/// Paths not worth a model's tokens: lockfiles, minified and generated code, vendored trees, images and binaries.
package enum BuiltInExclusions {
    /// The patterns, documented in the README.
    package static let patterns: [String] = [
        // Lockfiles
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "Package.resolved",
        "Podfile.lock", "Cartfile.resolved", "Gemfile.lock", "Cargo.lock", "go.sum", "composer.lock", "poetry.lock",
        "Pipfile.lock", "uv.lock", "pubspec.lock", "mix.lock", "flake.lock", "gradle.lockfile", "*.lock",
        // Minified, bundled, generated
        "*.min.js", "*.min.css", "*.map", "*.bundle.js", "*.pb.go", "*.pb.swift", "*_pb2.py", "*.generated.*",
        "*.g.dart", "*.designer.cs",
        // Vendored and build output
        "vendor/**", "**/vendor/**", "node_modules/**", "**/node_modules/**", "third_party/**", "**/third_party/**",
        "dist/**", "build/**", ".build/**", "Pods/**", "**/Pods/**",
        // Images, media, fonts, archives, binaries
        "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp", "*.ico", "*.webp", "*.tiff", "*.psd", "*.pdf",
        "*.mp3", "*.mp4", "*.mov", "*.wav", "*.ogg", "*.woff", "*.woff2", "*.ttf", "*.otf", "*.eot",
        "*.zip", "*.tar", "*.gz", "*.tgz", "*.bz2", "*.xz", "*.7z", "*.jar", "*.war", "*.class",
        "*.exe", "*.dll", "*.so", "*.dylib", "*.a", "*.o", "*.bin", "*.wasm", "*.pyc",
        // Snapshots
        "**/__snapshots__/**", "*.snap",
    ]
}
