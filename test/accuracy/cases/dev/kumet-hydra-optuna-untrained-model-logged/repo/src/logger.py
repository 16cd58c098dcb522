import logging
from itertools import product

import mlflow
import pandas as pd
from mlflow import pytorch
from mlflow.tracking import MlflowClient
from omegaconf import DictConfig, ListConfig

logger = logging.getLogger("logger")


class BatchMetrics:
    def __init__(self, *keys, postfix=""):
        self.postfix = postfix
        self._data = pd.DataFrame(index=[k + postfix for k in keys], columns=["total", "counts", "average"])

    def reset(self):
        for col in self._data.columns:
            self._data[col].values[:] = 0

    def update(self, key, value, n=1):
        key = key + self.postfix
        self._data.total[key] += value * n
        self._data.counts[key] += n
        self._data.average[key] = self._data.total[key] / self._data.counts[key]

    def result(self):
        return dict(self._data.average)


class EpochMetrics:
    def __init__(self, metric_names, phases=("train", "valid"), monitoring="off"):
        self._data = pd.DataFrame(columns=tuple(product(metric_names, phases)))
        self.monitoring = monitoring
        self.topk_idx = []

    def update(self, epoch, result):
        epoch_idx = f"epoch-{epoch}"
        self._data.loc[epoch_idx] = {tuple(k.split("/")): v for k, v in result.items()}
        self.topk_idx.append(epoch_idx)

    def is_improved(self):
        return self.monitoring == "off" or self._data.index[-1] == self.topk_idx[0]


class MlflowWriter:
    def __init__(self, experiment_name, **kwargs):
        self.client = MlflowClient(**kwargs)
        try:
            self.experiment_id = self.client.create_experiment(experiment_name)
        except:
            self.experiment_id = self.client.get_experiment_by_name(experiment_name).experiment_id

        self.run_id = self.client.create_run(self.experiment_id).info.run_id

    def log_params_from_omegaconf_dict(self, params):
        for param_name, element in params.items():
            self._explore_recursive(param_name, element)

    def _explore_recursive(self, parent_name, element):
        if isinstance(element, DictConfig):
            for k, v in element.items():
                if isinstance(v, DictConfig) or isinstance(v, ListConfig):
                    self._explore_recursive(f"{parent_name}.{k}", v)
                else:
                    self.client.log_param(self.run_id, f"{parent_name}.{k}", v)
        elif isinstance(element, ListConfig):
            for i, v in enumerate(element):
                self.client.log_param(self.run_id, f"{parent_name}.{i}", v)

    def log_torch_model(self, model):
        with mlflow.start_run(self.run_id):
            pytorch.log_model(model, "models")

    def log_metric(self, key, value):
        self.client.log_metric(self.run_id, key, value)

    def log_artifact(self, local_path):
        self.client.log_artifact(self.run_id, local_path)

    def set_terminated(self):
        self.client.set_terminated(self.run_id)
