import json

from ultralytics import YOLO


def getPredict(img):
    model = YOLO("best.pt")
    results = model.predict(img, imgsz=640)

    predictions = []
    for r in results:
        for c in r.boxes.cls:
            predictions.append(model.names[int(c)])

    counts = {}
    for name in sorted(predictions):
        counts[name] = counts.get(name, 0) + 1
    return json.dumps(counts)
