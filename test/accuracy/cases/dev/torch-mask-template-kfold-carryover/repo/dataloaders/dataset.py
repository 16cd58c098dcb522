import os

import pandas as pd
import torch
import torchvision.transforms as transforms
from skimage import io
from torch.utils.data import Dataset


class MaskDataset(Dataset):
    def __init__(self, kfold_annotations=False, kfold_label=False):
        transform = transforms.Compose([
            transforms.ToPILImage(),
            transforms.Resize((256, 256)),
            transforms.ToTensor(),
            transforms.ColorJitter(brightness=0.5),
            transforms.Normalize(mean=(0.5, 0.5, 0.5), std=(0.2, 0.2, 0.2)),
        ])
        self.kfold_annotations = kfold_annotations
        self.kfold_label = kfold_label
        if self.kfold_annotations is not False:
            self.annotations = kfold_annotations
            self.label = kfold_label
        else:
            self.annotations = pd.read_csv("/opt/ml/code/custom/data/shuffle_augmented_train_data.csv")
        self.root_dir = "/opt/ml/code/custom/data/shuff_aug_mask_train_data"
        self.transform = transform

    def __len__(self):
        return len(self.annotations)

    def __getitem__(self, idx):
        if self.kfold_annotations is not False:
            img_path = os.path.join(self.root_dir, self.annotations.iloc[idx])
            label = torch.tensor(int(self.kfold_label.iloc[idx]))
        else:
            img_path = os.path.join(self.root_dir, self.annotations.loc[idx, "file"])
            label = torch.tensor(int(self.annotations.loc[idx, "label"]))
        image = io.imread(img_path)
        if self.transform:
            image = self.transform(image)
        return (image, label)

    def get_dataframe(self):
        return self.annotations
