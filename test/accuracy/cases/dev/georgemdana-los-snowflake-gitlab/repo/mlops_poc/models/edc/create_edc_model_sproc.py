"""Snowflake deployment script (not reproduced in this case)."""
