import cv2
import numpy as np


class YoloModel:
    def __init__(self, path, conf_thres=0.2, iou_thres=0.5):
        self.conf_threshold = conf_thres
        self.iou_threshold = iou_thres
        self.net = cv2.dnn.readNet(path)
        self.input_height = 640
        self.input_width = 640

    def detect(self, src_img):
        img = cv2.resize(cv2.cvtColor(src_img, cv2.COLOR_BGR2RGB), (self.input_width, self.input_height))
        blob = cv2.dnn.blobFromImage(img.astype(np.float32) / 255.0)
        self.net.setInput(blob)
        outputs = self.net.forward(self.net.getUnconnectedOutLayersNames())
        return self.post_process(outputs)

    def post_process(self, preds):
        boxes, confidences = [], []
        for pred in preds:
            boxes.extend(pred[..., :4].reshape(-1, 4).tolist())
            confidences.extend(pred[..., 4].reshape(-1).tolist())
        indices = cv2.dnn.NMSBoxes(boxes, confidences, self.conf_threshold, self.iou_threshold)
        if len(indices) > 0:
            return [boxes[i] for i in np.array(indices).flatten()]
        else:
            print("nothing detect")
            return []

    def draw_detections(self, image, boxes):
        for x, y, w, h in boxes:
            cv2.rectangle(image, (int(x), int(y)), (int(x + w), int(y + h)), (0, 255, 255), thickness=3)
        return image

    def predict(self, image_path, result_path):
        srcimg = cv2.imread(image_path)

        boxes = self.detect(srcimg)

        dstimg = self.draw_detections(srcimg, boxes)

        cv2.imwrite(f"{result_path}/{image_path.split('/')[-1]}", dstimg)
