import joblib
import pandas as pd
from fastapi import FastAPI, File, HTTPException, UploadFile

app = FastAPI(docs_url="/", title="Deploy DM 2023.3 BI Master")

# load the trained model
model = joblib.load(r"model\spine_model.pkl")


@app.post("/predict")
async def predict(file: UploadFile = File(...)):
    """Batch inference for lower-back pain from an uploaded CSV"""
    data = pd.read_csv(file.file)
    inferences = model.predict(data)
    return {"inferences": inferences.tolist()}
