"""
gRPC server implementation
"""

from models.model_manager import MODEL_MANAGER
from server.grpc.proto import model_service_pb2, model_service_pb2_grpc


class ModelService(model_service_pb2_grpc.ModelServiceServicer):
    def list_models(self, request, context):
        return model_service_pb2.ModelList(
            models={"linear": model_service_pb2.ModelSpec(parameters=["coef_", "intercept_"])}
        )

    def train_model(self, request, context):
        features = [dict(f.features) for f in request.features]
        targets = list(request.targets)

        try:
            model_id = MODEL_MANAGER.train_and_save_model(
                model_type=request.type,
                X_train=features,
                y_train=targets,
                model_params=request.parameters,
            )
            return model_service_pb2.TrainResponse(status="success", model_id=model_id)
        except Exception as exc:
            return model_service_pb2.TrainResponse(status=str(exc), model_id=None)
