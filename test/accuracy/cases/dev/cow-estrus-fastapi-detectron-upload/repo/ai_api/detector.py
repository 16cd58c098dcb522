from detectron2.config import get_cfg
from detectron2 import model_zoo
from detectron2.utils.visualizer import Visualizer, ColorMode
from detectron2.engine import DefaultPredictor
from detectron2.data import MetadataCatalog
import cv2
import matplotlib.pyplot as plt
import os


class CowBehaviorDetector:
    def __init__(self, model_path: str, score_threshold: float = 0.7, device: str = "cpu", save_dir: str = "./static/pred_image"):
        self.save_dir = save_dir
        self.categories = ["standing", "lying", "eating", "head shaking", "tailing", "sitting", "mounting"]
        MetadataCatalog.get("cow_polygon_val").set(thing_classes=self.categories)

        self.cfg = get_cfg()
        self.cfg.merge_from_file(model_zoo.get_config_file("COCO-Detection/faster_rcnn_R_50_FPN_3x.yaml"))
        self.cfg.MODEL.WEIGHTS = os.path.join(model_path)
        self.cfg.MODEL.ROI_HEADS.SCORE_THRESH_TEST = score_threshold
        self.cfg.MODEL.ROI_HEADS.NUM_CLASSES = len(self.categories)
        self.cfg.MODEL.DEVICE = device
        self.predictor = DefaultPredictor(self.cfg)

    def _save_image(self, visualizer, image_name):
        save_path = os.path.join(self.save_dir, f"{image_name}.jpg")
        plt.figure(figsize=(10, 10))
        plt.imshow(visualizer.get_image()[:, :, ::-1])
        plt.axis("off")
        plt.savefig(save_path, bbox_inches='tight')

    def predict(self, image_path: str, image_name: str):
        try:
            image = cv2.imread(image_path)
            if image is None:
                raise ValueError(f"Image at path {image_path} could not be loaded.")

            outputs = self.predictor(image)
            instances = outputs["instances"].to("cpu")
            metadata = MetadataCatalog.get("cow_polygon_val")

            visualizer = Visualizer(image[:, :, ::-1], metadata=metadata, scale=1.2, instance_mode=ColorMode.IMAGE_BW)
            visualizer = visualizer.draw_instance_predictions(instances)
            self._save_image(visualizer, image_name)

            return {
                "boxes": instances.pred_boxes.tensor.numpy().tolist(),
                "scores": instances.scores.numpy().tolist(),
                "classes": [metadata.thing_classes[i] for i in instances.pred_classes],
            }
        except Exception as e:
            print(f"Error during prediction: {e}")
            return None
