"""Storage: SQLModel tables, the engine, migrations and the queries the app needs.
Imports no Textual; imported lazily (after the first frame)."""
