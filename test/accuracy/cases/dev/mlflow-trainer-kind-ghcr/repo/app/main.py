# main.py
import argparse
import os
import numpy as np
from trainer import Trainer
from data import make_tabular_classification
from utils import set_seeds

MLFLOW_TRACKING_URI = os.environ.get("MLFLOW_TRACKING_URI")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model', choices=['rf', 'fnn', 'lstm'], default='rf', help='Model to train')
    args = parser.parse_args()

    set_seeds(42)
    trainer = Trainer(tracking_uri=MLFLOW_TRACKING_URI)

    for model in ['rf', 'fnn']:
        print(f"Training {model}...")
        X_train, X_val, X_test, y_train, y_val, y_test = make_tabular_classification()
        X = np.concatenate([X_train, X_val, X_test])
        y = np.concatenate([y_train, y_val, y_test])
        if model == 'rf':
            trainer.tune_random_forest(X, y)
        else:
            trainer.tune_fnn(X, y)


if __name__ == "__main__":
    main()
