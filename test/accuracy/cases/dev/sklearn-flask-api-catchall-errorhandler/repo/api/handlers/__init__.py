from .predict import predict

__all__ = ["predict"]
