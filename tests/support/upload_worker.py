"""One web upload, as a browser sends it, in its own process:
``python -m tests.support.upload_worker URL EMAIL PASSWORD FILE`` signs in, uploads FILE,
presses Load and prints one JSON line with the outcome and load id."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import requests

TIMEOUT_S = 600


def _token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    if not found:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


def main(url: str, email: str, password: str, file: str) -> None:
    with requests.Session() as session:
        page = session.get(f"{url}/staff/sign-in", timeout=TIMEOUT_S)
        session.post(f"{url}/staff/sign-in", timeout=TIMEOUT_S, data={
            "email": email, "password": password, "csrf_token": _token(page.text)})
        page = session.get(f"{url}/staff/upload", timeout=TIMEOUT_S)
        with Path(file).open("rb") as handle:
            checked = session.post(f"{url}/staff/upload", timeout=TIMEOUT_S,
                                   data={"csrf_token": _token(page.text)},
                                   files={"submission": (Path(file).name, handle, "text/csv")})
        upload = re.search(r'name="token" value="([^"]+)"', checked.text)
        if checked.status_code != 200 or upload is None:
            print(json.dumps({"outcome": "error", "detail": f"{checked.status_code}"}))
            return
        loaded = session.post(f"{url}/staff/load", timeout=TIMEOUT_S, data={
            "csrf_token": _token(checked.text), "token": upload.group(1)})
        found = re.search(r"\(load (\d+)\)", loaded.text)
        accepted = loaded.status_code == 200 and "figure row" in loaded.text
        print(json.dumps({"outcome": "accepted" if accepted else "error",
                          "load_id": int(found.group(1)) if found else None,
                          "detail": f"{loaded.status_code}"}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
