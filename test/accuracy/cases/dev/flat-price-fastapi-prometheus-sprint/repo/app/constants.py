
MODEL_PATH = '../models/pipeline_model.joblib'
REQUIRED_MODEL_PARAMS = [
            'floor', 'kitchen_area', 'total_area', 'build_year',
            'building_type_int', 'latitude', 'longitude', 'ceiling_height', 'flats_count', 'floors_total',
            'has_elevator'
        ]
