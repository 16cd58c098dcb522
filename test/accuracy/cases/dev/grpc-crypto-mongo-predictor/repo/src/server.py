import os
from datetime import datetime

import grpc

import predict_pb2
import predict_pb2_grpc
from src.config.connectDb import connect_to_mongodb
from src.config.redis import RedisService
from src.model.aiload import CryptoPricePredictor


class PredictServiceServicer(predict_pb2_grpc.PredictServiceServicer):
    def __init__(self):
        self.api_key = os.getenv("API_KEY")
        self.api_secret = os.getenv("SECRET_KEY")
        self.model_path = './src/model/crypto_price_prediction_model.h5'
        self.crypto_predictor = CryptoPricePredictor(self.model_path, self.api_key, self.api_secret)
        self.db = connect_to_mongodb()
        self.redisService = RedisService()

    def predict(self, request, context):
        try:
            coin_symbols = ['BTCUSDT', 'ETHUSDT', 'BNBUSDT', 'ADAUSDT', 'XRPUSDT']
            predictions = self.crypto_predictor.fetch_and_predict(coin_symbols)
            print(f"Predictions received: {predictions}")
            if predictions is None:
                raise ValueError("Predictions returned by fetch_and_predict are None")
            collection = self.db["aipredict"]
            collection.insert_many(predictions)
            return predict_pb2.Empty()
        except Exception as e:
            print(f"Exception occurred: {e}")
            context.set_details(f"Internal server error: {e}")
            context.set_code(grpc.StatusCode.INTERNAL)
            return predict_pb2.Empty()

    def deleteall(self, request, context):
        try:
            dt_obj = datetime.fromtimestamp(request.timeStamp)
            start_of_day = datetime.combine(dt_obj.date(), datetime.min.time())
            end_of_day = datetime.combine(dt_obj.date(), datetime.max.time())
            result = self.db["aipredict"].delete_many({"created_at": {"$gte": start_of_day, "$lt": end_of_day}})
            print(f"Deleted {result.deleted_count} documents.")
            return predict_pb2.Empty()
        except Exception as e:
            print(f"Exception occurred during deleteall: {e}")
            context.set_details(f"Internal server error: {e}")
            context.set_code(grpc.StatusCode.INTERNAL)
            return predict_pb2.Empty()

    def update(self, request, context):
        try:
            dt_obj = datetime.fromtimestamp(request.timeStamp)
            start_of_day = datetime.combine(dt_obj.date(), datetime.min.time())
            end_of_day = datetime.combine(dt_obj.date(), datetime.max.time())
            documents = self.db["aipredict"].find({"date": {"$gte": start_of_day, "$lt": end_of_day}})
            for doc in documents:
                self.db["aipredict"].update_one(
                    {"_id": doc["_id"]},
                    {"$set": {"actual_price": doc.get("current_price", 0.0), "updated_at": datetime.utcnow()}},
                )
            return predict_pb2.Empty()
        except Exception as e:
            print(f"Exception occurred during update: {e}")
            context.set_details(f"Internal server error: {e}")
            context.set_code(grpc.StatusCode.INTERNAL)
            return predict_pb2.Empty()

    def plot(self, request, context):
        try:
            response = predict_pb2.PredictResponse()
            for doc in self.db["aipredict"].find():
                response.predict.add(
                    symbol=doc.get("symbol", ""),
                    current_price=doc.get("current_price", 0.0),
                    predicted_price=doc.get("predicted_price", 0.0),
                )
            return response
        except Exception as e:
            print(f"Exception occurred during plot: {e}")
            context.set_details(f"Internal server error: {e}")
            context.set_code(grpc.StatusCode.INTERNAL)
            return predict_pb2.PredictResponse()
