"""Drift monitor (not reproduced in this case; the compose service runs it)."""
