# app/main.py
from fastapi import FastAPI, HTTPException, Depends, Request
import torch
from app.schemas import PredictRequest, PredictResponse
from app.utils import load_model

app = FastAPI(title="ML GPU Inference API", version="1.0")

device = "cuda" if torch.cuda.is_available() else "cpu"
model = load_model(device=device)

API_KEY = "secret-key"

def verify_token(request: Request):
    token = request.headers.get("x-api-key")
    if token != API_KEY:
        raise HTTPException(status_code=401, detail="Invalid API Key")
    return True

@app.get("/health")
def health():
    return {"status": "ok", "device": device}

@app.post("/predict", response_model=PredictResponse, dependencies=[Depends(verify_token)])
def predict(payload: PredictRequest):
    try:
        x = torch.tensor(payload.features, dtype=torch.float32).to(device).unsqueeze(0)
        with torch.no_grad():
            output = model(x)
        return {"prediction": output.squeeze().tolist()}
    except Exception as e:
        raise HTTPException(status_code=500, detail=str(e))


if __name__ == "__main__":
    import uvicorn
    uvicorn.run("app.main:app", host="0.0.0.0", port=8000, reload=True)
