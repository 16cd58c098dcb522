"""BentoML service predicting the chance of admission, with JWT authentication."""
import logging
from datetime import datetime, timedelta, timezone
from http import HTTPStatus
from pathlib import Path
from typing import Any, Dict

import bentoml
import pandas as pd
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse

from .auth import ACCESS_TOKEN_EXPIRE_MINUTES, DEMO_USERS, authenticate_user, create_access_token, require_admin

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger()

config_path = Path(__file__).parent.parent / "config"
# make sure the config directory is importable
if config_path.is_dir() and not (config_path / "__init__.py").exists():
    (config_path / "__init__.py").touch()

FEATURES = ["GRE Score", "TOEFL Score", "University Rating", "SOP", "LOR", "CGPA", "Research"]


class AdmissionInput(BaseModel):
    gre_score: int = Field(..., ge=260, le=340, alias="GRE Score")
    toefl_score: int = Field(..., ge=0, le=120, alias="TOEFL Score")
    university_rating: int = Field(..., ge=1, le=5, alias="University Rating")
    sop: float = Field(..., ge=1.0, le=5.0, alias="SOP")
    lor: float = Field(..., ge=1.0, le=5.0, alias="LOR ")
    cgpa: float = Field(..., ge=0.0, le=10.0, alias="CGPA")
    research: int = Field(..., ge=0, le=1, alias="Research")

    class Config:
        populate_by_name = True


class AdmissionOutput(BaseModel):
    chance_of_admit: float = Field(..., ge=0.0, le=1.0)
    confidence_level: str
    recommendation: str
    prediction_timestamp: str


def get_latest_model():
    """Get the latest admission_prediction_linear_regression model from the BentoML store."""
    try:
        models = bentoml.models.list()
        model_name = "admission_prediction_linear_regression"
        linear_models = [m for m in models if model_name in m.tag.name]
        if not linear_models:
            raise Exception(f"No {model_name} models found in BentoML store")
        latest_model = sorted(linear_models, key=lambda x: x.info.creation_time, reverse=True)[0]
        model = bentoml.sklearn.load_model(str(latest_model.tag))
        logger.info("Loaded latest linear regression model: %s", latest_model.tag)
        return latest_model, model
    except Exception as e:
        logger.error(f"Error loading linear regression model: {e}")
        raise


model_ref, model_obj = get_latest_model()


@bentoml.service(name="admission_prediction_service")
class AdmissionPredictionService:
    def __init__(self) -> None:
        self.model = model_obj
        self.model_ref = model_ref

    @bentoml.api
    def login(self, username: str, password: str) -> Any:
        try:
            user = authenticate_user(username, password)
            if not user:
                return JSONResponse(status_code=401, content={"error": "Invalid username or password"})
            access_token = create_access_token(
                data={"sub": user["username"], "role": user["role"]},
                expires_delta=timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES),
            )
            return {"access_token": access_token, "token_type": "bearer"}
        except Exception as e:
            logger.error(f"Login error: {e}")
            return JSONResponse(
                status_code=500,
                content={"error": "An unexpected error has occurred, please check the server log.", "detail": str(e)},
            )

    @bentoml.api
    def predict(self, input_data: AdmissionInput, context: bentoml.Context) -> Any:
        try:
            user = require_admin(context.request.headers.get("authorization", ""))
            return self._make_prediction(input_data, user)
        except ValueError as e:
            if "Admin access required" in str(e):
                raise bentoml.exceptions.BadInput("Admin access required.", error_code=HTTPStatus.FORBIDDEN)
            raise bentoml.exceptions.BadInput(f"Authentication required: {str(e)}", error_code=HTTPStatus.UNAUTHORIZED)
        except Exception as e:
            logger.error(f"Prediction error: {e}")
            raise bentoml.exceptions.InternalServerError("An error occurred while processing the prediction request.")

    @bentoml.api
    def predict_batch(self, input_data: list[AdmissionInput], context: bentoml.Context) -> Any:
        try:
            user = require_admin(context.request.headers.get("authorization", ""))
            predictions = []
            for i, student_data in enumerate(input_data):
                try:
                    predictions.append(self._make_prediction(student_data, user))
                except Exception as e:
                    logger.error(f"Error processing student {i+1}: {e}")
                    predictions.append(AdmissionOutput(
                        chance_of_admit=0.0,
                        confidence_level="Error",
                        recommendation=f"Error processing data: {str(e)}",
                        prediction_timestamp=datetime.now(timezone.utc).isoformat(),
                    ))
            return predictions
        except ValueError as e:
            raise bentoml.exceptions.BadInput(f"Authentication required: {str(e)}", error_code=HTTPStatus.UNAUTHORIZED)
        except Exception as e:
            logger.error(f"Batch prediction error: {e}")
            raise bentoml.exceptions.InternalServerError("An error occurred while processing the batch prediction request.")

    @bentoml.api
    def status(self, context: bentoml.Context) -> Dict[str, Any]:
        user_info = None
        try:
            authorization = context.request.headers.get("authorization", "")
            user_info = require_admin(authorization)["username"] if authorization else None
        except Exception:
            pass  # authentication is optional for the status endpoint
        return {"status": "healthy", "model_tag": str(self.model_ref.tag), "user": user_info}

    @bentoml.api
    def admin_users(self, context: bentoml.Context) -> Dict[str, Any]:
        user = require_admin(context.request.headers.get("authorization", ""))
        logger.info(f"Admin users request from: {user['username']}")
        logger.info(f"DEMO_USERS content: {repr(DEMO_USERS)}")
        return {"users": [{"username": u["username"], "role": u["role"]} for u in DEMO_USERS.values()]}

    def _make_prediction(self, input_data: AdmissionInput, user: Dict[str, Any]) -> AdmissionOutput:
        input_df = pd.DataFrame([{
            "GRE Score": input_data.gre_score, "TOEFL Score": input_data.toefl_score,
            "University Rating": input_data.university_rating, "SOP": input_data.sop,
            "LOR": input_data.lor, "CGPA": input_data.cgpa, "Research": input_data.research,
        }])[FEATURES]
        input_for_prediction = input_df
        try:
            scaler = self.model_ref.custom_objects["scaler"]
            input_for_prediction = pd.DataFrame(scaler.transform(input_df), columns=input_df.columns)
        except Exception as e:
            logger.warning(f"Error applying scaler: {e}, using raw input")
        chance = float(self.model.predict(input_for_prediction)[0])
        return AdmissionOutput(
            chance_of_admit=max(0.0, min(1.0, chance)),
            confidence_level="High" if chance > 0.8 else "Medium",
            recommendation="",
            prediction_timestamp=datetime.now(timezone.utc).isoformat(),
        )
