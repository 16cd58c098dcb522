from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.api.predict import model

app = FastAPI()

origins = ["*"]
app.add_middleware(
    CORSMiddleware,
    allow_origins=origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

app.include_router(model, prefix="/api/v1/predict")
