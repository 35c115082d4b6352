#!/usr/bin/python3
"""A second check of which recipients bouncelens finds, on bounces it was not built from.

Usage: scripts/flufl-recipients.py            (Debian: apt-get install python3-flufl.bounce)

flufl.bounce (Mailman's bounce detector) ships about 115 real bounces from the years 2000-2010
as its test data, with the addresses each must yield in its test table. This script runs
`./bouncelens diagnose --all --format jsonl` over the installed data (read in place, never copied
into this repository), and prints, for every message with expected addresses, the ones
bouncelens did not report, then the count of messages where it found them all. Addresses that
flufl.bounce expects but reports only as a message's Original-Recipient, or an AOL screen name
without its domain, are among the expected ones: not every miss is a fault.
"""
import ast
import collections
import json
import pathlib
import subprocess
import sys

import flufl.bounce

PACKAGE = pathlib.Path(flufl.bounce.__file__).parent
DATA_DIR = PACKAGE / "tests" / "data"
TABLE = PACKAGE / "testing" / "helpers.py"
HERE = pathlib.Path(__file__).resolve().parent.parent


def expected():
    """file -> addresses, from the DATA table of flufl.bounce's test helper (a Python literal)."""
    source = TABLE.read_text(encoding="utf-8")
    table = ast.literal_eval(source[source.index("DATA = (") + len("DATA = "):])
    out = collections.defaultdict(set)
    for row in table:
        out[row[1]] |= {a.decode("utf-8").lower() for a in row[2]}
    return {f: a for f, a in out.items() if a}


def found():
    """file -> addresses bouncelens reported (any action but not-bounce)."""
    run = subprocess.run([str(HERE / "bouncelens"), "diagnose", "--all", "--format", "jsonl", str(DATA_DIR)],
                         capture_output=True, text=True, check=False)
    out = collections.defaultdict(set)
    for line in run.stdout.splitlines():
        record = json.loads(line)
        if record.get("action") != "not-bounce" and record.get("recipient"):
            out[pathlib.Path(record["file"]).name].add(record["recipient"].lower())
    return out


def main():
    if not DATA_DIR.is_dir():
        sys.exit(f"flufl-recipients: no test data at {DATA_DIR}")
    want, have = expected(), found()
    complete = 0
    for name in sorted(want):
        missing = want[name] - have.get(name, set())
        if missing:
            print(f"{name}: missing {', '.join(sorted(missing))}; reported {', '.join(sorted(have.get(name, set()))) or 'nothing'}")
        else:
            complete += 1
    print(f"messages with every expected address: {complete}/{len(want)}")


if __name__ == "__main__":
    main()
