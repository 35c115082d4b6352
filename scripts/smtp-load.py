#!/usr/bin/python3
"""Sends bounce messages to an SMTP server over several connections at once and prints one JSON
line: how many were accepted (250), refused, and the wall time. Used by scripts/bench-intake.sh.

    smtp-load.py HOST PORT CONNECTIONS TOTAL FILE...   (the files are sent in turn, TOTAL in all)
"""
import json
import smtplib
import sys
import threading
import time


def main():
    host, port, connections, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    messages = []
    for path in sys.argv[5:]:
        with open(path, "rb") as f:
            messages.append(f.read())
    lock = threading.Lock()
    state = {"next": 0, "accepted": 0, "refused": 0, "errors": []}

    def take():
        with lock:
            if state["next"] >= total:
                return None
            state["next"] += 1
            return messages[(state["next"] - 1) % len(messages)]

    def worker():
        smtp = smtplib.SMTP(host, port, timeout=120)
        try:
            while True:
                msg = take()
                if msg is None:
                    break
                try:
                    smtp.sendmail("", ["bounces@sender.example"], msg)  # MAIL FROM:<>, as a bounce comes
                    ok = True
                except smtplib.SMTPResponseException as e:
                    ok = False
                    with lock:
                        if len(state["errors"]) < 5:
                            state["errors"].append("%d %s" % (e.smtp_code, e.smtp_error.decode("ascii", "replace")))
                with lock:
                    state["accepted" if ok else "refused"] += 1
        finally:
            smtp.quit()

    start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    print(json.dumps({"accepted": state["accepted"], "refused": state["refused"], "seconds": round(elapsed, 2),
                      "per_second": round(state["accepted"] / elapsed, 1), "errors": state["errors"]}))


if __name__ == "__main__":
    main()
