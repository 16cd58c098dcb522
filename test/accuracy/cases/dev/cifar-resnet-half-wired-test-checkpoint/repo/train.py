import torch
import torchvision
from torch import nn

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
criterion = nn.CrossEntropyLoss()
model = torch.load(model_save_path).to(device)
optimizer = torch.optim.Adam(params, lr=0.0001)

best_acc = 0.0
train_accuracies = []
train_losses = []
valid_accuracies = []
valid_losses = []
for epoch in range(epochs):
    model.train()
    running_loss = 0.0
    correct_train = 0
    total_train = 0

    train_bar = tqdm(trainloader, position=0, leave=True)
    for i, data in enumerate(train_bar):
        images, labels = data
        optimizer.zero_grad()
        outputs = model(images.to(device))
        loss = criterion(outputs, labels.to(device))
        loss.backward()
        optimizer.step()

        running_loss += loss.item()
        _, predicted = torch.max(outputs, 1)
        correct_train += (predicted == labels.to(device)).sum().item()
        total_train += labels.size(0)
    train_accuracy = correct_train / total_train
    train_accuracies.append(train_accuracy)
    train_loss = running_loss / len(trainloader)
    train_losses.append(train_loss)

    model.eval()
    correct_valid = 0
    total_valid = 0
    with torch.no_grad():
        val_bar = tqdm(testloader)
        for val_data in val_bar:
            val_images, val_labels = val_data
            outputs = model(val_images.to(device))
            predict_y = torch.max(outputs, dim=1)[1]
            correct_valid += torch.eq(predict_y, val_labels.to(device)).sum().item()
            total_valid += val_labels.size(0)

    valid_accuracy = correct_valid / total_valid
    valid_accuracies.append(valid_accuracy)
    valid_losses.append(loss.item())

    print('[epoch %d] train_loss: %.3f  val_accuracy: %.3f' % (epoch + 1, train_loss, valid_accuracy))
    if valid_accuracy > best_acc:
        best_acc = valid_accuracy
        torch.save(model.state_dict(), save_path)

print('Finished Training')
