"""`python -m careplan`: the same as the `careplan` command."""

from careplan.cli import main

raise SystemExit(main())
