"""What the app keeps: credentials in the OS keyring, a journal of every order in SQLite."""
