import os
from datetime import timedelta

import pandas as pd
from kolibri.config import ModelConfig
from kolibri.model_trainer import ModelTrainer
from prefect import flow, task
from prefect.tasks import task_input_hash


@task
def get_config(model_name, output_folder="./model", optimize=False, budget=3600, register=False):
    confg = {}
    confg["track-experiments"] = True
    confg["register-model"] = register
    confg["experiment-uri"] = os.getenv("MLFLOW_TRACKING_URI")
    confg["experiment-name"] = "email_signature"
    confg["model-name"] = model_name
    confg["max-time-for-optimization"] = budget
    confg["evaluate-performance"] = True
    confg["output-folder"] = output_folder
    confg["pipeline"] = ["WordTokenizer", "TFIDFFeaturizer", "SklearnEstimator"]
    confg["model"] = "LogisticRegression"
    confg["optimize-pipeline"] = optimize
    confg["n-jobs"] = -1
    return confg


@task(cache_key_fn=task_input_hash, cache_expiration=timedelta(days=1))
def load_data():
    corpus = pd.read_excel("https://files.example.com/s/email_data.xlsx?dl=1")
    return corpus


@task
def transform_data(corpus, content_col="Text", target_col="Category"):
    corpus = corpus.dropna(subset=[content_col]).sample(n=30000)
    X = corpus[content_col].values.tolist()
    y = corpus[target_col].values.tolist()
    return X, y


@task
def train_model(configs, X, y):
    trainer = ModelTrainer(ModelConfig(configs))
    data = pd.DataFrame(X)
    data.columns = ["Text"]
    trainer.fit(data, y)
    return trainer


@task
def save_model(trainer, save_path):
    trainer.persist(save_path, fixed_model_name="current")


@task
def launch_api(path):
    script = open(path, "r").read()
    exec(script)


@flow(name="modeling")
def training(model_name, content_col="Text", target_col="Category"):
    data = load_data()
    config = get_config(model_name=model_name)
    X, y = transform_data(data, content_col, target_col)
    model = train_model(config, X, y)
    save_model(model, "model")


@flow(name="prediction")
def prediction(script_path):
    launch_api(script_path)


if __name__ == "__main__":
    training("email_signature")
