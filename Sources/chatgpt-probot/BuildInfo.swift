/// The version and git revision this binary was built from; the Dockerfile and the release workflow overwrite
/// this file before building (`dev` for local builds).
enum BuildInfo {
    static let version = "dev"
    static let revision = "dev"
}
