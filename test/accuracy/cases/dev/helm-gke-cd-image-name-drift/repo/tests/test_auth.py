from backend.auth import hash_password


def test_hash_is_not_plain():
    assert hash_password("secret") != "secret"
