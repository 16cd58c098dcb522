"""Hosts an MLModel object in a gRPC endpoint."""
import logging

from google.protobuf.json_format import MessageToDict

import model_service_pb2
from model_grpc_service.model_manager import ModelManager

logger = logging.getLogger(__name__)


class MLModelgRPCEndpoint(object):
    """A gRPC endpoint for one MLModel."""

    def __init__(self, model_qualified_name):
        model_manager = ModelManager()
        self._model = model_manager.get_model(model_qualified_name)
        if self._model is None:
            raise ValueError("'{}' not found in ModelManager instance.".format(model_qualified_name))
        logger.info("Initializing endpoint for model: {}".format(self._model.qualified_name))

    def __call__(self, request, context):
        """Make predictions with protocol buffers."""
        # the model's input schema rejects data it cannot accept
        data = MessageToDict(request, preserving_proto_field_name=True)

        prediction = self._model.predict(data=data)

        output_protobuf = MLModelgRPCEndpoint._get_protobuf("{}_output".format(self._model.qualified_name))
        # fails if the model output cannot be mapped to the protobuf
        response = output_protobuf(**prediction)
        return response

    @staticmethod
    def _get_protobuf(protobuf_name):
        return getattr(model_service_pb2, protobuf_name)
