"""Flask app that provides endpoints to detect objects in an image."""

from imageai.Detection import ObjectDetection
from imageai.Classification import ImageClassification
import os
import numpy as np
import cv2
from flask import Flask, request, jsonify, Response, abort
import logging
from waitress import serve

app = Flask(__name__)

logger = logging.getLogger('waitress')

execution_path = os.getcwd()

# boolean value of the str environment variable
OBJECT_DETECTION_ENABLED = (os.getenv('OBJECT_DETECTION_ENABLED', 'false') == 'true')
IMAGE_CLASSIFICATION_ENABLED = (os.getenv('IMAGE_CLASSIFICATION_ENABLED', 'false') == 'true')


def image_to_np(image_file):
    """Convert an image file to a numpy array."""
    return cv2.imdecode(np.frombuffer(image_file.read(), dtype=np.uint8), -1)


def setup_detector():
    """Set up the detector with the model named by OBJECT_DETECTION_MODEL (yolo, tiny_yolo, retina)."""
    detector = ObjectDetection()
    model = os.getenv('OBJECT_DETECTION_MODEL')
    if model == "yolo":
        detector.setModelTypeAsYOLOv3()
        detector.setModelPath(os.path.join(execution_path, "models/detect/yolo.h5"))
    if model == "tiny_yolo":
        detector.setModelTypeAsTinyYOLOv3()
        detector.setModelPath(os.path.join(execution_path, "models/detect/yolo-tiny.h5"))
    if model == "retina":
        detector.setModelTypeAsRetinaNet()
        detector.setModelPath(os.path.join(execution_path, "models/detect/resnet50_coco_best_v2.1.0.h5"))
    detector.loadModel()
    return detector


def setup_prediction():
    """Set up the classifier named by IMAGE_CLASSIFICATION_MODEL (mobilenet, resnet)."""
    prediction = ImageClassification()
    model = os.getenv('IMAGE_CLASSIFICATION_MODEL')
    if model == "mobilenet":
        prediction.setModelTypeAsMobileNetV2()
        prediction.setModelPath(os.path.join(execution_path, "models/classify/mobilenet_v2.h5"))
    if model == "resnet":
        prediction.setModelTypeAsResNet()
        prediction.setModelPath(os.path.join(execution_path, "models/classify/resnet50_imagenet_tf.2.0.h5"))
    prediction.loadModel()
    return prediction


if OBJECT_DETECTION_ENABLED:
    detector = setup_detector()

if IMAGE_CLASSIFICATION_ENABLED:
    prediction = setup_prediction()


@app.route('/detect-objects', methods=['POST'])
def detect_objects():
    """Run object detection on the posted image and return objects and scores."""
    if not OBJECT_DETECTION_ENABLED:
        abort(403, description="Object detection is not enabled.")

    image_file = request.files['image']
    try:
        image_np = image_to_np(image_file)
        _, detections = detector \
            .detectObjectsFromImage(input_type='array',
                                    input_image=image_np,
                                    minimum_percentage_probability=30,
                                    output_type='array')
    except ValueError as e:
        logger.warning(e)
        return Response("Error processing the image.", status=500)
    return jsonify(detections)


@app.route('/classify-image', methods=['POST'])
def classify_image():
    """Run image classification on the posted image and return classes and scores."""
    if not IMAGE_CLASSIFICATION_ENABLED:
        abort(403, description="Image classification is not enabled.")

    image_file = request.files['image']

    try:
        image_np = image_to_np(image_file)
        predictions, probabilities = prediction.classifyImage(
            input_type='array', image_input=image_np, result_count=10)
        zipped_results = list(zip(predictions, probabilities))
    except ValueError as e:
        logger.warning(e)
        return Response("Error processing the image.", status=500)
    return jsonify(zipped_results)


@app.route('/health')
def health_check():
    """Health check: HTTP 200 if the service is reachable."""
    return Response(status=200)


def get_app():
    """Return the app, for testing."""
    return app


if __name__ == "__main__":
    serve(app, host='0.0.0.0', port=5001)
