from src.model import predict


def test_predict_none():
    import pytest
    with pytest.raises(ValueError):
        predict(None, [[1, 2, 3, 4]])
