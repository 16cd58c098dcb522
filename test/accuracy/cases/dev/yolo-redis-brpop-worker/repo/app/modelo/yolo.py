from ultralytics import YOLO

# fine-tuned YOLOv8 weights shipped with the image
model_product = YOLO("./models/products_model.pt")
model_gap = YOLO("./models/gap_model.pt")


def predict_product(img_path):
    results = model_product(img_path, classes=[0, 1], conf=0.3)
    res = results[0]
    return res.boxes.xyxyn.tolist()


def predict_gap(img_path):
    results = model_gap(img_path, classes=[0, 1], conf=0.2)
    res = results[0]
    return res.boxes.xyxyn.tolist()
