"""Reading one meeting note: its parts, its fields, and the checks on it."""
