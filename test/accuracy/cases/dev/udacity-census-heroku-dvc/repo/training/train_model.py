''' Script to train machine learning model. '''

import logging
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from training.ml.data import process_data
from training.ml.model import compute_model_metrics, inference, save_model, train_model

ROOT_PATH = Path(__file__).parent.parent
DATA_PATH = ROOT_PATH / "data/census_cleaned.csv"
MODEL_PATH = ROOT_PATH / "model/classifier.mdl"
ENCODER_PATH = ROOT_PATH / "model/one_hot.enc"
BINARIZER_PATH = ROOT_PATH / "model/label_binarizer.enc"
CAT_FEATURES = [
    "workclass",
    "education",
    "marital-status",
    "occupation",
    "relationship",
    "race",
    "sex",
    "native-country",
]

logger = logging.getLogger()


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)-15s %(message)s")
    logger.info("Loading data.")
    if DATA_PATH.exists():
        data = pd.read_csv(DATA_PATH)
    else:
        raise FileNotFoundError(f"{DATA_PATH} could not be found.")

    logger.info("Performing train-test split.")
    train, test = train_test_split(data, test_size=0.20)

    X_train, y_train, encoder, lb = process_data(
        train, categorical_features=CAT_FEATURES, label="salary", training=True
    )
    X_test, y_test, _, _ = process_data(
        test, categorical_features=CAT_FEATURES, label="salary", training=False, encoder=encoder, lb=lb
    )

    logger.info("Training model")
    model = train_model(X_train, y_train)
    save_model(model, MODEL_PATH)
    save_model(encoder, ENCODER_PATH)
    save_model(lb, BINARIZER_PATH)
    logger.info(f"Trained model saved to {MODEL_PATH}.")

    preds = inference(model, X_test)
    precision, recall, fbeta = compute_model_metrics(y_test, preds)
    logger.info(f"Model metrics: precision: {precision} recall: {recall} fbeta: {fbeta}")


if __name__ == "__main__":
    main()
