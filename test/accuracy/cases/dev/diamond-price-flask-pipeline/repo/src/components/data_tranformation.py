from sklearn.impute import SimpleImputer
import pandas as pd
import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.preprocessing import OrdinalEncoder
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline

import sys
import os
from dataclasses import dataclass

from src.logger import logging
from src.exception import Custum_exception
from src.utils import save_object


@dataclass
class Datatranformationconfig:
    preprocessor_obj_file_path = os.path.join('artifacts','preprocessor.pkl')


class DataTransformation:
    def __init__(self):
        self.data_transformation_config = Datatranformationconfig()

    def get_data_transformation_object(self):
        try:
            categorical_cols = ['cut', 'color','clarity']
            numerical_cols = ['carat', 'depth','table', 'x', 'y', 'z']

            cut_categories = ['Fair', 'Good', 'Very Good','Premium','Ideal']
            color_categories = ['D', 'E', 'F', 'G', 'H', 'I', 'J']
            clarity_categories = ['I1','SI2','SI1','VS2','VS1','VVS2','VVS1','IF']
            num_pipeline = Pipeline(
                steps=[
                    ('simple imputer',SimpleImputer(strategy='mdedian')),
                    ('standard scaling',StandardScaler())
                ]
            )
            cat_pipeline = Pipeline(
                steps=[
                    ('simple imputer',SimpleImputer(strategy='most frequent')),
                    ('ordinal encoding',OrdinalEncoder(categories=[cut_categories,color_categories,clarity_categories])),
                    ('standard scaler',StandardScaler())
                ]
            )
            preprocessor = ColumnTransformer(
                [
                    ('num pipeline',num_pipeline,numerical_cols),
                    ('cat pipeline',cat_pipeline,categorical_cols)
                ]
            )
            return preprocessor

            logging.info('pipeline completed')
        except Exception as e:
            logging.info('Error in data transformation')
            raise Custum_exception(e,sys)

    def initiate_data_tranformation(self,train_path,test_path):
        try:
            train_df = pd.read_csv('train_path')
            test_df = pd.read_csv('test_path')

            preprocessing_obj = self.get_data_transformation_object()

            target_column = 'price'
            input_feature_train_df = train_df.drop(columns=target_column,axis=1)
            target_feature_train_df = train_df[target_column]

            input_feature_test_df = test_df.drop(columns=target_column,axis=1)
            target_feature_test_df = test_df[target_column]

            input_feature_train_arr = preprocessing_obj.fit_transform(input_feature_train_df)
            input_feature_test_arr = preprocessing_obj.transform(input_feature_test_df)

            train_arr = np.c_[input_feature_train_arr,np.array(target_feature_train_df)]
            test_arr = np.c_[input_feature_test_arr,np.array(target_feature_test_df)]

            save_object(
                file_path=self.data_transformation_config.preprocessor_obj_file_path ,
                obj=preprocessing_obj
            )

            return (
                train_arr,
                test_arr,
                self.data_transformation_config.preprocessor_obj_file_path
            )

        except Exception as e:
            logging.info('Error in data tranformation initiatoin')
            raise Custum_exception(e,sys)
