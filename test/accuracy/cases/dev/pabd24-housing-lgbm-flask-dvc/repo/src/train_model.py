import argparse
import logging

import numpy as np
import pandas as pd
from joblib import dump
from lightgbm import LGBMRegressor
from sklearn.metrics import mean_absolute_error as mae
from sklearn.metrics import mean_absolute_percentage_error as mape

logger = logging.getLogger(__name__)
logging.basicConfig(filename="log/train_model.log", encoding="utf-8", level=logging.DEBUG, format="%(asctime)s %(message)s")

TRAIN_DATA = "data/proc/train.csv"
VAL_DATA = "data/proc/val.csv"
MODEL_SAVE_PATH = "models/lgbm.joblib"


def main(args):
    df_train = pd.read_csv(TRAIN_DATA)
    x_train = df_train.drop(columns="price")
    y_train = np.log(df_train["price"])

    lgbm = LGBMRegressor(random_state=0, n_jobs=-1, n_estimators=86, max_depth=5, learning_rate=0.2468, num_leaves=14)
    lgbm.fit(x_train, y_train)
    r2 = lgbm.score(x_train, y_train)
    mape1 = mape(np.exp(y_train), np.exp(lgbm.predict(x_train)))
    mae1 = mae(np.exp(y_train), np.exp(lgbm.predict(x_train)))
    dump(lgbm, args.model)
    logger.info(f"Saved to {args.model}")
    logger.info(f"R2 = {r2:.3f}  MAE = {mae1:,.0f} MAPE = {mape1:.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-m", "--model", help="Model save path", default=MODEL_SAVE_PATH)
    args = parser.parse_args()
    main(args)
