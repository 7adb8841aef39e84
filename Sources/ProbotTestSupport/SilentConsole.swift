import ProbotCore

/// A console that discards everything, for tests that do not read the log.
package struct SilentConsole: RunConsole {
    /// Creates the console.
    package init() {}
    package func beginGroup(_ title: String) {}
    package func endGroup() {}
    package func info(_ text: String) {}
    package func notice(_ text: String) {}
    package func warning(_ text: String) {}
}
