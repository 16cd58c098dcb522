import os
import pickle
import pandas as pd
from models import Model
from sqlalchemy import create_engine

import grpc
import grpc_pb2
import grpc_pb2_grpc

CONN_STRING = f"postgresql+psycopg2://{os.environ['POSTGRES_USER']}:{os.environ['POSTGRES_PASSWORD']}@{os.environ['POSTGRES_HOST']}:5432/wine"


class ModelHandler(grpc_pb2_grpc.ModelServicer):
    def ModelAdd(self, request, context):
        try:
            params = eval(request.params)
        except Exception as e:
            return grpc_pb2.ModelSimpleResponse(status=grpc_pb2.ModelMessageType.Value("Failed"), message="'params' must be a valid dict")
        try:
            model = Model(model_type=grpc_pb2.ModelType.Name(request.type), model_args=params)
        except Exception as e:
            return grpc_pb2.ModelSimpleResponse(status=grpc_pb2.ModelMessageType.Value("Failed"), message=getattr(e, "message", repr(e)))
        return grpc_pb2.ModelSimpleResponse(status=grpc_pb2.ModelMessageType.Value("OK"), message="Model created!")

    def ModelRemove(self, request, context):
        engine = create_engine(CONN_STRING)
        engine.execute(f"""DELETE FROM public.models WHERE "modelName" = '{request.name}';""")
        engine.dispose()
        return grpc_pb2.ModelSimpleResponse(status=grpc_pb2.ModelMessageType.Value("OK"), message="Model removed!")

    def ModelPredict(self, request, context):
        features = {"alcohol": request.alcohol, "density": request.density, "pH": request.pH}
        try:
            engine = create_engine(CONN_STRING)
            raw = engine.execute(f"""SELECT weights FROM public.models WHERE "modelName" = '{request.name}';""").fetchone()
            engine.dispose()
            model = pickle.loads(raw[0])
            return grpc_pb2.ModelPredictResponse(result=model.predict(features))
        except Exception as e:
            return grpc_pb2.ModelSimpleResponse(status=grpc_pb2.ModelMessageType.Value("Failed"), message=getattr(e, "message", repr(e)))
