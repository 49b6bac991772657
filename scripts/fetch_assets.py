#!/usr/bin/env python3
"""Install the front-end assets (htmx, ECharts, Swagger UI) from the npm registry into vetplan/static/vendor/.

Run by the setup step (`make install`); the application never loads anything from a CDN.
Each package is pinned by version and by the registry's sha512 integrity hash, so a
tampered or truncated download stops the setup instead of being served. Standard library only.
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

REGISTRY = "https://registry.npmjs.org"
VENDOR_DIR = Path(__file__).resolve().parent.parent / "vetplan" / "static" / "vendor"

# (package, version, sha512 integrity, {path inside the tarball: file name in vendor/})
ASSETS = [
    (
        "htmx.org",
        "2.0.4",
        "sha512-HLxMCdfXDOJirs3vBZl/ZLoY+c7PfM4Ahr2Ad4YXh6d22T5ltbTXFFkpx9Tgb2vvmWFMbIc3LqN2ToNkZJvyYQ==",
        {"package/dist/htmx.min.js": "htmx.min.js"},
    ),
    (
        "echarts",
        "5.6.0",
        "sha512-oTbVTsXfKuEhxftHqL5xprgLoc0k7uScAwtryCgWF6hPYFLRwOUHiFmHGCBKP5NPFNkDVopOieyUqYGH8Fa3kA==",
        {"package/dist/echarts.min.js": "echarts.min.js"},
    ),
    (  # the API docs page, /api/docs (vetplan/api/docs.py)
        "swagger-ui-dist",
        "5.35.0",
        "sha512-U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ==",
        {
            "package/swagger-ui-bundle.js": "swagger-ui-bundle.js",
            "package/swagger-ui.css": "swagger-ui.css",
            "package/swagger-ui.css.map": "swagger-ui.css.map",  # named by the .css; collectstatic needs it
        },
    ),
]


def fetch(package: str, version: str, integrity: str) -> bytes:
    url = f"{REGISTRY}/{package}/-/{package.split('/')[-1]}-{version}.tgz"
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (fixed https URL)
        data: bytes = response.read()
    algo, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if actual != expected:
        raise SystemExit(f"fetch_assets: {package}@{version}: integrity mismatch, refusing to install")
    return data


def main() -> int:
    VENDOR_DIR.mkdir(parents=True, exist_ok=True)
    for package, version, integrity, files in ASSETS:
        stamp = VENDOR_DIR / f".{package}-{version}"
        if stamp.exists() and all((VENDOR_DIR / name).exists() for name in files.values()):
            continue
        print(f"fetch_assets: installing {package}@{version}", file=sys.stderr)
        with tarfile.open(fileobj=io.BytesIO(fetch(package, version, integrity)), mode="r:gz") as tar:
            for member, name in files.items():
                extracted = tar.extractfile(member)
                if extracted is None:
                    raise SystemExit(f"fetch_assets: {member} missing from {package}@{version}")
                (VENDOR_DIR / name).write_bytes(extracted.read())
        for old in VENDOR_DIR.glob(f".{package}-*"):
            old.unlink()
        stamp.touch()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
