import uuid
from datetime import datetime

from fastapi import APIRouter, Depends, File, HTTPException, Query, UploadFile

from ...config import settings
from ...deps import get_tenant_id
from ...services.chunker import chunk_pages
from ...services.mlflow_logger import Timer, log_ingest
from ...services.pdf_loader import extract_pdf_text_by_page
from ...services.registry import append_record
from ...services.vectorstore import upsert_docs

router = APIRouter()


@router.post("/upload")
async def upload_pdf(
    file: UploadFile = File(...),
    tenant_id: str = Depends(get_tenant_id),
    ingest: bool = Query(False),
):
    if not file.filename.lower().endswith(".pdf"):
        raise HTTPException(status_code=400, detail="Only PDF files are supported.")

    file_id = str(uuid.uuid4())
    out_path = settings.uploads_dir / f"{file_id}.pdf"
    out_path.write_bytes(await file.read())

    append_record(
        settings.app_data_dir,
        {"tenant_id": tenant_id, "file_id": file_id, "filename": file.filename, "created_at": datetime.utcnow().isoformat() + "Z"},
    )
    resp = {"file_id": file_id, "filename": file.filename, "ingested": False}

    if ingest:
        try:
            pages = extract_pdf_text_by_page(out_path)
            docs = chunk_pages(pages, chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap, file_id=file_id, tenant_id=tenant_id)
            with Timer() as t:
                num_added = upsert_docs(docs)
            log_ingest(file_id=file_id, num_pages=len(pages), num_chunks=num_added, elapsed=t.dt)
            resp.update(ingested=True, num_pages=len(pages), num_chunks=num_added)
        except Exception as e:
            msg = str(e)
            if "429" in msg or "RESOURCE_EXHAUSTED" in msg:
                raise HTTPException(status_code=429, detail=f"Embedding quota/rate limit hit during ingest, retry in ~30 seconds. Raw: {msg}")
            raise HTTPException(status_code=500, detail=f"Ingest failed: {msg}")

    return resp
