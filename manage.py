#!/usr/bin/env python
"""Django's command-line utility; the `vetplan` console script does the same."""

from __future__ import annotations

import sys

from vetplan.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
