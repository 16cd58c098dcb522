from PIL import Image
from mtcnn.mtcnn import MTCNN
import numpy as np
from keras.models import load_model
from keras import backend as K


class Model:

    def __init__(self):
        self.faceDetectorModel = MTCNN()
        self.faceRecognizierModel = load_model('app/face-recognition')

    def extractFace(self, pixels, required_size=(224, 224)):
        results = self.faceDetectorModel.detect_faces(pixels)
        # the bounding box of the first face
        x1, y1, width, height = results[0]['box']
        x2, y2 = x1 + width, y1 + height
        face = pixels[y1:y2, x1:x2]
        image = Image.fromarray(face)
        image = image.resize(required_size)
        return np.asarray(image)

    def getEmbedding(self, img):
        face = [self.extractFace(f) for f in img]
        sample = np.asarray(face, 'float32')
        samples = self.preprocess_input(sample, version=2)
        return self.faceRecognizierModel.predict(samples)

    def readImage(self, image):
        img = Image.open(image)
        return np.array(img)

    def run_model(self, img):
        image = self.readImage(img)
        return self.getEmbedding([image])

    def preprocess_input(self, x, data_format=None, version=1):
        x_temp = np.copy(x)
        if data_format is None:
            data_format = K.image_data_format()
        if version == 2:
            x_temp = x_temp[..., ::-1]
            x_temp[..., 0] -= 91.4953
            x_temp[..., 1] -= 103.8827
            x_temp[..., 2] -= 131.0912
        else:
            raise NotImplementedError
        return x_temp
