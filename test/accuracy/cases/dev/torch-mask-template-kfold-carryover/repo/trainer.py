import time

import numpy as np
import torch
import wandb
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader, random_split
from tqdm import tqdm

from utils import EarlyStopping, stratified_k_fold


class Trainer:
    def __init__(self, config, device, model, optimizer, criterion, dataset, lr_scheduler):
        self.config = config
        self.device = device
        self.model = model.to(self.device)
        self.criterion = criterion
        self.optimizer = optimizer
        self.scaler = torch.cuda.amp.GradScaler()
        self.lr_scheduler = lr_scheduler
        self.dataset = dataset
        self.epochs = self.config["epochs"]
        self.train_predict_list = np.array([])
        self.train_target_list = np.array([])
        self.k_fold_accuracy = []
        now = time.localtime()
        self.early_stopping = EarlyStopping(
            path=self.config["best_model"] + f"{now.tm_year}-{now.tm_mon}-{now.tm_mday}-model{self.config['model']}.pt",
            patience=self.config["patience"],
            verbose=True,
        )

    def train_per_epoch(self, epoch, data_loader, train_dataset):
        self.model.train()
        total_loss = 0
        for data, target in tqdm(data_loader, leave=False):
            data = data.to(self.device)
            target = target.to(self.device)
            with torch.cuda.amp.autocast():
                pred = self.model(data)
                loss = self.criterion(pred, target)

            self.optimizer.zero_grad()
            self.scaler.scale(loss).backward()
            try:
                self.scaler.step(self.optimizer)
                self.scaler.update()
            except:
                pass

            self.train_predict_list = np.concatenate((self.train_predict_list, pred.argmax(dim=1).cpu().numpy()))
            self.train_target_list = np.concatenate((self.train_target_list, target.cpu().numpy()))
            total_loss += loss.item()
        accuracy = accuracy_score(y_true=self.train_target_list, y_pred=self.train_predict_list)
        self.lr_scheduler.step()
        print(f"{epoch}/{self.epochs} train accuracy: {accuracy:.4f}, loss: {total_loss / len(train_dataset):.4f}")

    def valid_per_epoch(self, epoch, data_loader, valid_dataset):
        self.model.eval()
        predicted, targets = [], []
        total_loss = 0
        with torch.no_grad():
            for data, target in tqdm(data_loader):
                data = data.to(self.device)
                target = target.to(self.device)
                pred = self.model(data)
                total_loss += self.criterion(pred, target).item()
                predicted.extend(pred.argmax(dim=1).cpu().numpy())
                targets.extend(target.cpu().numpy())
        accuracy = accuracy_score(targets, predicted)
        f1 = f1_score(targets, predicted, average="macro")
        return total_loss / len(valid_dataset), accuracy, f1

    def epoch_iter(self, train_dataloader, train_dataset, valid_dataloader, valid_dataset):
        for epoch_index in range(1, self.epochs + 1):
            self.train_per_epoch(epoch_index, train_dataloader, train_dataset)
            valid_loss, valid_accuracy, valid_f1 = self.valid_per_epoch(epoch_index, valid_dataloader, valid_dataset)
            self.early_stopping(valid_loss, self.model, self.optimizer)
            if self.early_stopping.early_stop:
                print("Early stopping")
                break
            yield valid_loss, valid_accuracy, valid_f1

    def train(self):
        df = self.dataset.get_dataframe()
        X, y = df["file"], df["label"]

        if self.config["kfold"]:
            for train_dataset, valid_dataset, train_dataloader, valid_dataloader in stratified_k_fold(self.config, X, y):
                for valid_loss, valid_accuracy, valid_f1 in self.epoch_iter(train_dataloader, train_dataset, valid_dataloader, valid_dataset):
                    wandb.log({"Valid accuracy": valid_accuracy, "Valid f1 score": valid_f1, "Valid loss": valid_loss})
                self.k_fold_accuracy.append(valid_accuracy)
            print(f"cv accuracy: {sum(self.k_fold_accuracy) / len(self.k_fold_accuracy):.4f}")
        else:
            dataset = self.dataset
            n_train = int(len(dataset) * 0.9)
            train_dataset, valid_dataset = random_split(dataset, [n_train, len(dataset) - n_train])
            train_dataloader = DataLoader(train_dataset, batch_size=self.config["batch_size"], num_workers=self.config["num_workers"])
            valid_dataloader = DataLoader(valid_dataset, batch_size=self.config["batch_size"], num_workers=self.config["num_workers"])
            for valid_loss, valid_accuracy, valid_f1 in self.epoch_iter(train_dataloader, train_dataset, valid_dataloader, valid_dataset):
                wandb.log({"Valid accuracy": valid_accuracy, "Valid f1 score": valid_f1, "Valid loss": valid_loss})
