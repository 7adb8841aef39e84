import ArgumentParser
import ProbotCore

/// `--provider`: parsed by the argument parser, which lists the choices in `--help` and in its error.
extension Provider: ExpressibleByArgument {}

/// `--min-severity`, case-insensitive: parsed by the argument parser, which lists the choices.
extension Severity: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
