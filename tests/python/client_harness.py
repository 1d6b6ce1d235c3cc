"""Runs the generated pydantic client on the fixtures: every valid fixture parses and dumps
back unchanged; every structural mutant (but an unknown key) is rejected.

usage: python client_harness.py FIXTURES_DIR   (with the generated module on sys.path)
"""
import json
import pathlib
import sys

from pydantic import ValidationError

from timschema_types import GetConversationResponse


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    failures = 0
    for file in sorted((root / "valid").rglob("*.json")):
        text = file.read_text(encoding="utf-8")
        try:
            model = GetConversationResponse.model_validate_json(text, strict=True)
        except ValidationError as error:
            failures += 1
            print(f"FAIL {file}: {error}")
            continue
        if model.model_dump(mode="json", exclude_unset=True) != json.loads(text):
            failures += 1
            print(f"FAIL {file}: changed on the way back")
    for file in sorted((root / "invalid" / "schema").rglob("*.json")):
        if "unknown-field" in str(file):
            continue
        try:
            GetConversationResponse.model_validate_json(file.read_text(encoding="utf-8"), strict=True)
        except ValidationError as error:
            print(f"rejected {file.name}: {error.errors()[0]['loc']}")
        else:
            failures += 1
            print(f"FAIL {file}: accepted")
    print("ok" if failures == 0 else f"{failures} failures")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
