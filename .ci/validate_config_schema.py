"""The published configuration schema accepts exactly the `valid-*` fixtures, as the parser does."""
import json
import pathlib
import sys

import jsonschema
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "schemas/chatgpt-probot.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = []
fixtures = sorted((root / "Tests/ProbotServicesTests/Fixtures/config").glob("*.yml"))
# The shipped example must be valid too (it counts as a `valid-` file).
example = root / "examples/chatgpt-probot.yml"
for path in fixtures + [example]:
    try:
        document = yaml.safe_load(path.read_text())
        errors = list(validator.iter_errors(document))
    except yaml.YAMLError as error:
        errors = [error]
    valid = not errors
    if valid != (path.name.startswith("valid-") or path == example):
        failures.append(f"{path.name}: schema says {'valid' if valid else 'invalid'}: {errors[:1]}")
for line in failures:
    print(line)
print(f"schema: {len(fixtures) + 1 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures or len(fixtures) < 9 else 0)
