#!/usr/bin/env python3
"""Validate the GraphQL documents the action sends against GitHub's published schema.

Usage: validate_graphql.py DIR, where DIR holds what the Swift test `writesTheCatalogForCI` writes when
PROBOT_GRAPHQL_OUT=DIR: each catalog document (Sources/ProbotTestSupport/GraphQLDocuments+Catalog.swift) as
<name>.graphql and the request body it is sent with as <name>.json. Each document must parse and validate against
the schema (fields, arguments and their types, fragments on the right types, variables declared and used), and
its variables must coerce to the declared types (a whole number where an Int is declared, no undeclared names).

The schema is ../shared/contracts/github-schema.graphql (octokit/graphql-schema, MIT; its LICENSE is beside it).
A copy is kept in .ci/contracts so a clone on its own can run CI; when ../shared is beside the clone, the copy
must be identical (a stale copy fails here, with how to refresh it).
"""
import json
import pathlib
import re
import sys

from graphql import (
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    OperationDefinitionNode,
    build_ast_schema,
    parse,
    validate,
)
from graphql.error import GraphQLError
from graphql.execution.values import get_variable_values
from graphql.utilities import type_from_ast
from graphql.validation.validate import validate_sdl

root = pathlib.Path(__file__).resolve().parent.parent
contracts = root / ".ci" / "contracts"
shared = root.parent / "shared" / "contracts"
FILES = ["github-schema.graphql", "github-schema.LICENSE.md"]

# GitHub's published SDL defines two fields of EnterpriseOwnerInfo twice; GitHub serves it as is, so the later
# definition wins, as it does on build_ast_schema(assume_valid_sdl=True). Any other SDL error fails.
TOLERATED_SDL = re.compile(r"^Field 'EnterpriseOwnerInfo\.\w+' can only be defined once\.$")


def load_schema() -> GraphQLSchema:
    for name in FILES:
        copy, original = contracts / name, shared / name
        if original.exists() and original.read_bytes() != copy.read_bytes():
            sys.exit(f"{copy} differs from {original}; refresh it: cp {original} {copy}")
    ast = parse((contracts / FILES[0]).read_text(), no_location=True)
    problems = [error.message for error in validate_sdl(ast) if not TOLERATED_SDL.match(error.message)]
    if problems:
        sys.exit("the GraphQL schema is not valid SDL:\n" + "\n".join(problems))
    return build_ast_schema(ast, assume_valid_sdl=True)


def strict_numbers(type_, value, path: str) -> list[str]:
    """graphql-core coerces 42.0 to Int 42; GitHub's server may not, so an Int must be a JSON integer."""
    if value is None:
        return []
    if isinstance(type_, GraphQLNonNull):
        return strict_numbers(type_.of_type, value, path)
    if isinstance(type_, GraphQLList):
        items = value if isinstance(value, list) else [value]
        return [p for i, item in enumerate(items) for p in strict_numbers(type_.of_type, item, f"{path}[{i}]")]
    if getattr(type_, "name", None) == "Int" and (isinstance(value, bool) or not isinstance(value, int)):
        return [f"Variable '{path}' is declared Int but sent as {json.dumps(value)}"]
    return []


def check(schema: GraphQLSchema, text: str, body: dict | None) -> list[str]:
    try:
        document = parse(text)
    except GraphQLError as error:
        return [f"syntax: {error.message}"]
    errors = [error.message for error in validate(schema, document)]
    if errors or body is None:
        return errors
    if body.get("query") != text:
        return ["the request body's query is not the document"]
    variables = body.get("variables")
    if not isinstance(variables, dict):
        return ["the request body has no variables object"]
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1:
        return [f"expected one operation, found {len(operations)}"]
    definitions = operations[0].variable_definitions
    declared = {d.variable.name.value for d in definitions}
    errors += [f"Variable '${name}' is sent but not declared" for name in sorted(set(variables) - declared)]
    coerced = get_variable_values(schema, definitions, variables)
    if isinstance(coerced, list):
        return errors + [error.message for error in coerced]
    for definition in definitions:
        name = definition.variable.name.value
        errors += strict_numbers(type_from_ast(schema, definition.type), variables.get(name), f"${name}")
    return errors


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} DIR (written by PROBOT_GRAPHQL_OUT=DIR swift test --filter GraphQLDocuments)")
    folder = pathlib.Path(sys.argv[1])
    documents = sorted(folder.glob("*.graphql"))
    if not documents:
        sys.exit(f"no .graphql documents in {folder}: did the Swift test write the catalog?")
    schema = load_schema()

    # A document asking for a field GitHub does not have, and variables of the wrong type, must fail, or the check
    # proves nothing.
    probe = "query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { nameWithOwnr } }"
    if not check(schema, probe, None):
        sys.exit("the schema accepted a misspelled field: the check is not working")
    valid = probe.replace("nameWithOwnr", "id")
    if not check(schema, valid, {"query": valid, "variables": {"owner": 1.5, "name": None}}):
        sys.exit("the schema accepted variables of the wrong type: the check is not working")
    numbered = valid.replace(") {", ", $number: Int!) {", 1).replace("{ id }", "{ pullRequest(number: $number) { id } }")
    if not check(schema, numbered, {"query": numbered, "variables": {"owner": "o", "name": "r", "number": 42.0}}):
        sys.exit("an Int sent as 42.0 was accepted: the check is not working")
    if check(schema, numbered, {"query": numbered, "variables": {"owner": "o", "name": "r", "number": 42}}):
        sys.exit("a valid document with valid variables was rejected: the check is not working")

    failed = 0
    for path in documents:
        body_path = path.with_suffix(".json")
        body = json.loads(body_path.read_text()) if body_path.exists() else None
        errors = check(schema, path.read_text(), body)
        what = "document and variables" if body is not None else "document"
        if errors:
            failed += 1
            print(f"{path.stem}: FAILED ({what})", file=sys.stderr)
            for message in dict.fromkeys(errors):
                count = errors.count(message)
                print(f"  {message}" + (f" (x{count})" if count > 1 else ""), file=sys.stderr)
        else:
            print(f"{path.stem}: OK ({what})")
    if failed:
        sys.exit(f"{failed} of {len(documents)} GraphQL document(s) do not match GitHub's schema ({FILES[0]})")
    print(f"{len(documents)} GraphQL document(s) valid against GitHub's schema ({FILES[0]})")


main()
