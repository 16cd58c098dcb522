"""Unified churn prediction service, used in-process by the Streamlit app on a single Heroku dyno."""

import logging
import os
import pickle
from datetime import datetime
from typing import Dict

import pandas as pd

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


class ChurnPredictor:
    def __init__(self, models_dir: str = None):
        if models_dir is None:
            for path in ["models", "/app/models", os.path.join(os.getcwd(), "models")]:
                if os.path.exists(path):
                    models_dir = path
                    break
            if models_dir is None:
                raise Exception("Could not find models directory")
        self.models_dir = models_dir
        self._load_model_components()

    def _load_model_components(self):
        try:
            with open(os.path.join(self.models_dir, "churn_prediction_model.pkl"), "rb") as f:
                self.model = pickle.load(f)
            with open(os.path.join(self.models_dir, "feature_scaler.pkl"), "rb") as f:
                self.scaler = pickle.load(f)
            with open(os.path.join(self.models_dir, "label_encoders.pkl"), "rb") as f:
                self.label_encoders = pickle.load(f)
            with open(os.path.join(self.models_dir, "model_features.pkl"), "rb") as f:
                self.model_features = pickle.load(f)
            logger.info("Model ready")
        except Exception as e:
            logger.error(f"Error loading model components: {str(e)}")
            raise Exception(f"Failed to load model components: {str(e)}")

    def _validate_input_data(self, data: Dict) -> Dict:
        required_fields = ["gender", "SeniorCitizen", "Partner", "Dependents", "tenure", "MonthlyCharges", "TotalCharges"]
        missing_fields = [field for field in required_fields if field not in data]
        if missing_fields:
            raise ValueError(f"Missing required fields: {missing_fields}")

        cleaned_data = data.copy()
        for field in ["tenure", "MonthlyCharges", "TotalCharges", "SeniorCitizen"]:
            try:
                cleaned_data[field] = float(cleaned_data[field])
            except (ValueError, TypeError):
                cleaned_data[field] = 0.0
        return cleaned_data

    def _preprocess_data(self, data: Dict) -> pd.DataFrame:
        df = pd.DataFrame([data])
        df_processed = df.copy()

        for original_col in ["gender", "Partner", "Dependents", "Contract"]:
            encoder = self.label_encoders[original_col]
            try:
                df_processed[original_col + "_encoded"] = encoder.transform(df[original_col])
            except ValueError:
                logger.warning(f"Unseen category in {original_col}. Using most frequent category.")
                df_processed[original_col + "_encoded"] = encoder.transform([encoder.classes_[0]])

        if df["Partner"].iloc[0] == "No" and df["Dependents"].iloc[0] == "No":
            life_stage = "Single"
        elif df["Partner"].iloc[0] == "Yes" and df["Dependents"].iloc[0] == "No":
            life_stage = "Couple"
        else:
            life_stage = "Family"
        try:
            df_processed["LifeStage_encoded"] = self.label_encoders["LifeStage"].transform([life_stage])
        except Exception:
            df_processed["LifeStage_encoded"] = 0

        tenure = df["tenure"].iloc[0]
        tenure_cat = "Short-term" if tenure <= 12 else ("Medium-term" if tenure <= 36 else "Long-term")
        try:
            df_processed["TenureCategory_encoded"] = self.label_encoders["TenureCategory"].transform([tenure_cat])
        except Exception:
            df_processed["TenureCategory_encoded"] = 0

        for feature in self.model_features:
            if feature not in df_processed.columns:
                logger.warning(f"Missing feature: {feature}, setting to 0")
                df_processed[feature] = 0

        df_final = df_processed[self.model_features].copy()
        numerical_features = list(self.scaler.feature_names_in_)
        df_final[numerical_features] = self.scaler.transform(df_final[numerical_features])
        return df_final

    def predict_single(self, customer_data: Dict) -> Dict:
        try:
            validated_data = self._validate_input_data(customer_data)
            processed_data = self._preprocess_data(validated_data)
            churn_probability = float(self.model.predict_proba(processed_data)[0][1])
            return {
                "prediction": int(churn_probability > 0.535),
                "churn_probability": round(churn_probability, 4),
                "prediction_date": datetime.now().isoformat(),
            }
        except Exception as e:
            logger.error(f"Prediction error: {str(e)}")
            raise Exception(f"Prediction failed: {str(e)}")
