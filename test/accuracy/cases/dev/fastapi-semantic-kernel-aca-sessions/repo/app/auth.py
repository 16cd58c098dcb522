from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Optional

import httpx
from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jose import JWTError, jwt

from .config import get_settings


class AuthError(HTTPException):
    def __init__(self, status_code: int = 401, detail: str = "Unauthorized") -> None:
        super().__init__(status_code=status_code, detail=detail)


@lru_cache(maxsize=1)
def _get_openid_config(issuer: str) -> Dict[str, Any]:
    well_known = issuer.rstrip("/") + "/.well-known/openid-configuration"
    with httpx.Client(timeout=10.0) as client:
        resp = client.get(well_known)
        resp.raise_for_status()
        return resp.json()


@lru_cache(maxsize=1)
def _get_jwks(jwks_uri: str) -> Dict[str, Any]:
    with httpx.Client(timeout=10.0) as client:
        resp = client.get(jwks_uri)
        resp.raise_for_status()
        return resp.json()


def _decode_and_validate(token: str, audience: str, issuer: str) -> Dict[str, Any]:
    oidc = _get_openid_config(issuer)
    jwks = _get_jwks(oidc["jwks_uri"])
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except JWTError as e:
        raise AuthError(401, f"Invalid token header: {e}")
    key = next((k for k in jwks.get("keys", []) if k.get("kid") == kid), None)
    if key is None:
        raise AuthError(401, "Matching JWK not found for token")
    try:
        return jwt.decode(token, key, algorithms=["RS256"], audience=audience, issuer=issuer)
    except JWTError as e:
        raise AuthError(401, f"Token validation failed: {e}")


_http_bearer = HTTPBearer(auto_error=False)


def authenticate(credentials: Optional[HTTPAuthorizationCredentials] = Depends(_http_bearer)) -> Dict[str, Any]:
    """FastAPI dependency that authenticates the request with a Bearer JWT issued by Auth0."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise AuthError(401, "Missing or invalid Authorization header")
    settings = get_settings()
    if not settings.auth0_issuer or not settings.auth0_audience:
        raise AuthError(500, "Server auth configuration is incomplete")
    return _decode_and_validate(credentials.credentials, audience=settings.auth0_audience, issuer=settings.auth0_issuer)


AuthDependency = Depends(authenticate)
