"""`python -m sigsite.cli`: the `sigsite` command."""

import sys

from sigsite.cli import main

sys.exit(main())
