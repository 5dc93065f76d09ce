"""`python -m autograder` is the `grade` command."""

import sys

from .cli import main

sys.exit(main())
