import pandas as pd
from sklearn.preprocessing import StandardScaler, LabelEncoder
import logging
from typing import Tuple
import joblib

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


class DataPreprocessor:
    def __init__(self):
        """Initialize the DataPreprocessor with necessary encoders and scalers."""
        self.scaler = StandardScaler()
        self.label_encoders = {}
        self.feature_names = None

    def check_missing_values(self, df: pd.DataFrame) -> None:
        missing_values = df.isnull().sum()
        if missing_values.any():
            logger.warning("Missing values found:")
            for column, count in missing_values[missing_values > 0].items():
                logger.warning(f"{column}: {count} missing values")

    def handle_missing_values(self, df: pd.DataFrame) -> pd.DataFrame:
        df['parental_education_level'] = df['parental_education_level'].fillna(df['parental_education_level'].mode()[0])
        return df

    def create_study_efficiency(self, df: pd.DataFrame) -> pd.DataFrame:
        df['study_efficiency'] = df['study_hours_per_day'] / (df['social_media_hours'] + df['netflix_hours'] + 1)
        return df

    def encode_categorical_variables(self, df: pd.DataFrame) -> pd.DataFrame:
        categorical_columns = ['gender', 'diet_quality', 'parental_education_level', 'internet_quality']
        for column in categorical_columns:
            if column not in self.label_encoders:
                self.label_encoders[column] = LabelEncoder()
            df[column] = self.label_encoders[column].fit_transform(df[column])
        df['part_time_job'] = (df['part_time_job'] == 'Yes').astype(int)
        return df

    def scale_numerical_features(self, df: pd.DataFrame, columns: list) -> pd.DataFrame:
        df[columns] = self.scaler.fit_transform(df[columns])
        return df

    def preprocess_data(self, df: pd.DataFrame, is_training: bool = True) -> Tuple[pd.DataFrame, pd.Series]:
        try:
            logger.info("Starting data preprocessing...")
            df_processed = df.copy()
            self.check_missing_values(df_processed)
            self.handle_missing_values(df_processed)

            numerical_columns = ['age', 'study_hours_per_day', 'social_media_hours',
                                 'netflix_hours', 'attendance_percentage', 'sleep_hours']

            df_processed = self.create_study_efficiency(df_processed)
            df_processed = self.encode_categorical_variables(df_processed)

            numerical_columns.extend(['study_efficiency'])
            df_processed = self.scale_numerical_features(df_processed, numerical_columns)

            if is_training:
                self.feature_names = df_processed.columns.tolist()
                self.feature_names.remove('student_id')
                self.feature_names.remove('exam_score')

            X = df_processed.drop(['student_id', 'exam_score'], axis=1)
            y = df_processed['exam_score']
            return X, y

        except Exception as e:
            logger.error(f"Error in data preprocessing: {str(e)}")
            raise

    def save_preprocessor(self, filepath: str) -> None:
        preprocessor_config = {
            'scaler': self.scaler,
            'label_encoders': self.label_encoders,
            'feature_names': self.feature_names
        }
        joblib.dump(preprocessor_config, filepath)
        logger.info(f"Preprocessor saved to {filepath}")

    @staticmethod
    def load_preprocessor(filepath: str) -> 'DataPreprocessor':
        preprocessor = DataPreprocessor()
        config = joblib.load(filepath)
        preprocessor.scaler = config['scaler']
        preprocessor.label_encoders = config['label_encoders']
        preprocessor.feature_names = config['feature_names']
        return preprocessor
