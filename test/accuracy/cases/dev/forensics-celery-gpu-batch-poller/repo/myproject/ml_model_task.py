"""Celery task for making ML Model predictions."""
from celery import Task

from forensics.cropping import CroppingModel
from forensics.manipulation import ManipulationModel
from django.conf import settings


class CroppingModelPredictionTask(Task):
    """Celery Task for making ML Model predictions."""

    def __init__(self):
        super().__init__()
        self._model = None
        self.name = "cropping"

    def initialize(self):
        model_object = CroppingModel(settings.CROPPING_MODEL)
        self._model = model_object

    def run(self, img_id, img):
        if self._model is None:
            self.initialize()
        return self._model.medical_bounding_boxes(img_id, img)


class ManipulationTask(Task):
    """Celery Task for making ML Model predictions."""

    def __init__(self):
        super().__init__()
        self._model = None
        self.name = "manipulation"

    def initialize(self):
        model_object = ManipulationModel(settings.MANIPULATION_MODEL)
        self._model = model_object

    def run(self, img_id, img):
        if self._model is None:
            self.initialize()
        return self._model.visualize(img_id, img)
