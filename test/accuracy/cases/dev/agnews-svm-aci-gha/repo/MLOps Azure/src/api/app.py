"""
FastAPI application for AG News classification
"""
import logging
import sys
from pathlib import Path
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

sys.path.append(str(Path(__file__).parent.parent.parent))

from src.models.predict import NewsClassifier

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)

app = FastAPI(title='AG News Classifier API', version='1.0.0')

classifier = None


@app.on_event('startup')
async def load_model():
    global classifier
    try:
        logger.info('Loading models...')
        classifier = NewsClassifier()
        logger.info('Models loaded successfully!')
    except Exception as e:
        logger.error(f'Error loading models: {e}')
        raise


class TextInput(BaseModel):
    text: str = Field(..., min_length=10, max_length=5000)


class BatchTextInput(BaseModel):
    texts: List[str] = Field(..., min_items=1, max_items=100)


class PredictionResponse(BaseModel):
    category: str
    category_id: int
    confidence: float
    all_probabilities: Dict[str, float]


class BatchPredictionResponse(BaseModel):
    predictions: List[PredictionResponse]


@app.get('/health')
async def health_check():
    return {
        'status': 'healthy',
        'version': '1.0.0',
        'model_loaded': classifier is not None
    }


@app.post('/predict', response_model=PredictionResponse)
async def predict(input_data: TextInput):
    if classifier is None:
        raise HTTPException(status_code=503, detail='Model not loaded')

    try:
        result = classifier.predict(input_data.text)
        return result
    except Exception as e:
        logger.error(f'Prediction error: {e}')
        raise HTTPException(status_code=500, detail=f'Prediction failed: {str(e)}')


@app.post('/predict/batch', response_model=BatchPredictionResponse)
async def predict_batch(input_data: BatchTextInput):
    if classifier is None:
        raise HTTPException(status_code=503, detail='Model not loaded')

    try:
        results = classifier.predict_batch(input_data.texts)
        return {'predictions': results}
    except Exception as e:
        logger.error(f'Batch prediction error: {e}')
        raise HTTPException(status_code=500, detail=f'Batch prediction failed: {str(e)}')


if __name__ == '__main__':
    import uvicorn
    uvicorn.run(app, host='0.0.0.0', port=8000)
