import sys
import os
sys.path.append(os.path.abspath(os.path.join(os.path.dirname(__file__), '..')))

import torch
import torch.optim as optim
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import transforms
from data.dataset import LaneDataset
from models.model import SimpleCNN

# Hyperparameters
batch_size = 32
learning_rate = 0.001
num_epochs = 10

transform = transforms.Compose([
    transforms.Resize((32, 32)),
    transforms.ToTensor(),
])

train_dataset = LaneDataset(root_dir='images/train', transform=transform)
val_dataset = LaneDataset(root_dir='images/val', transform=transform)
train_loader = DataLoader(train_dataset, batch_size=batch_size, shuffle=True)
val_loader = DataLoader(val_dataset, batch_size=batch_size, shuffle=False)

model = SimpleCNN()
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=learning_rate)

for epoch in range(num_epochs):
    model.train()
    running_loss = 0.0
    for images in train_loader:
        optimizer.zero_grad()
        outputs = model(images)
        labels = torch.zeros(images.size(0), dtype=torch.long)  # Dummy labels
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    print(f'Epoch [{epoch+1}/{num_epochs}], Loss: {running_loss/len(train_loader)}')

    model.eval()
    val_loss = 0.0
    with torch.no_grad():
        for images in val_loader:
            outputs = model(images)
            labels = torch.zeros(images.size(0), dtype=torch.long)  # Dummy labels
            loss = criterion(outputs, labels)
            val_loss += loss.item()
    print(f'Validation Loss: {val_loss/len(val_loader)}')

torch.save(model.state_dict(), 'lane_detection_model.pth')
