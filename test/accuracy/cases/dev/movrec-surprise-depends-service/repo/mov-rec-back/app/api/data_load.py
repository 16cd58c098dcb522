from fastapi import APIRouter, Depends, File, UploadFile

from services.data_load import DataLoad

router = APIRouter(prefix="/data")


@router.post("/movies")
def load_movies(file: UploadFile = File(...), service: DataLoad = Depends()):
    service.load_movies(file.file)
    return {"status": "ok"}
