import logging
import time

from fastapi import FastAPI, HTTPException
from prometheus_fastapi_instrumentator import Instrumentator

from .model import ChurnModel
from .schema import ChurnPredictionInput, ChurnPredictionOutput

logging.basicConfig(level=logging.INFO, format="%(asctime)s - %(name)s - %(levelname)s - %(message)s")
logger = logging.getLogger(__name__)

app = FastAPI(title="Churn Prediction API", version="1.0.0")

model = ChurnModel()

Instrumentator().instrument(app).expose(app)


@app.get("/")
def read_root():
    return {"message": "Welcome to the Churn Prediction API"}


@app.post("/predict", response_model=ChurnPredictionOutput)
async def predict_churn(input_data: ChurnPredictionInput):
    try:
        logger.info("Received prediction request")
        start_time = time.time()
        prediction = model.predict(input_data)
        logger.info(f"Prediction made in {time.time() - start_time:.4f} seconds: {prediction}")
        return prediction
    except Exception as e:
        logger.error(f"Error making prediction: {str(e)}")
        raise HTTPException(status_code=500, detail=str(e))


@app.get("/health")
def health_check():
    return {"status": "healthy"}
