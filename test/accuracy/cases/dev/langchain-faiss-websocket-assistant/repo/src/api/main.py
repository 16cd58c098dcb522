from .api_config import get_api

app = get_api()
