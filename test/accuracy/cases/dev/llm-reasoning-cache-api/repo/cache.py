"""A simple in-memory cache with a time-to-live."""
import time


class Cache:
    def __init__(self, ttl: int):
        self.ttl = ttl
        self.cache = {}

    def get(self, key: str):
        if key in self.cache and self.cache[key]["expiry"] > time.time():
            return self.cache[key]["value"]
        return None

    def set(self, key: str, value: str):
        self.cache[key] = {"value": value, "expiry": time.time() + self.ttl}

    def clear(self):
        self.cache = {}
