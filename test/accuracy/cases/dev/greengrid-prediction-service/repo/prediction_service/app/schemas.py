"""Pydantic request/response definitions (to be written)."""
