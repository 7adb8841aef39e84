#!/usr/bin/env python3
"""Validate the pinned OpenAI request body against OpenAI's CreateChatCompletionRequest schema.

The Swift test `requestBodyMatchesTheGoldenFile` pins what the client sends to
Tests/ProbotServicesTests/Fixtures/openai-request.json; this checks that file against the contract in
../shared/contracts (an extract of openai/openai-openapi), so the body we send is one OpenAI accepts.

A copy of the contract is kept in .ci/contracts so a clone on its own can run CI; when ../shared is beside the
clone, the two must be identical (a stale copy fails here, with how to refresh it).
"""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
shared_path = root.parent / "shared" / "contracts" / "openai-chat-completions.schema.json"
contract_path = root / ".ci" / "contracts" / "openai-chat-completions.schema.json"
body_path = root / "Tests" / "ProbotServicesTests" / "Fixtures" / "openai-request.json"

if shared_path.exists() and shared_path.read_bytes() != contract_path.read_bytes():
    print(f"{contract_path} differs from {shared_path}; refresh it: cp {shared_path} {contract_path}", file=sys.stderr)
    sys.exit(1)
contract = json.loads(contract_path.read_text())
body = json.loads(body_path.read_text())
schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$ref": "#/components/schemas/CreateChatCompletionRequest",
    "components": contract["components"],
}
validator = jsonschema.Draft202012Validator(schema)
errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
for error in errors:
    print(f"{'/'.join(map(str, error.path)) or '(root)'}: {error.message}", file=sys.stderr)
if errors:
    sys.exit(1)

# A body missing a required field must fail, or the check proves nothing.
broken = dict(body)
broken.pop("messages")
if validator.is_valid(broken):
    print("the contract accepted a body without messages: the check is not working", file=sys.stderr)
    sys.exit(1)
print(f"OpenAI request body valid against CreateChatCompletionRequest ({contract_path.name})")
