#!/usr/bin/python3
"""Runs flufl.bounce over an mbox, the reference point for bouncelens' speed.

Usage: scripts/flufl-bounce-scan.py MBOX   (Debian: apt-get install python3-flufl.bounce)

Prints one line per message with at least one bounced address: the message number and the
addresses; the last line on stderr says how many messages and addresses there were. flufl.bounce
answers only "which addresses bounced", no reason, so its count is all there is to compare.
"""
import mailbox
import sys

from flufl.bounce import scan_message


def main(path):
    messages = 0
    addresses = 0
    out = sys.stdout
    for number, message in enumerate(mailbox.mbox(path, create=False), start=1):
        messages += 1
        try:
            found = scan_message(message)
        except Exception as error:  # a broken message must not stop the run
            print(f"flufl-bounce-scan: message {number}: {error}", file=sys.stderr)
            continue
        if found:
            addresses += len(found)
            names = sorted(a.decode("utf-8", "replace") if isinstance(a, bytes) else str(a) for a in found)
            out.write(f"{number}\t{' '.join(names)}\n")
    print(f"flufl-bounce-scan: {messages} messages, {addresses} bounced addresses", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: flufl-bounce-scan.py MBOX", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
