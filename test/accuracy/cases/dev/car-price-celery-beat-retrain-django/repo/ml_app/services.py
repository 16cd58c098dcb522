from datetime import datetime

import numpy as np
import pandas as pd
import joblib

from .constants import ONE_HOT_ENCODED_COLUMNS
from .exceptions import PredictionException
from .forms import UsedCarForm
from .utils import process_name


class GetPredictions:
    """
    Process data from request object and return prediction
    """

    def __init__(self, request):
        self.data = request.data

    def validate(self, data):
        form = UsedCarForm(data)

        if form.is_valid():
            data = form.cleaned_data
            date, data = self.preprocess(data)
            return {'date': date, 'data': data}
        else:
            return {'errors': form.errors}

    def preprocess(self, data):
        data_dict = {k: [0] for k in ONE_HOT_ENCODED_COLUMNS}
        date = data.pop('price_date')
        brand, model, _ = process_name(data.pop('name'))
        data_dict[f'Brand_{brand.lower()}'] = [1]
        data_dict[f'Model_{model.lower()}'] = [1]
        data_dict[f'Location_{data.pop("location")}'] = [1]
        data_dict[f'Fuel_Type_{data.pop("fuel_type")}'] = [1]
        data_dict['Kilometers_Driven'] = [data.pop('km_driven')]
        for key in data.keys():
            data_dict[key.capitalize()] = [data[key]]
        return date, data_dict

    def get_model(self, date):
        try:
            model = joblib.load(f'./models/{date.year}_{date.month}_{date.day}.pkl')
        except FileNotFoundError:
            raise PredictionException

        return model

    def predict(self):
        resp = self.validate(self.data)

        if resp.get('errors') is not None:
            return resp

        date = resp.get('date')
        date = datetime.strptime(date)

        try:
            lr = self.get_model(date)
        except PredictionException:
            return {'errors': f'no price prediction was gotten for {date.strftime("%Y/%d/%m")}'}

        X = pd.DataFrame.from_dict(resp.get('data'))
        y_pred_log = lr.predict(X)
        y_pred = np.expm1(y_pred_log)
        return {'prediction': y_pred.round(2)}
