import torch
import torch.nn as nn
import torch.nn.functional as F


class NN_Model_K(nn.Module):
    def __init__(self, n_channel):
        super().__init__()
        self.n_channel = n_channel
        self.conv1 = nn.Conv2d(3, n_channel, kernel_size=(1, 3), padding=(0, 1))
        self.bn1 = nn.BatchNorm2d(num_features=n_channel)
        self.fc1 = nn.Linear(16 * 16 * n_channel, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.bn1(self.conv1(x))), 2)
        return self.fc1(out.view(-1, 16 * 16 * self.n_channel))
