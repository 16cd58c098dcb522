import pandas as pd
from omegaconf import DictConfig
from prefect import flow, task
from sklearn.model_selection import train_test_split

from helper import load_config


@task
def get_data(config: DictConfig):
    return pd.read_csv(config.data.raw.path, index_col=0)


def add_description_length(data: pd.DataFrame):
    data["Description"] = data["Description"].fillna("")
    data["desc_length"] = data["Description"].str.len()
    data["desc_words"] = data["Description"].apply(lambda x: len(x.split()))
    return data


@task
def encode_cat_cols(config: DictConfig, data: pd.DataFrame):
    cat_cols = list(config.cat_cols)
    data[cat_cols] = data[cat_cols].astype(str)
    for col in cat_cols:
        _, indexer = pd.factorize(data[col])
        data[col] = indexer.get_indexer(data[col])
    return data


@task
def split_data(data: pd.DataFrame):
    train = data.dropna(subset=["AdoptionSpeed"])
    test = data[data["AdoptionSpeed"].isna()]
    X = train.drop(columns=["AdoptionSpeed"])
    y = train["AdoptionSpeed"]
    X_train, X_valid, y_train, y_valid = train_test_split(X, y, test_size=0.2, random_state=0)
    return {
        "X_train": X_train,
        "X_valid": X_valid,
        "y_train": y_train,
        "y_valid": y_valid,
        "X_test": test.drop(columns=["AdoptionSpeed"]),
    }


@task
def save_data(data: dict, config: DictConfig):
    for name, value in data.items():
        value.to_csv(config.data.processed + name + ".csv", index=False)


@flow
def process_data():
    config = load_config()
    data = get_data(config)
    data = add_description_length(data)
    encoded = encode_cat_cols(config, data[config.use_cols])
    save_data(split_data(encoded), config)


if __name__ == "__main__":
    process_data()
