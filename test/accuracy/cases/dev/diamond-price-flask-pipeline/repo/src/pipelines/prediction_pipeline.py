import os
import sys
from src.logger import logging
from src.utils import load_object
from src.exception import Custum_exception
import pandas as pd

class Predict_Pipeline:
    def __init__(self):
        pass

    def predict(self,features):
        try:
            preprocessor_path = os.path.join('artifacts','preprocessor.pkl')
            model_path = os.path.join('artifacts','model.pkl')
            preprocessor = load_object(preprocessor_path)
            model = load_object(model_path)

            data_scaled = preprocessor.transform(features)

            pred = model.predict(data_scaled)
            return pred

        except Exception as e:
            logging.info('exception occured in prediction')
            raise Custum_exception(e,sys)

class Custom_Data:
     def __init__(self,
                 carat:float,
                 depth:float,
                 table:float,
                 x:float,
                 y:float,
                 z:float,
                 cut:str,
                 color:str,
                 clarity:str):
            self.carat=carat
            self.depth=depth
            self.table=table
            self.x=x
            self.y=y
            self.z=z
            self.cut = cut
            self.color = color
            self.clarity = clarity

     def get_data_in_data_frame(self):
          try:
               custom_data_input_dict = {
                'carat':[self.carat],
                'depth':[self.depth],
                'table':[self.table],
                'x':[self.x],
                'y':[self.y],
                'z':[self.z],
                'cut':[self.cut],
                'color':[self.color],
                'clarity':[self.clarity]
            }
               df = pd.DataFrame(custom_data_input_dict)
               logging.info('data converted into data frame')
               return df
          except Exception as e:
               logging.info('error occured while converitng into data frame')
               raise Custum_exception(e,sys)
