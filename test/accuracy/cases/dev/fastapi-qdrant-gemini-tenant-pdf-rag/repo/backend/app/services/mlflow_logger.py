# stub: the original module is not reproduced
import time


def setup_mlflow(uri):
    return None


class Timer:
    def __enter__(self):
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.dt = time.perf_counter() - self.t0


def log_ingest(**kwargs):
    return None
