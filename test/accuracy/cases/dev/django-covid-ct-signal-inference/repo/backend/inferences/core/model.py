import logging
import os

import numpy as np
import SimpleITK as sitk
from lungmask import mask as msk
from tensorflow import keras

logger = logging.getLogger('backend')

MODEL_PATH = f'{os.getcwd()}/inferences/core/h5s/model.h5'
WEIGHTS_0_PATH = f'{os.getcwd()}/inferences/core/h5s/weight_0.h5'
WEIGHTS_1_PATH = f'{os.getcwd()}/inferences/core/h5s/weight_1.h5'

BATCH_SIZE = 8


class COVIDSegmentationModel:
    def __init__(self) -> None:
        logger.info('Initializing the COVID segmentation model...')
        try:
            self.batch_size = BATCH_SIZE
            self.msk = msk
            self.model = keras.models.load_model(MODEL_PATH)
            logger.info('COVID segmentation model initialized!')
        except Exception as e:
            message = ('Failed to initialize the COVID segmentation model. '
                       f'Reason: {str(e)}.')
            logger.error(message)
            raise Exception(message)

    def run(self, directory_path, result_path):
        series_IDs = self.__extract_series_ids(directory_path=directory_path)
        image3D = self.__read(directory_path, series_IDs)
        infec_segmentation = self.__run_model_0(image3D)
        return np.round(infec_segmentation.mean() * 100, 1)

    def __run_model_0(self, image3D):
        logger.info('Running model_0...')
        try:
            self.model.load_weights(WEIGHTS_0_PATH)
            infec_segmentation = self.model.predict(image3D, batch_size=self.batch_size, workers=16)[:, :, :, 0]
            logger.info('Model_0 run complete!')
            return infec_segmentation
        except Exception as e:
            message = (f'Failed to run model_0. Reason: {str(e)}.')
            logger.error(message)

    @staticmethod
    def __extract_series_ids(directory_path):
        logger.info('Extracting series IDs...')
        try:
            series_IDs = sitk.ImageSeriesReader.GetGDCMSeriesIDs(directory_path)
            logger.info('Series IDs extracted!')
            return series_IDs
        except Exception as e:
            message = (f'Failed to extract series IDs. Reason: {str(e)}.')
            logger.error(message)

    @staticmethod
    def __read(directory_path, series_IDs):
        reader = sitk.ImageSeriesReader()
        reader.SetFileNames(sitk.ImageSeriesReader.GetGDCMSeriesFileNames(directory_path, series_IDs[0]))
        return sitk.GetArrayFromImage(reader.Execute())
