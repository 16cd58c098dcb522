import logging
from typing import Dict, List, Optional, Tuple

import requests
import torch
from PIL import Image
from torchvision import models, transforms

from src.config import Config

logger = logging.getLogger(__name__)


class ModelLoader:
    def __init__(self, model_name: str = "resnet50", device: str = "cpu"):
        self.config = Config()
        self.model_name = model_name
        self.device = device
        self.model = None
        self.transform = None
        self.class_labels = None

    def load(self) -> None:
        if self.model_name == "resnet50":
            self.model = models.resnet50(weights=models.ResNet50_Weights.DEFAULT)
        elif self.model_name == "mobilenet_v2":
            self.model = models.mobilenet_v2(weights=models.MobileNet_V2_Weights.DEFAULT)
        else:
            raise ValueError(f"Unsupported model name: {self.model_name}")
        self.model = self.model.to(self.device)
        self.model.eval()
        self.transform = transforms.Compose(
            [
                transforms.Resize(256),
                transforms.CenterCrop(224),
                transforms.ToTensor(),
                transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
            ]
        )
        self.class_labels = self._load_image_labels()
        logger.info(f"Model {self.model_name} loaded successfully on {self.device}")

    def _load_image_labels(self) -> Dict[int, str]:
        try:
            url = "https://raw.githubusercontent.com/pytorch/hub/master/imagenet_classes.txt"
            response = requests.get(url, timeout=100)
            response.raise_for_status()
            labels = response.text.strip().split("\n")
            return {i: label for i, label in enumerate(labels)}
        except Exception as e:
            logger.error(f"Failed to load ImageNet labels: {e}")
            raise RuntimeError("Could not load class labels")

    def preprocess(self, image: Image.Image) -> torch.Tensor:
        if image is None:
            raise ValueError("Input image is None")
        if image.mode != "RGB":
            image = image.convert("RGB")
        return self.transform(image).unsqueeze(0).to(self.device)

    def predict(self, image: Image.Image, top_k: int = 5) -> List[Dict[str, object]]:
        if self.model is None:
            raise RuntimeError("Model is not loaded. Call load() before predict().")
        tensor = self.preprocess(image)
        with torch.no_grad():
            outputs = self.model(tensor)
        probabilities = torch.nn.functional.softmax(outputs[0], dim=0)
        top_probs, top_indices = torch.topk(probabilities, top_k)
        return [
            {"class": self.class_labels[idx.item()], "rank": rank, "confidence": float(prob.item())}
            for rank, (prob, idx) in enumerate(zip(top_probs, top_indices), start=1)
        ]

    def validate_image(self, image: Image.Image) -> Tuple[bool, Optional[str]]:
        if image is None:
            return False, "Image is None"
        width, height = image.size
        max_dim = self.config.MAX_IMAGE_DIMENSION
        print("max_dim: ", max_dim)
        if width > max_dim or height > max_dim:
            return False, f"Image dimensions too large: {width}x{height}"
        return True, None
