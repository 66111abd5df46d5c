"""Settings shared by the whole suite."""

from __future__ import annotations

import os

from hypothesis import settings

# In CI, Hypothesis draws the same examples on every run: a red build then always means the
# change broke something, never that this run happened to find an old bug. Locally, examples
# stay random, so the suite keeps exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
