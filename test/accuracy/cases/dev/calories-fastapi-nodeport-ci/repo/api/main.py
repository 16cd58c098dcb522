from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field
from deployment.inference import CaloriesPredictor
import logging
import time
from fastapi import Request
from starlette.middleware.base import BaseHTTPMiddleware
import os
os.makedirs("logs", exist_ok=True)

logging.basicConfig(
    level=logging.INFO,
    format="%(asctime)s [%(levelname)s]  %(message)s",
    handlers=[
        logging.FileHandler("logs/api.log"),
        logging.StreamHandler()
    ]
)
logger = logging.getLogger(__name__)


class LoggingMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        start_time = time.time()
        response = await call_next(request)
        duration = time.time() - start_time
        logger.info(f"{request.method} {request.url.path} | Status: {response.status_code} | Duration: {duration:.3f}s")
        return response


app = FastAPI(title="API de Prediction de Calories", version="1.0.0")
app.add_middleware(LoggingMiddleware)


@app.get("/", summary="Page d'accueil")
async def root():
    return {
        "message": "Bienvenue sur l'API de Prediction de Calories",
        "endpoints": {"/predict": "prediction", "/health": "etat de sante", "/docs": "Swagger"},
    }

# Initialisation du modele
try:
    model = CaloriesPredictor()
    logger.info("Modele charge avec succes")
except Exception as e:
    logger.error(f"Erreur lors du chargement du modele : {str(e)}")
    raise


class InputData(BaseModel):
    poids_kg: float = Field(..., gt=0, description="Poids en kilogrammes")
    duree_min: float = Field(..., gt=0, description="Duree en minutes")
    vitesse_moyenne: float = Field(..., ge=0, description="Vitesse moyenne en km/h")
    distance_km: float = Field(..., ge=0, description="Distance en kilometres")
    fc_moyenne: float = Field(..., gt=0, description="Frequence cardiaque moyenne")

    class Config:
        schema_extra = {"example": {"poids_kg": 70, "duree_min": 30, "vitesse_moyenne": 10, "distance_km": 5, "fc_moyenne": 120}}


@app.post("/predict",
          response_model=dict,
          summary="Predire les calories brulees")
async def predict(data: InputData):
    try:
        prediction = model.predict(
            poids_kg=data.poids_kg,
            duree_min=data.duree_min,
            vitesse_moyenne=data.vitesse_moyenne,
            distance_km=data.distance_km,
            fc_moyenne=data.fc_moyenne
        )
        logger.info(f"Prediction reussie pour les donnees : {data.dict()}")
        return {"calories_brulees": round(prediction, 2)}
    except Exception as e:
        logger.error(f"Erreur lors de la prediction : {str(e)}")
        raise HTTPException(status_code=500, detail=str(e))


@app.get("/health", summary="Verifier l'etat de l'API")
async def health_check():
    return {"status": "healthy"}
