"""``python -m anthropic_models``: the command line."""

import sys

from anthropic_models.cli import main

sys.exit(main())
