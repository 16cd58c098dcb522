import numpy as np
import keras
import cv2
import pickle

from layout import apply_layout, get_layout2
from segmentation import get_parts_from_image2

modelI = keras.models.load_model("./models/inferenced.keras")

label_indices = None
with open("label_indices_now.pickle", "rb") as file:
    label_indices = pickle.load(file)


def recognise_parts(imgs, layout_seq, model_pars=None):
    model = modelI if not model_pars else model_pars["model"]
    s = []
    for i in range(len(imgs)):
        imgs[i] = np.array(imgs[i]).reshape(1, 28, 28, 1)
        prediction_scores = model.predict(imgs[i]).squeeze()
        result = np.argmax(prediction_scores, axis=0)
        s.append(label_indices[result].split("/")[-2])
    return apply_layout(s, layout_seq)


def predict_image(img_path, model_pars=None):
    train_data, boxes, orig_img = get_parts_from_image2(img_path, display_img=False)
    layout_seq = get_layout2(boxes)
    return recognise_parts(train_data, layout_seq, model_pars=model_pars)


def make_prediction(img, model_pars=None):
    img_path = "./extracted_images/hellohi.jpg"
    cv2.imwrite(img_path, img)
    ans = predict_image(img_path, model_pars=model_pars)
    return str(ans)
