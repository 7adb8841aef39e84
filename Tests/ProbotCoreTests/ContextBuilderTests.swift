import ProbotCore
import Testing

/// The scope rule on real-shaped snippets: each case is a file, the line numbers a hunk changes, and the line the
/// window must start at (the enclosing scope's opening line), or `nil` when nothing above is shown.
struct ContextBuilderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var source: String
        /// Lines (1-based) the hunk adds; the hunk's context is the lines around them as GitHub sends three.
        var changed: [Int]
        var expectedStart: Int?

        var testDescription: String { name }
    }

    /// A hunk over `source` that adds `changed` lines, with up to three context lines each side.
    static func hunk(_ lines: [String], changed: [Int]) -> Hunk {
        let first = max(1, (changed.min() ?? 1) - 3)
        let last = min(lines.count, (changed.max() ?? 1) + 3)
        var diff: [DiffLine] = []
        var old = first
        for number in first...last {
            if changed.contains(number) {
                diff.append(DiffLine(kind: .added, content: lines[number - 1], oldLine: nil, newLine: number))
            } else {
                diff.append(DiffLine(kind: .context, content: lines[number - 1], oldLine: old, newLine: number))
                old += 1
            }
        }
        return Hunk(
            oldStart: first, oldCount: old - first, newStart: first, newCount: last - first + 1, section: "",
            lines: diff)
    }

    static let cases: [Case] = [
        Case(
            name: "Swift method in a type",
            source: """
                import Foundation

                struct Cart {
                    var items: [Item] = []

                    /// The total.
                    func total(discount: Double) -> Double {
                        let base = items.reduce(0) { $0 + $1.price }
                        let rate = discount / 100
                        let value = base * (1 - rate)
                        guard value > 0 else { return 0 }
                        // Rounded to cents.
                        return (value * 100).rounded() / 100
                    }
                }
                """, changed: [12, 13], expectedStart: 7),
        Case(
            name: "Swift nested closure prefers the function",
            source: """
                final class Loader {
                    func load(_ urls: [URL]) async throws -> [Data] {
                        try await withThrowingTaskGroup(of: Data.self) { group in
                            for url in urls {
                                group.addTask {
                                    try Data(contentsOf: url)
                                }
                            }
                            var result: [Data] = []
                            for try await data in group { result.append(data) }
                            return result
                        }
                    }
                }
                """, changed: [6], expectedStart: 2),
        Case(
            name: "Python method",
            source: """
                import os


                class Store:
                    def __init__(self, root):
                        self.root = root

                    def read(self, name):
                        path = os.path.join(self.root, name)
                        if not os.path.exists(path):
                            return None
                        with open(path) as handle:
                            return handle.read()
                """, changed: [12, 13], expectedStart: 8),
        Case(
            name: "C function with the brace on its own line",
            source: """
                #include <stdio.h>

                static int checksum(const char *s, size_t n)
                {
                    int acc = 0;
                    for (size_t i = 0; i < n; ++i) {
                        acc = (acc << 5) ^ s[i];
                    }
                    acc &= 0x7fffffff;
                    return acc;
                }
                """, changed: [9, 10], expectedStart: 3),
        Case(
            name: "Go method",
            source: """
                package store

                import "context"

                type Store struct{ db *DB }

                func (s *Store) Get(ctx context.Context, id int) (Item, error) {
                    if id <= 0 {
                        return Item{}, ErrBadID
                    }
                    row := s.db.QueryRow(ctx, "SELECT * FROM items WHERE id = $1", id)
                    var item Item
                    err := row.Scan(&item.ID, &item.Name)
                    return item, err
                }
                """, changed: [13, 14], expectedStart: 7),
        Case(
            name: "YAML job steps",
            source: """
                name: CI
                on: [push]
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: swift build
                      - run: swift test
                      - run: swift format lint
                """, changed: [10], expectedStart: 6),
        Case(
            name: "JavaScript handler",
            source: """
                'use strict';
                const db = require('./db');

                export async function handler(req, res) {
                  const { id } = req.params;
                  const item = await db.get(id);
                  if (!item) {
                    return res.status(404).end();
                  }
                  res.json(item);
                }
                """, changed: [10], expectedStart: 4),
        Case(
            name: "tabs for indentation",
            source:
                "package main\n\nfunc main() {\n\tvalues := load()\n\tfor _, v := range values {\n\t\tprint(v)\n\t}\n\tfmt.Println(\"done\")\n\tos.Exit(0)\n}",
            changed: [8, 9], expectedStart: 3),
        Case(
            name: "a hunk at the top of the file",
            source: """
                import Foundation
                import Logging

                struct A {}
                """, changed: [2], expectedStart: nil),
        Case(
            name: "a closing brace above the hunk is not a scope",
            source: """
                func first() {
                    work()
                }

                let global = 1
                let other = 2
                """, changed: [6], expectedStart: nil),
    ]

    @Test(arguments: cases) func theWindowStartsAtTheEnclosingScope(_ test: Case) {
        let lines = test.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let hunk = Self.hunk(lines, changed: test.changed)
        let windows = ContextBuilder(maxAbove: 60).windows(for: [hunk], source: lines)
        let start = windows[hunk.newStart]?.above.first?.number
        if let expected = test.expectedStart, expected >= hunk.newStart {
            // The opener is inside the hunk's own context lines: nothing needs adding above.
            #expect(start == nil)
        } else {
            #expect(start == test.expectedStart, "first shown line")
        }
        // The window reaches the hunk without a gap, and never repeats a hunk line.
        if let above = windows[hunk.newStart]?.above, let last = above.last {
            #expect(last.number == hunk.newStart - 1)
        }
    }

    @Test func theLimitBoundsHowFarUpTheWindowReaches() {
        let lines = ["func long() {"] + (1...80).map { "    step(\($0))" } + ["}"]
        let hunk = Self.hunk(lines, changed: [75])
        // Beyond the limit only the scope's opening line is shown; within it, every line down to the hunk.
        let far = ContextBuilder(maxAbove: 60).windows(for: [hunk], source: lines)[hunk.newStart]?.above
        #expect(far?.map(\.number) == [1])
        let near = ContextBuilder(maxAbove: 80).windows(for: [hunk], source: lines)[hunk.newStart]?.above
        #expect(near?.map(\.number) == Array(1..<hunk.newStart))
        var file = FileDiff(path: "long.swift", hunks: [hunk])
        file.context = ContextBuilder(maxAbove: 60).windows(for: [hunk], source: lines)
        #expect(DiffRenderer.render(file: file, hunks: [hunk]).contains("~1: func long() {\n~ …\n"))
        #expect(ContextBuilder(maxAbove: 0).windows(for: [hunk], source: lines).isEmpty)
    }

    @Test func overlappingWindowsNeverShowALineTwice() {
        let lines = ["struct S {", "    func a() {"] + (1...24).map { "        a\($0)()" } + ["    }", "}"]
        let first = Self.hunk(lines, changed: [5])
        let second = Self.hunk(lines, changed: [20])
        let windows = ContextBuilder(maxAbove: 60).windows(for: [first, second], source: lines)
        let firstLines = (windows[first.newStart]?.above ?? []) + (windows[first.newStart]?.below ?? [])
        let secondLines = (windows[second.newStart]?.above ?? []) + (windows[second.newStart]?.below ?? [])
        let hunkLines = (first.lines + second.lines).compactMap(\.newLine)
        let shown = firstLines.map(\.number) + secondLines.map(\.number) + hunkLines
        #expect(Set(shown).count == shown.count, "\(shown.sorted())")
        // The first hunk holds its opener already; the second is widened up to where the first's window ended.
        #expect(windows[first.newStart]?.above.isEmpty != false)
        #expect(windows[first.newStart]?.below.map(\.number) == [9, 10, 11])
        #expect(windows[second.newStart]?.above.map(\.number) == Array(12...16))
    }

    @Test func contextLinesRenderMarkedAndNumbered() {
        let lines = [
            "func f() {", "    let a = 1", "    let b = 2", "    let c = 3", "    let d = 4", "    return a", "}",
        ]
        var file = FileDiff(path: "f.swift", hunks: [Self.hunk(lines, changed: [6])])
        file.context = ContextBuilder(maxAbove: 60).windows(for: file.hunks, source: lines)
        let text = DiffRenderer.render(file: file, hunks: file.hunks)
        #expect(text.contains("~1: func f() {\n"))
        #expect(text.contains("+6:     return a\n"))
        #expect(!DiffRenderer.render(file: file, hunks: file.hunks, withContext: false).contains("~1:"))
    }

    @Test func fileTextSplitsIntoTheLinesTheDiffNumbers() {
        // CRLF and LF files give the same lines; a blank line and the final newline keep their places.
        #expect(FileText.lines(of: "a\r\n\r\nb\r\n") == ["a", "", "b", ""])
        #expect(FileText.lines(of: "a\n\nb\n") == ["a", "", "b", ""])
        // A lone CR is not a line break.
        #expect(FileText.lines(of: "x\ry\nz") == ["x\ry", "z"])
    }
}
