"""Allow ``python -m qazvin_diplomacy``."""

import sys

from qazvin_diplomacy.cli import main

sys.exit(main())
