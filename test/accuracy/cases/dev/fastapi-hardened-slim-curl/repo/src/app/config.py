from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    log_level: str = "INFO"
    api_key: str = ""
    model_path: str = "models/model.joblib"
    circuit_breaker_enabled: bool = False


settings = Settings()
