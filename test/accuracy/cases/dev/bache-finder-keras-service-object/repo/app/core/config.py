from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    MODEL_PATH: str = "app/models/pothole_model.h5"


settings = Settings()
