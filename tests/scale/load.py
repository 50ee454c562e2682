#!/usr/bin/env python3
"""A steady loop of reads through nginx until a stop file appears; prints a JSON summary.

Used by scale-test while it stops one riskatlas instance: every request must still succeed.
Each thread keeps one keep-alive connection to nginx and asks for things nginx does not cache
(features, tiles without ?v=, the layer list), so every request reaches an instance.
Usage: load.py PORT STOP_FILE THREADS (STOP_FILE.started appears after the first answer)
"""
import http.client
import json
import os
import sys
import threading
import time

PATHS = [
    "/collections/enterprises/items?limit=2",
    "/tiles/regions/10/844/403.mvt",
    "/api/layers",
    "/collections/regions/items?limit=1",
]


def worker(port, stop_file, out):
    conn = None
    i = 0
    while not os.path.exists(stop_file):
        path = PATHS[i % len(PATHS)]
        i += 1
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path, headers={"Connection": "keep-alive"})
            resp = conn.getresponse()
            resp.read()
            if not os.path.exists(stop_file + ".started"):
                open(stop_file + ".started", "w").close()  # the caller waits for this
            key = str(resp.status)
            upstream = resp.getheader("X-Upstream", "-")
            out["upstreams"][upstream] = out["upstreams"].get(upstream, 0) + 1
            if resp.status >= 400:
                out["failures"].append(f"{path}: {resp.status} via {upstream}")
        except Exception as e:  # a refused or dropped connection to nginx is a lost request
            key = "error"
            out["failures"].append(f"{path}: {type(e).__name__}: {e}")
            conn = None
        out["status"][key] = out["status"].get(key, 0) + 1


def main():
    port, stop_file, threads = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    results = [{"status": {}, "upstreams": {}, "failures": []} for _ in range(threads)]
    started = time.monotonic()
    pool = [threading.Thread(target=worker, args=(port, stop_file, r)) for r in results]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    total = {"status": {}, "upstreams": {}, "failures": [], "seconds": time.monotonic() - started}
    for r in results:
        for field in ("status", "upstreams"):
            for k, v in r[field].items():
                total[field][k] = total[field].get(k, 0) + v
        total["failures"] += r["failures"]
    total["requests"] = sum(total["status"].values())
    print(json.dumps(total))


if __name__ == "__main__":
    main()
