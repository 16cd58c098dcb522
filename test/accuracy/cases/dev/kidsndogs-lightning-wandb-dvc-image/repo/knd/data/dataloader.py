from torch.utils.data import Dataset, DataLoader
import torch

class SpeechDataset(Dataset):
    def __init__(self, train=True, dataset_path="data"):
        if train:
            self.data = torch.load(dataset_path+"/processed/train_images.pt")
            self.data = torch.cat([self.data, self.data, self.data], dim=1) # fake RGB
            self.labels = torch.load(dataset_path+"/processed/train_labels.pt")
        else:
            self.data = torch.load(dataset_path+"/processed/test_images.pt")
            self.data = torch.cat([self.data, self.data, self.data], dim=1) # fake RGB
            self.labels = torch.load(dataset_path+"/processed/test_labels.pt")

    def __getitem__(self, index):
        return self.data[index], self.labels[index]

    def __len__(self):
        return len(self.data)


def get_dataloaders(batch_size=64, dataset_path="data"):
    train_dataset = SpeechDataset(train=True, dataset_path=dataset_path)
    test_dataset = SpeechDataset(train=False, dataset_path=dataset_path)

    train_dataloader = DataLoader(train_dataset, batch_size=batch_size, shuffle=True)
    test_dataloader = DataLoader(test_dataset, batch_size=batch_size, shuffle=False)

    return train_dataloader, test_dataloader
