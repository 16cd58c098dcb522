import os
import traceback
from typing import List

import mlflow.sklearn
import pandas as pd
from fastapi import FastAPI, File, HTTPException, UploadFile
from feast import FeatureStore
from loguru import logger
from pydantic import BaseModel

# Absolute paths of the author's machine
PROJECT_ROOT = r'D:\arquivos_antigos\Projetos\FIAP\Fase5\tech_challenger_5_project'
ML_DB_PATH = os.path.join(PROJECT_ROOT, 'mlflow.db')
MLFLOW_TRACKING_URI = f"sqlite:///{ML_DB_PATH}"
FEATURE_REPO_PATH = os.path.join(PROJECT_ROOT, 'feature_repo')

mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)

app = FastAPI(title="Student risk prediction API")


class PredictionResponse(BaseModel):
    registro_unico: str
    predicao: str
    confianca: float


def load_mlflow_model(model_name: str):
    try:
        model_uri = f"models:/{model_name}/latest"
        return mlflow.sklearn.load_model(model_uri)
    except Exception as e:
        logger.error(f"model load failed: {str(e)}")
        raise HTTPException(status_code=404, detail=f"model '{model_name}': {str(e)}")


@app.get("/")
def read_root():
    return {"status": "online", "documentation": "/docs"}


@app.post("/predict/{model_id}", response_model=List[PredictionResponse])
async def predict_file(model_id: int, file: UploadFile = File(...)):
    names = {1: "Modelo_1", 2: "Modelo_2", 3: "Modelo_3"}
    if model_id not in names:
        raise HTTPException(status_code=400, detail="invalid model id")
    try:
        if file.filename.endswith('.csv'):
            df = pd.read_csv(file.file, sep=None, engine='python')
        else:
            df = pd.read_excel(file.file)
        model = load_mlflow_model(names[model_id])
        store = FeatureStore(repo_path=FEATURE_REPO_PATH)
        entity_df = df[['registro_unico']].copy()
        entity_df['event_timestamp'] = pd.Timestamp.now(tz='UTC').floor('s')
        features = ["student_performance_features:num_idade"]
        enriched = store.get_historical_features(entity_df=entity_df, features=features).to_df()
        X = enriched[["num_idade"]].fillna(0)
        preds = model.predict(X)
        return [
            PredictionResponse(registro_unico=str(enriched.iloc[i]['registro_unico']),
                               predicao="Alto" if p == 1 else "Baixo", confianca=100.0)
            for i, p in enumerate(preds)
        ]
    except Exception as e:
        logger.error(f"critical: {str(e)}")
        logger.error(traceback.format_exc())
        if isinstance(e, HTTPException): raise e
        raise HTTPException(status_code=500, detail=f"internal error: {str(e)}")


if __name__ == "__main__":
    import uvicorn
    uvicorn.run(app, host="0.0.0.0", port=8000)
