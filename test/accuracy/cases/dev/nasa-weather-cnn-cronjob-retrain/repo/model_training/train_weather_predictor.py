from model_training.models import ImageDateRegressionModel, save_model
from weather_dataset import LocalWeatherDataset
from datetime import datetime
from torchvision import transforms
from torch.utils.data import DataLoader, random_split
import torch.optim as optim
import torch.nn as nn
import torch


def train(args, device):

    model = ImageDateRegressionModel(layers=[32, 64], normalize_input=True).to(device)

    current_time = datetime.now().strftime('%b-%d')
    print(current_time)
    max_epochs = 60

    transform = transforms.Compose([
        transforms.Resize((512, 512)),
        transforms.ToTensor()
    ])

    dataset = LocalWeatherDataset("../austin_weather_data/", transform=transform)
    train_size = int(0.7 * len(dataset))
    test_size = int(0.15 * len(dataset))
    val_size = len(dataset) - train_size - test_size

    train_dataset, test_dataset, val_dataset = random_split(dataset, [train_size, test_size, val_size])

    train_loader = DataLoader(train_dataset, batch_size=16, shuffle=True)
    test_loader = DataLoader(test_dataset, batch_size=16, shuffle=False)
    val_loader = DataLoader(val_dataset, batch_size=16, shuffle=False)

    optimizer = optim.Adam(model.parameters(), lr=0.01)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=5)

    criterion = nn.MSELoss()

    model.train()
    print("Starting training loop")
    for epoch in range(max_epochs):
        print(f"Training epoch {str(epoch)}")
        total_train_loss = 0.0
        for batch_x, date_x, batch_y in train_loader:
            batch_x, date_x, batch_y = batch_x.to(device), date_x.to(device), batch_y.to(device)
            optimizer.zero_grad()
            logits = model(batch_x, date_x)
            loss = criterion(logits, batch_y)
            total_train_loss += loss
            if torch.isnan(loss.to('cpu')):
                print("Loss is NaN")
            loss.backward()
            optimizer.step()

        train_loss = total_train_loss / len(train_loader)
        print(f"total_train_loss for epoch {epoch}: {train_loss}")

        model.eval()
        total_val_loss = 0.0
        with torch.no_grad():
            for batch_x, date_x, batch_y in val_loader:
                batch_x, date_x, batch_y = batch_x.to(device), date_x.to(device), batch_y.to(device)
                logits = model(batch_x, date_x)
                total_val_loss += criterion(logits, batch_y)

        val_loss = total_val_loss / len(val_loader)
        print(f"total_val_loss for epoch {epoch}: {val_loss}")
        scheduler.step(val_loss)

    model.eval()
    total_test_loss = 0.0
    with torch.no_grad():
        for batch_x, date_x, batch_y in test_loader:
            batch_x, date_x, batch_y = batch_x.to(device), date_x.to(device), batch_y.to(device)
            logits = model(batch_x, date_x)
            total_test_loss += criterion(logits, batch_y)
    test_loss = total_test_loss / len(test_loader)
    print(f"total_test_loss: {test_loss}")
    save_model(model, current_time)


if __name__ == '__main__':
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument('--log-dir')
    args = parser.parse_args()

    device = "mps" if torch.backends.mps.is_available() else "cpu"
    device = torch.device(device)
    print(f"Using device: {device}")
    train(args, device)
