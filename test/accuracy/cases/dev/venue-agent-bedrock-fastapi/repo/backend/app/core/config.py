from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    LOG_LEVEL: str = "INFO"
    BEDROCK_LLM_ID: str = "anthropic.claude-3-haiku-20240307-v1:0"
    BEDROCK_USE_GUARDRAIL: bool = False


settings = Settings()
