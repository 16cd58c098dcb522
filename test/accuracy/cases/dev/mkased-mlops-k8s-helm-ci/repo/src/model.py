"""Model wrapper (reduced)."""
import pickle


class MLModel:
    version = "unknown"

    @classmethod
    def load(cls, path):
        with open(path, "rb") as f:
            return pickle.load(f)
