"""Throughput of the generated Python validator against python-jsonschema on one JSON Lines
corpus (docs/conformance.md reports it). Usage:

    python bench_validator.py SCHEMA CORPUS [ROUNDS]

Both validate every line from its text: the generated validator with `validate(line)`, and
python-jsonschema with `json.loads` and a Draft 2020-12 validator compiled once on the same
committed schema (format checks off, as timschema's own schema layer), collecting every error
with `iter_errors` (a line that is not JSON counts as judged). The best of ROUNDS runs of each is printed, in documents per second.
"""

import json
import sys
import time

import jsonschema

sys.dont_write_bytecode = True

from timschema_validate import validate  # noqa: E402


def best(rounds: int, run) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    schema_file, corpus_file = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with open(schema_file, encoding="utf-8") as f:
        schema = json.load(f)
    with open(corpus_file, "rb") as f:
        lines = [line for line in f.read().split(b"\n") if line]
    validator = jsonschema.Draft202012Validator(schema)

    def generated() -> None:
        for line in lines:
            validate(line)

    def reference() -> None:
        for line in lines:
            try:
                document = json.loads(line)
            except ValueError:
                continue
            for _ in validator.iter_errors(document):
                pass

    invalid = sum(1 for line in lines if not validate(line).valid)
    ours = best(rounds, generated)
    theirs = best(rounds, reference)
    n = len(lines)
    print(
        json.dumps(
            {
                "documents": n,
                "invalid": invalid,
                "timschema_validate_docs_per_s": round(n / ours),
                "python_jsonschema_docs_per_s": round(n / theirs),
                "ratio": round(theirs / ours, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
