import subprocess

import config as cfg
import torch
import torchvision
from torch.utils.data import DataLoader, random_split
from torchvision.datasets import CIFAR10


def split_dataset(dataset, val_split=0.2, train=True):
    len_dataset = len(dataset)
    val_len = int(val_split * len_dataset)
    splits = [len_dataset - val_len, val_len]
    dataset_train, dataset_val = random_split(dataset, splits, generator=torch.Generator().manual_seed(42))
    if train:
        return dataset_train
    return dataset_val


def prepare_dataset_train():
    subprocess.run(["dvc", "pull"])

    normalize = torchvision.transforms.Normalize(
        mean=[x / 255.0 for x in [125.3, 123.0, 113.9]],
        std=[x / 255.0 for x in [63.0, 62.1, 66.7]],
    )
    train_transforms = torchvision.transforms.Compose(
        [
            torchvision.transforms.RandomCrop(32, padding=4),
            torchvision.transforms.RandomHorizontalFlip(),
            torchvision.transforms.ToTensor(),
            normalize,
        ]
    )
    test_transforms = torchvision.transforms.Compose([torchvision.transforms.ToTensor(), normalize])
    dataset_train = CIFAR10(root=cfg.PATH_DATASETS, train=True, download=True, transform=train_transforms)
    dataset_val = CIFAR10(root=cfg.PATH_DATASETS, train=True, download=True, transform=test_transforms)
    dataset_train = split_dataset(dataset_train)
    dataset_val = split_dataset(dataset_val, train=False)

    train_dataloader = DataLoader(dataset_train, batch_size=cfg.BATCH_SIZE, shuffle=True, num_workers=cfg.NUM_WORKERS)
    val_dataloader = DataLoader(dataset_val, batch_size=cfg.BATCH_SIZE, shuffle=False, num_workers=cfg.NUM_WORKERS)
    return train_dataloader, val_dataloader


def prepare_dataset_test():
    subprocess.run(["dvc", "pull"])
    normalize = torchvision.transforms.Normalize(
        mean=[x / 255.0 for x in [125.3, 123.0, 113.9]],
        std=[x / 255.0 for x in [63.0, 62.1, 66.7]],
    )
    test_transforms = torchvision.transforms.Compose([torchvision.transforms.ToTensor(), normalize])
    dataset_test = CIFAR10(root=cfg.PATH_DATASETS, train=False, download=True, transform=test_transforms)
    return DataLoader(dataset_test, batch_size=cfg.BATCH_SIZE, shuffle=False, num_workers=cfg.NUM_WORKERS)
