"""A sync client that kills itself with SIGKILL at a chosen exchange (run as a child process).

``crash_client.py DATA_DIR PROFILE_ID PASSPHRASE PATH_PART K PAGE_SIZE``: syncs the profile and
dies right after the K-th reply whose URL contains PATH_PART has fully arrived — the server has
done its part, the client has recorded nothing of that reply (and may be mid-transaction on
an earlier page).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import requests

from desktop.store.profile import ProfileDir, unlock_store
from desktop.sync.credentials import credentials_for
from desktop.sync.engine import SyncEngine


def main() -> None:
    data_dir, profile_id, passphrase, path_part, k, page_size = sys.argv[1:7]
    profile = ProfileDir(Path(data_dir), profile_id).load()
    store = unlock_store(Path(data_dir), profile, passphrase)
    seen = 0

    class Killing(requests.Session):
        def send(self, request, **kw):
            nonlocal seen
            response = super().send(request, **kw)
            if path_part in request.url:
                seen += 1
                if seen >= int(k):
                    _ = response.content
                    os.kill(os.getpid(), signal.SIGKILL)
            return response

    engine = SyncEngine(
        store,
        profile,
        credentials_for(profile, store),
        session_factory=Killing,
        page_size=int(page_size),
        sanity_interval_s=0,
    )
    report = engine.run(lambda phase, items, nbytes: print(phase, items, flush=True))
    print("FINISHED", report.ok, flush=True)


if __name__ == "__main__":
    main()
