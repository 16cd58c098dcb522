from datetime import datetime, timedelta
from typing import List

import numpy as np
from sqlalchemy import desc
from tensorflow.keras.models import load_model
from tensorflow.keras.optimizers import Adam

from app.models import StationWave


class PredictionHandler:
    def __init__(self, redis, db):
        self.P_THRESHOLD = 0.5
        self.DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"

        custom_objects = {'Custom>Adam': Adam}

        self.p_model = load_model("models/model_p_2_1_best.h5", custom_objects=custom_objects)
        self.mag_model = load_model("models/model_mag_1.h5", custom_objects=custom_objects)
        self.dist_model = load_model("models/model_dist_1.h5", custom_objects=custom_objects)

        self.redis = redis
        self.db = db

    def __get_station_wave(self, station_code: str, wave_type: str):
        station_wave = StationWave.query.filter_by(
            station_code=station_code,
            type=wave_type,
        ).order_by(desc(StationWave.id)).first()

        if not station_wave:
            station_wave = StationWave(station_code=station_code, type=wave_type)
            self.db.session.add(station_wave)
            self.db.session.commit()

        return station_wave

    def predict(self, x: List[float], start_time: str, station_code: str):
        station_primary_wave = self.__get_station_wave(station_code, "primary")

        start_time = datetime.strptime(start_time, self.DATETIME_FORMAT)

        X = np.array(x)
        predicted_p_wave = self.p_model.predict(X)
        detected = bool((predicted_p_wave > self.P_THRESHOLD).any())

        return {
            "station_code": station_code,
            "p_arr": detected,
            "p_arr_time": start_time.strftime(self.DATETIME_FORMAT),
            "last_wave_id": station_primary_wave.id,
        }

    def predict_stats(self, x: List[float], station_code: str):
        X = np.array([x])
        magnitude = float(self.mag_model.predict(X)[0][0])
        distance = float(self.dist_model.predict(X)[0][0])

        return {
            "station_code": station_code,
            "magnitude": magnitude,
            "depth": 0.0,
            "distance": distance,
        }
