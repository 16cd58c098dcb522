import argparse

import pandas as pd
from sklearn.model_selection import cross_val_score

from utils.model import MODEL_PIPELINE

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="evaluate logistic regression model")
    parser.add_argument("validation_data", nargs="?", default="data/train.csv")
    parser.add_argument("x_column", nargs="?", default="text")
    parser.add_argument("y_column", nargs="?", default="target")
    arguments = parser.parse_args()

    df = pd.read_csv(arguments.validation_data)
    scores = cross_val_score(estimator=MODEL_PIPELINE, X=df[arguments.x_column], y=df[arguments.y_column], scoring="f1", cv=5)
    print(scores.mean())
