from importlib import import_module

import numpy as np
import torch
from sklearn.model_selection import StratifiedKFold
from torch.utils.data import DataLoader


class EarlyStopping:
    """Stops training when the validation loss has not improved for `patience` epochs."""

    def __init__(self, path, patience=7, verbose=False, delta=0):
        self.patience = patience
        self.verbose = verbose
        self.counter = 0
        self.best_score = None
        self.early_stop = False
        self.delta = delta
        self.path = path
        self.best_model = {"state_dict": None, "optimizer": None}

    def __call__(self, val_loss, model, optimizer):
        score = -val_loss
        if self.best_score is None:
            self.best_score = score
            self.save_checkpoint(model, optimizer)
        elif score < self.best_score + self.delta:
            self.counter += 1
            if self.counter >= self.patience:
                self.early_stop = True
        else:
            self.best_score = score
            self.save_checkpoint(model, optimizer)
            self.counter = 0

    def save_checkpoint(self, model, optimizer):
        self.best_model["state_dict"] = model.state_dict()
        self.best_model["optimizer"] = optimizer.state_dict()
        torch.save(self.best_model, self.path)


# the model and the optimizer are not re-initialised between folds (to fix)
def stratified_k_fold(config, X, y):
    skf = StratifiedKFold(n_splits=config["kfold"], shuffle=True, random_state=config["seed"])
    for train_index, valid_index in skf.split(X, y):
        dataset_module = getattr(import_module("dataloaders.dataset"), config["dataset"])
        train_dataset = dataset_module(kfold_annotations=X[train_index], kfold_label=y[train_index])
        valid_dataset = dataset_module(kfold_annotations=X[valid_index], kfold_label=y[valid_index])
        train_dataloader = DataLoader(train_dataset, batch_size=config["batch_size"], num_workers=config["num_workers"])
        valid_dataloader = DataLoader(valid_dataset, batch_size=config["batch_size"], num_workers=config["num_workers"])
        yield train_dataset, valid_dataset, train_dataloader, valid_dataloader
