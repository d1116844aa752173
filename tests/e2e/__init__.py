"""Terminal end-to-end tests: the installed orat in tmux."""
