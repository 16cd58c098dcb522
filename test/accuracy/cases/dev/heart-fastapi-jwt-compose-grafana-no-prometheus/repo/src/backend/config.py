from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    DATABASE_URL: str = "postgresql://user:password@postgres:5432/mydb"
    JWT_SECRET: str = "5f1c0a9e7b3d4c2a8e6f0b1d3c5a7e9f"
    JWT_ALGORITHM: str = "HS256"


Config = Settings()
