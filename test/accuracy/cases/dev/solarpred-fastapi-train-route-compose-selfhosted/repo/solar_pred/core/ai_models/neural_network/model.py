import os
import pickle
import random

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim


def set_seed(seed, full_determinism):
    torch.manual_seed(seed)
    np.random.seed(seed)
    random.seed(seed)
    if full_determinism and torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False


class NeuralNetwork(nn.Module):
    def __init__(self, model_CONFIG: dict):
        set_seed(42, model_CONFIG["deterministic"])
        super().__init__()
        self.model_CONFIG = model_CONFIG
        self.features_to_use = model_CONFIG["features_to_use"]
        self.device = model_CONFIG["device"]
        self.fc1 = nn.Linear(len(self.features_to_use), 64)
        self.fc2 = nn.Linear(64, 1)
        self.learning_rate = model_CONFIG["learning_rate"]
        self.optimizer = optim.Adam(self.parameters(), lr=self.learning_rate)
        self.is_trained = False
        self.to(self.device)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))

    def prepare_train_data(self, train_set):
        if len(train_set) < self.model_CONFIG["val_size"] + 1:
            raise ValueError(f"The training set is too small - {len(train_set)} rows.")
        val_size = self.model_CONFIG["val_size"]
        train_part, val_part = train_set.iloc[:-val_size], train_set.iloc[-val_size:]
        X_train = train_part[self.features_to_use].values
        y_train = train_part[self.model_CONFIG["target_col"]].values
        X_val = val_part[self.features_to_use].values
        y_val = val_part[self.model_CONFIG["target_col"]].values
        return (X_train, y_train), (X_val, y_val)

    def fit_model(self, train_set):
        train_sets, val_sets = self.prepare_train_data(train_set)
        X_train, y_train = train_sets

        self.train()
        criterion = nn.L1Loss()
        for epoch in range(self.model_CONFIG["n_epochs"]):
            total_loss = 0
            for i in range(0, len(X_train), self.model_CONFIG["batch_size"]):
                states = torch.FloatTensor(X_train[i : i + self.model_CONFIG["batch_size"]]).to(self.device)
                targets = torch.FloatTensor(y_train[i : i + self.model_CONFIG["batch_size"]]).to(self.device).unsqueeze(1)
                loss = criterion(self(states), targets)
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
                total_loss += loss.item()

        self.is_trained = True
        return self

    def predict(self, test_set):
        X = test_set[self.features_to_use].values
        self.eval()
        with torch.no_grad():
            predictions = self(torch.FloatTensor(X).to(self.device)).cpu().numpy()
            print(predictions)
        return predictions.reshape(-1)

    def save_model(self, file_directory="saved_weights"):
        os.makedirs(file_directory, exist_ok=True)
        model_state = {
            "model_state_dict": self.state_dict(),
            "model_CONFIG": self.model_CONFIG,
            "optimizer_state_dict": self.optimizer.state_dict(),
            "is_trained": "ligma",
        }
        with open(os.path.join(file_directory, "neural_network_model.pkl"), "wb") as f:
            pickle.dump(model_state, f)

    def load_model(self, file_directory="saved_weights"):
        file_path = os.path.join(file_directory, "neural_network_model.pkl")
        print(file_path)
        if not os.path.exists(file_path):
            raise FileNotFoundError(f"No file found at {file_path}")
        with open(file_path, "rb") as f:
            model_state = pickle.load(f)
        self.load_state_dict(model_state["model_state_dict"])
        self.optimizer.load_state_dict(model_state["optimizer_state_dict"])
        self.is_trained = model_state["is_trained"]
        return self
