"""gRPC service that hosts MLModel classes."""
import logging
import os
import time
from concurrent import futures

import grpc

import model_service_pb2_grpc
from model_service_pb2 import model, model_collection
from model_grpc_service.config import Config
from model_grpc_service.ml_model_grpc_endpoint import MLModelgRPCEndpoint
from model_grpc_service.model_manager import ModelManager

logging.basicConfig(level=logging.INFO)

_ONE_DAY_IN_SECONDS = 60 * 60 * 24


class ModelgRPCServiceServicer(model_service_pb2_grpc.ModelgRPCServiceServicer):
    """Implements the Model gRPC Service."""

    def __init__(self):
        self.model_manager = ModelManager()
        self.model_manager.load_models(configuration=Config.models)
        for m in self.model_manager.get_models():
            endpoint = MLModelgRPCEndpoint(model_qualified_name=m["qualified_name"])
            setattr(self, "{}_predict".format(m["qualified_name"]), endpoint)

    def get_models(self, request, context):
        """Return the list of models hosted in this service."""
        models = []
        for m in self.model_manager.get_models():
            models.append(model(qualified_name=m["qualified_name"],
                                display_name=m["display_name"],
                                major_version=m["major_version"],
                                minor_version=m["minor_version"],
                                predict_operation="{}_predict".format(m["qualified_name"])))
        response_models = model_collection()
        response_models.models.extend(models)
        return response_models


def serve():
    """Start the model service."""
    configuration = getattr(__import__("model_grpc_service").config, os.environ["APP_SETTINGS"])

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    model_service_pb2_grpc.add_ModelgRPCServiceServicer_to_server(ModelgRPCServiceServicer(), server)
    server.add_insecure_port(configuration.service_port)
    server.start()
    try:
        while True:
            time.sleep(_ONE_DAY_IN_SECONDS)
    except KeyboardInterrupt:
        server.stop(0)


if __name__ == '__main__':
    serve()
