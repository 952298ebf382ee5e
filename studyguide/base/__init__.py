"""What every layer stands on: one-line input errors, decoding, TOML with line numbers,
schema checking, dates, and lookup by id. Imports nothing else of the package."""
