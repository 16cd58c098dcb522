from src.model.model import Model
