from .root import router as root_router
from .predict import router as predict_router
from .model import router as model_router
