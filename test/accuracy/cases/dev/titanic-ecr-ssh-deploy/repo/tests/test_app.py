from fastapi.testclient import TestClient

from src.api.app import app

client = TestClient(app)


def test_root():
    assert client.get("/").status_code == 200
