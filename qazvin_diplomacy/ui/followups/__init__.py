"""The follow-ups page and its dashboard card: every follow-up, whatever it came from."""
