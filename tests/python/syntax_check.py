"""Parses a source file with its tree-sitter grammar and lists every ERROR or MISSING node.

usage: python syntax_check.py dart|swift FILE
Exits 1 when the file does not parse cleanly.
"""
import sys

import tree_sitter_dart
import tree_sitter_swift
from tree_sitter import Language, Node, Parser

GRAMMARS = {"dart": tree_sitter_dart.language, "swift": tree_sitter_swift.language}


def problems(node: Node) -> list[str]:
    found = []
    if node.is_error or node.is_missing:
        kind = "MISSING" if node.is_missing else "ERROR"
        found.append(f"{kind} at line {node.start_point[0] + 1}, column {node.start_point[1] + 1}: {node.text[:60]!r}")
    for child in node.children:
        found.extend(problems(child))
    return found


def main() -> int:
    language, path = sys.argv[1], sys.argv[2]
    parser = Parser(Language(GRAMMARS[language]()))
    with open(path, "rb") as f:
        tree = parser.parse(f.read())
    found = problems(tree.root_node)
    for problem in found:
        print(problem)
    print(f"{len(found)} problems, {tree.root_node.child_count} top-level nodes")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
