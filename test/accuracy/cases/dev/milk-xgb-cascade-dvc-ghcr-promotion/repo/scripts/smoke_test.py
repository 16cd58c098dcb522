"""Smoke-test a running API: python scripts/smoke_test.py [base_url]."""

from __future__ import annotations

import json
import sys
import time
import urllib.error
import urllib.request

PURE = {"fat_pct": 3.4, "snf_pct": 8.7, "density": 1.029, "ph": 6.68, "freezing_point": -0.53, "conductivity": 4.85}


def call(base: str, path: str, body: object | None = None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read().decode())
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def wait_ready(base: str, seconds: int = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if call(base, "/health")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"API at {base} not healthy after {seconds}s")


def main() -> None:
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
    wait_ready(base)
    failures = []
    status, pure = call(base, "/predict", PURE)
    if not (status == 200 and pure["band"] == "accept"):
        failures.append("pure milk accepted")
    status, _ = call(base, "/predict", {**PURE, "ph": 12})
    if status != 422:
        failures.append("out-of-range reading rejected")
    if failures:
        raise SystemExit(f"{len(failures)} smoke check(s) failed: {failures}")
    print("All smoke checks passed")


if __name__ == "__main__":
    main()
