import glob
import os

import pytorch_lightning as pl
import torch


class MNISTDataModule(pl.LightningDataModule):
    def __init__(self, load_path="data/raw/corruptmnist/", save_path="data/processed/"):
        super().__init__()
        self.load_path = load_path
        self.save_path = save_path

    def setup(self, stage=None):
        if stage == "fit" or stage is None:
            train, test = self.generate_mnist_dataset(self.load_path)
            torch.save(train, f"{self.save_path}/train_data.pt")
            torch.save(test, f"{self.save_path}/test_data.pt")

    def generate_mnist_dataset(self, load_path):
        """Build the train and test datasets from the raw shards."""
        train_images = glob.glob(os.path.join(load_path, "train_images_*.pt"))
        train_targets = glob.glob(os.path.join(load_path, "train_target_*.pt"))
        train_images.sort()
        train_targets.sort()

        x_parts = {i: torch.load(f) for i, f in enumerate(train_images)}
        y_parts = {i: torch.load(f) for i, f in enumerate(train_targets)}

        x_train = torch.cat([x_parts[i] for i in x_parts], dim=0).unsqueeze(1)
        y_train = torch.cat([y_parts[i] for i in y_parts], dim=0)

        x_test = torch.load(f"{load_path}/test_images.pt").unsqueeze(1)
        y_test = torch.load(f"{load_path}/test_target.pt")

        # statistics for normalisation
        mean_train, std_train = torch.mean(x_train), torch.std(x_train)
        mean_test, std_test = torch.mean(x_test), torch.std(x_test)

        x_train = (x_train - mean_train) / std_train
        x_test = (x_test - mean_test) / std_test

        print(x_train.shape)
        print(x_test.shape)

        return torch.utils.data.TensorDataset(x_train, y_train), torch.utils.data.TensorDataset(x_test, y_test)

    def train_dataloader(self):
        train = torch.load(f"{self.save_path}/train_data.pt")
        return torch.utils.data.DataLoader(train, batch_size=64, shuffle=True, num_workers=11)

    def test_dataloader(self):
        test = torch.load(f"{self.save_path}/test_data.pt")
        return torch.utils.data.DataLoader(test, batch_size=64, num_workers=11)
