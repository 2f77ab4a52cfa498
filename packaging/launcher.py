"""What PyInstaller freezes: the same entry point as the kiwoom-desk command."""

from kiwoom_desk.app import main

raise SystemExit(main())
