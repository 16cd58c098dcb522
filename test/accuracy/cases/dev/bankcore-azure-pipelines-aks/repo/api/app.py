from fastapi import FastAPI

from api.routers import fraud

app = FastAPI(
    title="BankCore Intelligence API",
    version="1.0.0",
    description="Azure MLOps banking intelligence platform",
)

app.include_router(fraud.router, prefix="/api/v1/fraud", tags=["Fraud"])


@app.get("/health")
def health():
    return {"status": "healthy", "service": "bankcore-api"}


@app.get("/model/info")
def model_info():
    return {"model": "bankcore", "version": "1.0", "environment": "dev"}
