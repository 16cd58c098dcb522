import argparse
import json
import os
import random
from importlib import import_module

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import wandb
from omegaconf import OmegaConf

from optimizer import get_optimizer_args
from scheduler import get_scheduler_args


def get_config(config):
    parser = argparse.ArgumentParser(description="Mask Classification")
    parser.add_argument("--PROJECT_PATH", type=str, default=config["PROJECT_PATH"])
    parser.add_argument("--BASE_DATA_PATH", type=str, default=config["BASE_DATA_PATH"])
    parser.add_argument("--csv_path", type=str, default=config["csv_path"])
    parser.add_argument("--lr", type=float, default=config["learning_rate"])
    parser.add_argument("--batch_size", type=int, default=config["batch_size"])
    parser.add_argument("--epochs", type=int, default=config["epochs"])
    parser.add_argument("--seed", type=int, default=config["seed"])
    parser.add_argument("--model", type=str, default=config["model"])
    parser.add_argument("--kfold", type=int, default=config["kfold"])
    args = parser.parse_args()

    with open("config.json", "r") as jsonfile:
        data = json.load(jsonfile)

    data["learning_rate"] = args.lr
    data["batch_size"] = args.batch_size
    data["epochs"] = args.epochs
    data["seed"] = args.seed
    data["model"] = args.model
    data["kfold"] = args.kfold
    data["csv_path"] = os.path.join(args.BASE_DATA_PATH, args.csv_path)
    data["model_path"] = os.path.join(args.PROJECT_PATH, data["model_path"])

    with open("config.json", "w") as jsonfile:
        json.dump(data, jsonfile, indent=4)
    return OmegaConf.load("config.json")


def set_random_seed(seed):
    torch.manual_seed(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    np.random.seed(seed)
    random.seed(seed)
    torch.cuda.manual_seed_all(seed)


def get_model(config):
    model_module = getattr(import_module("models"), config["model"])
    model = model_module()
    model.cuda()
    return model


def get_optimizer(config, model):
    optimizer_module = getattr(optim, config["optimizer"])
    return optimizer_module(params=model.parameters(), **get_optimizer_args(config, config["optimizer"]))


def get_lr_scheduler(config, optimizer):
    scheduler_module = getattr(optim.lr_scheduler, config["lr_scheduler"])
    return scheduler_module(optimizer, **get_scheduler_args(config, config["lr_scheduler"]))


def main():
    config = OmegaConf.load("config.json")
    config = get_config(config)
    device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    set_random_seed(seed=config["seed"])
    print(f"device: {device}")

    model = get_model(config)
    optimizer = get_optimizer(config, model)
    criterion = getattr(nn, config["criterion"])()
    lr_scheduler = get_lr_scheduler(config, optimizer)
    wandb.watch(model)
    dataset = getattr(import_module("dataloaders.dataset"), config["dataset"])()

    trainer_module = getattr(import_module("trainer"), config["trainer"])
    trainer = trainer_module(config, device, model, optimizer, criterion, dataset, lr_scheduler)
    trainer.train()


if __name__ == "__main__":
    wandb.init(project="Mask-classification")
    main()
