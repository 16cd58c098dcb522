import os

import joblib
import pandas as pd


def prepare_X(test_dataframe):
    test_dataframe["renting_floor"] = [x.split(" out of ")[0] for x in test_dataframe["floor"].values]
    test_dataframe["total_floor"] = [x.split(" out of ")[1] for x in test_dataframe["floor"].values]
    test_dataframe["renting_floor"] = test_dataframe["renting_floor"].astype(int)
    test_dataframe["total_floor"] = test_dataframe["total_floor"].astype(int)
    return test_dataframe.loc[:, ["bhk", "size", "city", "renting_floor", "total_floor"]]


def model_predict(data):
    keys = []
    values = []
    for key, value in data.items():
        keys.append(key)
        values.append([value])

    df = pd.DataFrame(dict(zip(keys, values)))
    columntrans1 = joblib.load(os.getcwd() + "\\backend\\ml\\custom_transformer.joblib")
    A1 = prepare_X(df)
    A1 = columntrans1.transform(A1)
    loaded_rf = joblib.load(os.getcwd() + "\\backend\\ml\\my_random_forest.joblib")
    preds = loaded_rf.predict(A1)
    return preds
