from fastapi import FastAPI, File, UploadFile, Form, HTTPException
import os
import uuid
import json

app = FastAPI(title="Financial Document Analyzer")
from database import engine
from models import Base

Base.metadata.create_all(bind=engine)


@app.get("/")
async def root():
    return {"message": "Financial Document Analyzer API is running"}


from database import SessionLocal
from models import AnalysisResult
from tasks import process_analysis

@app.post("/analyze")
async def analyze_financial_endpoint(file: UploadFile = File(...), query: str = Form(...)):

    db = SessionLocal()

    file_id = str(uuid.uuid4())
    file_path = f"data/{file_id}.pdf"

    os.makedirs("data", exist_ok=True)

    with open(file_path, "wb") as f:
        f.write(await file.read())

    new_record = AnalysisResult(
        file_name=file.filename,
        query=query,
        status="PENDING"
    )

    db.add(new_record)
    db.commit()
    db.refresh(new_record)

    # Send to background worker
    process_analysis.delay(new_record.id, query, file_path)

    db.close()

    return {
        "job_id": new_record.id,
        "status": "PENDING",
        "message": "Analysis started. Use /status/{job_id} to check progress."
    }


@app.get("/status/{job_id}")
def get_status(job_id: int):

    db = SessionLocal()
    record = db.query(AnalysisResult).filter(AnalysisResult.id == job_id).first()
    db.close()

    if not record:
        return {"error": "Job not found"}

    return {
        "job_id": record.id,
        "status": record.status,
        "result": json.loads(record.result_json) if record.result_json else None
    }
if __name__ == "__main__":
    import uvicorn
    uvicorn.run("main:app", host="0.0.0.0", port=8000, reload=True)
