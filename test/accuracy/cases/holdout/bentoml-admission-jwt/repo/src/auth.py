"""JWT authentication for the admission prediction API."""
import hashlib
import logging
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Optional

import jwt
from dotenv import load_dotenv

logger = logging.getLogger(__name__)

load_dotenv(dotenv_path=Path(__file__).parent.parent / ".env")

JWT_SECRET_KEY: Optional[str] = os.getenv("JWT_SECRET_KEY")
JWT_ALGORITHM: Optional[str] = os.getenv("JWT_ALGORITHM")
if not JWT_SECRET_KEY or not JWT_ALGORITHM:
    raise RuntimeError("JWT_SECRET_KEY and JWT_ALGORITHM must be set in the .env file.")

ACCESS_TOKEN_EXPIRE_MINUTES = 30

# Demo users database (in production, use a real database)
DEMO_USERS = {
    "admin": {
        "username": "admin",
        "hashed_password": hashlib.sha256("admin123".encode()).hexdigest(),
        "role": "admin",
        "full_name": "Administrator",
    },
    "user": {
        "username": "user",
        "hashed_password": hashlib.sha256("user123".encode()).hexdigest(),
        "role": "user",
        "full_name": "Demo User",
    },
}


def hash_password(password: str) -> str:
    """Hash a password using SHA256."""
    return hashlib.sha256(password.encode()).hexdigest()


def verify_password(plain_password: str, hashed_password: str) -> bool:
    return hash_password(plain_password) == hashed_password


def authenticate_user(username: str, password: str) -> Optional[Dict[str, Any]]:
    user = DEMO_USERS.get(username)
    if not user or not verify_password(password, user["hashed_password"]):
        logger.warning(f"Authentication failed for user '{username}'")
        return None
    return user


def create_access_token(data: Dict[str, Any], expires_delta: Optional[timedelta] = None) -> str:
    to_encode = data.copy()
    now = datetime.now(timezone.utc)
    to_encode.update({"exp": now + (expires_delta or timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES)), "iat": now})
    return jwt.encode(to_encode, JWT_SECRET_KEY, algorithm=JWT_ALGORITHM)


def require_admin(authorization: str) -> Dict[str, Any]:
    parts = authorization.split()
    if len(parts) != 2 or parts[0].lower() != "bearer":
        raise ValueError("Authentication required")
    try:
        payload = jwt.decode(parts[1], JWT_SECRET_KEY, algorithms=[JWT_ALGORITHM])
    except jwt.InvalidTokenError:
        raise ValueError("Authentication required")
    user = DEMO_USERS.get(payload.get("sub"))
    if not user:
        raise ValueError("Authentication required")
    if user.get("role") != "admin":
        raise ValueError("Admin access required")
    return user
