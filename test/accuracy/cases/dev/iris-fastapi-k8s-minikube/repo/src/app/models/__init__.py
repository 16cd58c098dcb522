from src.app.models.requests import RequestBody
from src.app.models.responses import ResponseBody
