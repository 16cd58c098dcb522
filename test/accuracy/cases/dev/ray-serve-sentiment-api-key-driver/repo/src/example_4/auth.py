from fastapi.security.api_key import APIKeyHeader
from fastapi import Security, HTTPException, status


api_key = '7c1e0a9f3b5d48e2a6f09c3d1b7e5a2f8c4d6e0b9a1f3c5e7d2b4a6c8e0f1a3b'
api_key_header = APIKeyHeader(name = 'accessKey', auto_error = False)


async def verify_api_key(api_key_header: str = Security(api_key_header)):
    if api_key_header != api_key:
        raise HTTPException(
            status_code = status.HTTP_401_UNAUTHORIZED,
            detail = 'Missing or invalid accessKey in request header.'
        )
