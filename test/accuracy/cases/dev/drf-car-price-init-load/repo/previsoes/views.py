from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from .consts import LE_ENCODER_FILE, MLB_TRANSFORMER_FILE, MODEL_FILE, SCALER_FILE, TE_ENCODER_FILE
from .functions import predict_price, preprocess_new_data
from .serializers import CarroSerializer


class PrevisaoApiView(APIView):
    def __init__(self):
        from joblib import load

        try:
            print("[INIT]: loading model . . .")
            self.loaded_model = load(MODEL_FILE)
            print("[INIT]: loading encoders . . .")
            self.te_encoder_loaded = load(TE_ENCODER_FILE)
            self.le_encoder_loaded = load(LE_ENCODER_FILE)
            self.mlb_loaded = load(MLB_TRANSFORMER_FILE)
            self.scaler_loaded = load(SCALER_FILE)
            print("[INIT]: preprocessing files and model loaded.")
        except Exception as e:
            print(f"Error while loading the files: {e}")
            self.loaded_model = None
            self.te_encoder_loaded = None
            self.le_encoder_loaded = None
            self.mlb_loaded = None
            self.scaler_loaded = None

    def post(self, req):
        if self.loaded_model is None or self.scaler_loaded is None or self.mlb_loaded is None:
            return Response(
                {"status": "ERRO", "error": "The model was not loaded correctly."},
                status=status.HTTP_400_BAD_REQUEST,
            )
        api_friendly_data = self._normalizar_json(req.data)
        try:
            serializer = CarroSerializer(data=api_friendly_data)
            serializer.is_valid(raise_exception=True)
            car_data = req.data

            preprocessed_data = preprocess_new_data(
                entry_data=car_data,
                te_encoder=self.te_encoder_loaded,
                le_encoder=self.le_encoder_loaded,
                scaler=self.scaler_loaded,
                mlb=self.mlb_loaded,
            )
            prediction_result = predict_price(data=preprocessed_data, model=self.loaded_model)

            return Response({"sucess": True, "prediction": prediction_result}, status=status.HTTP_200_OK)
        except Exception as erro:
            print("ERRO:")
            print(erro)
            return Response({"erros": self._obter_erros(serializer.errors)}, status=status.HTTP_400_BAD_REQUEST)

    def _normalizar_json(self, data):
        field_mapping = {"Car Make": "Car_Make", "Car Model": "Car_Model", "Fuel Type": "Fuel_Type"}
        return {field_mapping.get(key, key): value for key, value in data.items()}

    def _obter_erros(self, erros):
        return {erro: detalhe[0] for erro, detalhe in erros.items()}
