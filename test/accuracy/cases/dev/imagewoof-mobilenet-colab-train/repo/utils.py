import os

import cv2
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class CustomImageDataset(Dataset):
    def __init__(self, data, path, transform=None):
        self.path = path
        self.data = data.values
        self.transform = transform

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        img_name, label = self.data[idx]
        image = cv2.imread(os.path.join(self.path, img_name))[:, :, [2, 1, 0]]
        if self.transform:
            image = self.transform(image)
        return image, label


def train_loop(model, criterion, optimizer, train_loader, valid_loader, train_on_gpu, save_file_name,
               max_epochs_stop=3, n_epochs=20, print_every=1, path_to_save='.'):
    epochs_no_improve = 0
    valid_loss_min = np.inf
    history = []
    for epoch in range(n_epochs):
        train_loss = 0.0
        valid_loss = 0.0
        model.train()
        for data, target in train_loader:
            if train_on_gpu:
                data, target = data.cuda(), target.cuda()
            optimizer.zero_grad()
            output = model(data)
            loss = criterion(output, target)
            loss.backward()
            optimizer.step()
            train_loss += loss.item() * data.size(0)
        with torch.no_grad():
            model.eval()
            for data, target in valid_loader:
                if train_on_gpu:
                    data, target = data.cuda(), target.cuda()
                loss = criterion(model(data), target)
                valid_loss += loss.item() * data.size(0)
            train_loss = train_loss / len(train_loader.dataset)
            valid_loss = valid_loss / len(valid_loader.dataset)
            history.append([train_loss, valid_loss])
            if valid_loss < valid_loss_min:
                torch.save(model.state_dict(), (os.path.join(path_to_save, save_file_name)))
                epochs_no_improve = 0
                valid_loss_min = valid_loss
            else:
                epochs_no_improve += 1
                if epochs_no_improve >= max_epochs_stop:
                    model.load_state_dict(torch.load(os.path.join(path_to_save, save_file_name)))
                    history = pd.DataFrame(history, columns=['train_loss', 'valid_loss'])
                    return model, history
    history = pd.DataFrame(history, columns=['train_loss', 'valid_loss'])
    history.to_csv(os.path.join(path_to_save, 'history.csv'))
    return model, history


def check_result(model, loader, criterion, on_gpu):
    model.eval()
    check_loss = 0.0
    for data, target in loader:
        if on_gpu:
            data, target = data.cuda(), target.cuda()
        check_loss += criterion(model(data), target).item() * data.size(0)
    print(f'loss: {check_loss / len(loader.dataset):.2f}')
