"""orat: run the weekly situational-picture meeting from the terminal."""

__version__ = "0.1.0"
