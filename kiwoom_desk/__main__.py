"""`python -m kiwoom_desk`, the same as the `kiwoom-desk` command."""

from .app import main

raise SystemExit(main())
