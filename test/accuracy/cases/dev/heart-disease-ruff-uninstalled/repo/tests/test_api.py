from fastapi.testclient import TestClient

from src.app import app

client = TestClient(app)


def test_home():
    assert client.get("/").status_code == 200
