import os
from functools import lru_cache
from pydantic_settings import BaseSettings, SettingsConfigDict

if os.path.exists( ".env" ):
    from dotenv import load_dotenv
    load_dotenv()

class MongoDBSettings( BaseSettings ):

    MONGO_URI: str
    DB_NAME: str

    model_config = SettingsConfigDict( extra = "ignore" )

class HuggingFaceSettings( BaseSettings ):

    HF_TOKEN: str
    HF_REPOSITORY_ID: str

    heart_classifier: str = "sklearn/random_forest"
    heart_model_uri: str = f"heart/{heart_classifier}/01/model.pkl"

    model_config = SettingsConfigDict( extra = "ignore" )

class WebSettings( BaseSettings ):

    FRONTEND_URL: str

    model_config = SettingsConfigDict( extra = "ignore" )


@lru_cache()
def mongo_settings():
    return MongoDBSettings()

@lru_cache()
def hf_settings():
    return HuggingFaceSettings()

@lru_cache()
def web_settings():
    return WebSettings()
