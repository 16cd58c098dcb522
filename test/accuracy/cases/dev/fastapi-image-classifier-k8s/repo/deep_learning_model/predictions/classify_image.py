import os

import torch
import torchvision.transforms as transforms

from deep_learning_model.training.models import Classifier
from deep_learning_model.training.config import CLASSES, MODEL_NAME


def prediction(image):
    classifier = Classifier()
    model_path = os.path.join(os.path.dirname(os.path.realpath(__file__)), MODEL_NAME)
    classifier.load_state_dict(torch.load(model_path, map_location=torch.device('cpu')))

    transform = transforms.Compose(
        [transforms.Resize((224, 224)),
         transforms.ToTensor(),
         transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
    image = transform(image).unsqueeze(0)

    output = classifier(image)
    class_idx = torch.argmax(output, dim=1)

    return CLASSES[class_idx]
