"""The test run's settings: vetplan's own, with a fixed SECRET_KEY (with DEBUG off, the default,
vetplan refuses to start without one). Subprocesses started by tests inherit it."""

from __future__ import annotations

import os

os.environ.setdefault("SECRET_KEY", "vetplan-tests-not-a-secret-key")

from vetplan.settings import *  # noqa: F403
