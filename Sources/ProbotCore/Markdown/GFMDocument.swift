internal import CCmarkGFM
import Foundation

/// A Markdown document parsed by cmark-gfm, GitHub's own parser, with GitHub's extensions (tables, autolinks,
/// strikethrough, task lists).
///
/// The tree is owned by this value and freed with it; it never leaves the function that made it.
///
/// cmark-gfm keeps process-wide state while it parses and renders (the table of characters its extensions treat
/// as special is shared by every parser), so parsing, rendering and freeing are serialised by one lock; walking
/// and editing a tree touch only that tree.
final class GFMDocument {
    private static let lock = NSLock()

    /// The root node; reach it through ``withRoot(_:)``, which keeps the tree alive while it is used.
    private let root: GFMNode
    private let extensions: UnsafeMutablePointer<cmark_llist>?
    private let parser: OpaquePointer

    /// The names of the extensions GitHub enables on comments.
    static let extensionNames = ["table", "autolink", "strikethrough", "tasklist"]

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `text` as GitHub would.
    init(_ text: String) {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        _ = Self.registered
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)!
        for name in Self.extensionNames {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        root = GFMNode(pointer: cmark_parser_finish(parser))
        extensions = cmark_parser_get_syntax_extensions(parser)
        self.parser = parser
    }

    /// Runs `body` on the root node while the tree is certain to exist.
    func withRoot<T>(_ body: (GFMNode) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) { try body(root) }
    }

    deinit {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        cmark_node_free(root.pointer)
        cmark_parser_free(parser)
    }

    /// The tree as CommonMark, with text escaped by cmark's own renderer; no line wrapping.
    func commonMark() -> String {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        return Self.take(cmark_render_commonmark(root.pointer, CMARK_OPT_DEFAULT, 0))
    }

    /// The tree as GitHub would render it to HTML with raw HTML allowed through (what a reader's browser gets
    /// before GitHub's own filter).
    func html() -> String {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        return Self.take(cmark_render_html(root.pointer, CMARK_OPT_UNSAFE, extensions))
    }

    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// One node of a ``GFMDocument``'s tree; valid while its document lives.
struct GFMNode {
    let pointer: OpaquePointer

    /// The node's kind.
    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        /// An extension's node: `table`, `table_row`, `table_cell`, `strikethrough`, …
        case `extension`(String)
        case other
    }

    var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default:
            if let name = cmark_node_get_type_string(pointer).map({ String(cString: $0) }),
                ["table", "table_header", "table_row", "table_cell", "strikethrough", "tasklist"].contains(name)
            {
                .extension(name)
            } else {
                .other
            }
        }
    }

    /// Whether the node is inline (text, code, links, …) rather than a block.
    var isInline: Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .link, .image: true
        case .extension(let name): name == "strikethrough"
        default: false
        }
    }

    var children: [GFMNode] {
        var result: [GFMNode] = []
        var child = cmark_node_first_child(pointer)
        while let node = child {
            result.append(GFMNode(pointer: node))
            child = cmark_node_next(node)
        }
        return result
    }

    var literal: String {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    /// The 1-based line the node starts on in the parsed text.
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }

    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }

    var fenceInfo: String {
        get { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_fence_info(pointer, newValue) }
    }

    func clearTitle() { cmark_node_set_title(pointer, "") }

    /// A new text node holding `text` (escaped when rendered).
    static func text(_ text: String) -> GFMNode {
        let node = GFMNode(pointer: cmark_node_new(CMARK_NODE_TEXT))
        node.literal = text
        return node
    }

    /// A new inline code node holding `text`.
    static func code(_ text: String) -> GFMNode {
        let node = GFMNode(pointer: cmark_node_new(CMARK_NODE_CODE))
        node.literal = text
        return node
    }

    /// A new inline HTML node holding `literal`, written out as it is.
    static func html(_ literal: String) -> GFMNode {
        let node = GFMNode(pointer: cmark_node_new(CMARK_NODE_HTML_INLINE))
        node.literal = literal
        return node
    }

    /// A new paragraph holding `children`.
    static func paragraph(_ children: [GFMNode]) -> GFMNode {
        let node = GFMNode(pointer: cmark_node_new(CMARK_NODE_PARAGRAPH))
        for child in children { cmark_node_append_child(node.pointer, child.pointer) }
        return node
    }

    /// Puts `nodes` where this node is and frees this node and what it still holds.
    func replace(with nodes: [GFMNode]) {
        for node in nodes {
            cmark_node_unlink(node.pointer)
            cmark_node_insert_before(pointer, node.pointer)
        }
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}
