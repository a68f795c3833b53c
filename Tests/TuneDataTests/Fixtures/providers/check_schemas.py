#!/usr/bin/env python3
"""Validates JSON instances against named schemas of OpenAI's OpenAPI description.

Usage: check_schemas.py OPENAPI.json < [{"schema": "CreateFineTuningJobRequest", "instance": {...}}, ...]
Prints a JSON list with one entry per instance: [] when valid, else the error messages.

The description says OpenAPI 3.1 but keeps 3.0 habits, which are rewritten to JSON Schema 2020-12
before validating: `nullable: true` admits null, and boolean `exclusiveMinimum`/`exclusiveMaximum`
turn the neighbouring `minimum`/`maximum` exclusive.
"""
import json
import sys

import jsonschema


def modernise(node):
    if isinstance(node, list):
        return [modernise(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: modernise(value) for key, value in node.items()}
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if isinstance(node.get(exclusive), bool):
            if node.pop(exclusive) and bound in node:
                node[exclusive] = node.pop(bound)
    if node.pop("nullable", False):
        node = {"anyOf": [node, {"type": "null"}]}
    return node


def main():
    with open(sys.argv[1]) as handle:
        components = modernise(json.load(handle)["components"])
    results = []
    for item in json.load(sys.stdin):
        schema = {"$ref": f"#/components/schemas/{item['schema']}", "components": components}
        validator = jsonschema.Draft202012Validator(schema)
        results.append([f"{'/'.join(map(str, e.absolute_path))}: {e.message}"[:300]
                        for e in validator.iter_errors(item["instance"])])
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
