import os
from joblib import load
import pandas as pd
from .constants import MODEL_PATH, REQUIRED_MODEL_PARAMS


class FlatPriceHandler:
    """Handles a request and returns a prediction; the input goes through the training pipeline."""
    def __init__(self):
        base_dir = os.path.dirname(os.path.abspath(__file__))
        self.pipeline_model_path = os.path.abspath(os.path.join(base_dir, MODEL_PATH))
        self.pipeline_model = None

        self.required_model_params = REQUIRED_MODEL_PARAMS
        self.num_cols = list(set(self.required_model_params) - set(['has_elevator']))
        self.load_model()

    def load_model(self):
        try:
            self.pipeline_model = load(self.pipeline_model_path)
        except ValueError as e:
            print(f"Failed to load model: {e}")

    def validate_query_params(self, query_params: dict):
        required_params = set(self.required_model_params)
        given_params = set(query_params.keys())
        if required_params <= given_params:
            return True
        else:
            raise ValueError(f"Missing parameters: {required_params - given_params}")

    def keep_training_params(self, user_params):
        selected_keys = [key for key in self.required_model_params if key in user_params]
        data = {key: [user_params[key]] for key in selected_keys}
        df = pd.DataFrame(data, columns=selected_keys)
        return df

    def handle(self, params):
        try:
            self.validate_query_params(params)
        except ValueError as e:
            print(f"Parameters do not correspond to expected.: {e}")
            return {'error': str(e)}

        model_params_df = self.keep_training_params(params)
        model_params_df[self.num_cols] = self.remove_outliers(model_params_df)
        price_prediction = self.pipeline_model.predict(model_params_df)
        y_pred = price_prediction[0]
        response = {'predicted price':y_pred}
        return response

    def remove_outliers(self, df):
        threshold = 1.5
        df_num = df[self.num_cols].copy()
        for col in self.num_cols:
            Q1 = df_num[col].quantile(0.25)
            Q3 = df_num[col].quantile(0.75)
            IQR = Q3 - Q1
            margin = threshold * IQR
            lower = Q1 - margin
            upper = Q3 + margin
            mask = df_num[col].between(lower, upper)
            df_num = df_num[mask]
        return df_num
