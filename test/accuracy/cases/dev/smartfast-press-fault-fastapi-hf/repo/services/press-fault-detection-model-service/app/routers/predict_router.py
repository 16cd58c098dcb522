from fastapi import APIRouter, HTTPException, UploadFile, File
from fastapi.concurrency import run_in_threadpool
import pandas as pd
import io
import logging
from pydantic import ValidationError
from app.schemas.input import SensorData
from app.schemas.output import PredictionResponse
from app.services.predict_service import predict_press_fault

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/predict", tags=["prediction"])


@router.post("", response_model=PredictionResponse)
async def predict_fault(request_body: SensorData):

    try:
        result = await run_in_threadpool(predict_press_fault, request_body)
        return PredictionResponse(**result)
    except RuntimeError as e:
        # the model is not loaded
        raise HTTPException(status_code=503, detail=str(e)) from e
    except ValueError as e:
        # service-level validation error (no sequence could be built)
        raise HTTPException(status_code=400, detail=f"validation failed: {str(e)}") from e
    except Exception as e:
        # anything else raised while predicting
        raise HTTPException(
            status_code=500, detail=f"prediction failed: {str(e)}"
        ) from e


@router.post("/file", response_model=PredictionResponse)
async def predict_fault_from_file(file: UploadFile = File(...)):
    logger.info("start predict file")
    if not file.filename.endswith(".csv"):
        raise HTTPException(status_code=400, detail="only CSV files are accepted")

    try:
        contents = await file.read()
        df = pd.read_csv(io.StringIO(contents.decode("utf-8-sig")))
        df.columns = df.columns.str.strip()
        df = df.dropna(axis=0)
        required_columns = ["AI0_Vibration", "AI1_Vibration", "AI2_Current"]
        missing_columns = [col for col in required_columns if col not in df.columns]

        if missing_columns:
            raise HTTPException(
                status_code=400,
                detail=f"the CSV lacks the columns: {missing_columns}",
            )

        sensor_data = SensorData(
            AI0_Vibration=df["AI0_Vibration"].tolist(),
            AI1_Vibration=df["AI1_Vibration"].tolist(),
            AI2_Current=df["AI2_Current"].tolist(),
        )

        result = await run_in_threadpool(predict_press_fault, sensor_data)
        return PredictionResponse(**result)

    except UnicodeDecodeError as e:
        raise HTTPException(
            status_code=400,
            detail="the file cannot be read; check that it is UTF-8.",
        ) from e
    except pd.errors.EmptyDataError as e:
        raise HTTPException(status_code=400, detail="the CSV file is empty.") from e
    except pd.errors.ParserError as e:
        raise HTTPException(
            status_code=400, detail=f"the CSV is malformed: {str(e)}"
        ) from e
    except (ValidationError, ValueError) as e:
        raise HTTPException(
            status_code=400, detail=f"validation failed: {str(e)}"
        ) from e
    except RuntimeError as e:
        raise HTTPException(status_code=503, detail=str(e)) from e
    except Exception as e:
        raise HTTPException(
            status_code=500, detail=f"file prediction failed: {str(e)}"
        ) from e
