"""`python -m balance_bot`: the same entry point as the `balance-bot` command."""

from infrastructure.bootstrap import main

raise SystemExit(main())
