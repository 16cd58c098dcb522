import os

from dotenv import load_dotenv


def load_env_vars():
    python_env = os.environ.get("PYTHON_ENV", "development")
    load_dotenv(f".env.{python_env}")
