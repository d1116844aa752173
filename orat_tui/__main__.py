from orat_tui.cli import main

raise SystemExit(main())
