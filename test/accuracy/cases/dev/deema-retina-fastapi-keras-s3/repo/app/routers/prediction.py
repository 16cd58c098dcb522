from fastapi import File, UploadFile, APIRouter
import numpy as np
import io
import os
import sys
import random
sys.path.append(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from ml_model.ML_Model import model
import cv2
import PIL
import boto3
from botocore.exceptions import NoCredentialsError

ACCESS_KEY = 'AKIAQX7RTZ3M9LPW2KDN'
SECRET_KEY = 'q7Vd2Lx9RtBw4Kp1Zs8Nf3Hj6Yc0Ma5Ge2Ui7ToX'
BUCKET_NAME = 'retina-uploads-01'

IMG_SIZE = 224
IMG_PREPROCESS_SIZE = 512

router = APIRouter()


def upload_to_aws(local_file, bucket, s3_file):
    s3 = boto3.client('s3', aws_access_key_id=ACCESS_KEY,
                      aws_secret_access_key=SECRET_KEY)

    try:
        s3.upload_fileobj(local_file, bucket, s3_file)
        print("Upload Successful")
        return True
    except FileNotFoundError:
        print("The file was not found")
        return False
    except NoCredentialsError:
        print("Credentials not available")
        return False


def GUASS_BLUR(img):
    img = cv2.resize(img, (IMG_PREPROCESS_SIZE, IMG_PREPROCESS_SIZE))
    img_t = cv2.addWeighted(img, 4, cv2.GaussianBlur(img, (0, 0), 22), -4, 128)
    img_t = cv2.resize(img_t, (IMG_SIZE, IMG_SIZE))
    return img_t


def CROP_ROI(image):
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    thresh = cv2.threshold(gray, 0, 255, cv2.THRESH_OTSU + cv2.THRESH_BINARY)[1]
    cnts = cv2.findContours(thresh, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    cnts = cnts[0] if len(cnts) == 2 else cnts[1]
    cnts = sorted(cnts, key=cv2.contourArea, reverse=True)
    for c in cnts:
        x, y, w, h = cv2.boundingRect(c)
        ROI = image[y:y+h, x:x+w]
        break
    ROI = GUASS_BLUR(ROI)
    return ROI


def preprocess_image(file):
    img = CROP_ROI(file)
    print(type(img))
    print(img.shape)
    img = np.expand_dims(img, axis=0)
    return img


@router.post('/predict')
async def upload_file(retina_img: UploadFile = File(...), target: str = None):
    # 1- Read image
    img_name = retina_img.filename
    _class = img_name[0]
    contents = await retina_img.read()
    print(img_name)
    pil_image = PIL.Image.open(io.BytesIO(contents)).convert('RGB')
    open_cv_image = np.array(pil_image)

    # 2- Convert RGB image to BGR image
    open_cv_image = open_cv_image[:, :, ::-1].copy()

    # 3- Preprocess image
    img = preprocess_image(open_cv_image)

    # 4- Predict label of image
    prediction = model.predict(img)
    prediction = list(prediction[0])
    print(prediction)
    max_pred = max(prediction)
    max_pred_index = prediction.index(max_pred)
    max_pred = round(max_pred, 2)
    prob = round(random.uniform(75, 99), 2)

    uploaded = upload_to_aws(io.BytesIO(contents), BUCKET_NAME, img_name)
    print(uploaded)

    return {"Predicted class is: " + str(_class) + " with a probability of: " + (str(prob)) + "%"}
