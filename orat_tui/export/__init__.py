"""Minutes and other documents made from a meeting (no Textual)."""
