import cv2 as cv
import numpy as np
from scipy import ndimage, io
from predict import predictor
import base64


def convert_image_to_mat(image64):
    # select image
    decode = base64.b64decode(image64)
    nparr = np.fromstring(decode, np.uint8)
    image = cv.imdecode(nparr, cv.IMREAD_GRAYSCALE)

    # use blurring and thresholding to transform the image into a binary one
    blurred_image = cv.GaussianBlur(image, (3, 3), 0)
    blurred_image = cv.medianBlur(blurred_image, 3)
    binary_image = cv.adaptiveThreshold(blurred_image, 255, cv.ADAPTIVE_THRESH_GAUSSIAN_C, cv.THRESH_BINARY_INV, 101, 50)

    structure = np.ones((3, 3), np.uint8)
    labeled_image, nb = ndimage.label(binary_image, structure=structure)

    curve_indices, curve_lengths = [], []
    for i in range(1, np.amax(labeled_image) + 1):
        sl = ndimage.find_objects(labeled_image == i)
        img = binary_image[sl[0]]
        if img.shape[1] > 200 and img.shape[0] > 80:
            curve_indices.append(i)
            curve_lengths.append(img.shape[1])

    sl = ndimage.find_objects(labeled_image == curve_indices[curve_lengths.index(max(curve_lengths))])
    curve = binary_image[sl[0]]

    ys = []
    width = curve.shape[0]
    for j in range(curve.shape[1]):
        for k in range(width - 1, -1, -1):
            if curve[k][j] == 255:
                ys.append(width - k)
                break

    io.savemat('predict/matlab_file.mat', {'val': ys})

def main(image64):
    convert_image_to_mat(image64)
    return predictor.start_predict()
