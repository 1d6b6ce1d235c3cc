"""Validates documents with python-jsonschema (Draft 2020-12, format checks on) against one schema.

usage: python validate.py SCHEMA.json DOCUMENTS.json
DOCUMENTS.json is [{"name": ..., "document": ...}]; prints "name<TAB>valid|invalid" per document.
"""
import json
import sys

from jsonschema import Draft202012Validator, FormatChecker


def main() -> None:
    schema_file, documents_file = sys.argv[1:3]
    with open(schema_file, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    with open(documents_file, encoding="utf-8") as f:
        documents = json.load(f)
    for item in documents:
        verdict = "valid" if validator.is_valid(item["document"]) else "invalid"
        print(f"{item['name']}\t{verdict}")


if __name__ == "__main__":
    main()
