import os
import sys
from src.logger import logging
from src.exception import Custum_exception
import pandas as pd
from sklearn.model_selection import train_test_split

from dataclasses import dataclass

@dataclass
class Dataingestionconfig:
    train_data_path:str= os.path.join('artifacts','train.csv')
    test_data_path:str= os.path.join('artifacts','test.csv')
    raw_data_path:str= os.path.join('artifacts','raw.csv')

class DataIngestion:
    def __init__(self):
        self.ingestion_config = Dataingestionconfig()

    def initiate_data_ingestion(self):
        logging.info('data ingestion started')
        try:
            df = pd.read_csv(os.path.join('notebooks/data','gemstone.csv'))
            os.makedirs(os.path.dirname(self.ingestion_config.raw_data_path),exist_ok=True)
            df.to_csv(self.ingestion_config.raw_data_path,index=False)

            train_set,test_set = train_test_split(df,test_size=0.3,random_state=42)

            train_set.to_csv(self.ingestion_config.train_data_path, index = False,header = True)
            test_set.to_csv(self.ingestion_config.test_data_path, index = False,header = True)

            return(
                self.ingestion_config.train_data_path,
                self.ingestion_config.test_data_path
            )

        except Exception as e:
            logging.info('Error in data ingestion process')
            raise Custum_exception(e,sys)
