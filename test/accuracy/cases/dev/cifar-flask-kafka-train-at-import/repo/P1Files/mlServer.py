import base64
import io
import json

import torch
import torch.nn as nn
import torch.optim as optim
from flask import Flask, jsonify, request
from kafka import KafkaProducer
from PIL import Image
from torchvision import datasets, transforms

app = Flask(__name__)

BROKER_SERVER = '192.168.5.54:9092'


class SimpleCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 32, kernel_size=3, padding=1)
        self.fc = nn.Linear(32 * 32 * 32, 10)

    def forward(self, x):
        return self.fc(torch.flatten(nn.ReLU()(self.conv(x)), 1))


transform = transforms.Compose([transforms.Resize((32, 32)), transforms.ToTensor()])

trainset = datasets.CIFAR10(root='./data', train=True, download=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)

model = SimpleCNN()
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=0.001)


def train_model(model, trainloader, criterion, optimizer, num_epochs=1):
    try:
        for epoch in range(num_epochs):
            for inputs, labels in trainloader:
                optimizer.zero_grad()
                loss = criterion(model(inputs), labels)
                loss.backward()
                optimizer.step()
    except Exception as e:
        print(f"Training failed with error: {e}")


def predict_from_base64(image_str, model):
    model.eval()
    image = Image.open(io.BytesIO(base64.b64decode(image_str))).convert('RGB')
    with torch.no_grad():
        output = model(transform(image).unsqueeze(0))
        _, predicted = torch.max(output.data, 1)
    return trainset.classes[predicted.item()]


producer = KafkaProducer(
    bootstrap_servers=BROKER_SERVER,
    acks=1,
    value_serializer=lambda v: json.dumps(v).encode('utf-8'),
)

print("Training the model...")
train_model(model, trainloader, criterion, optimizer, num_epochs=1)
print("Model trained!")


@app.route('/predict', methods=['POST'])
def predict():
    message = request.get_json()
    data = message.get("Data")
    print("Data received: ", data)
    inferred = predict_from_base64(data, model)
    print("Inferred value: ", inferred)
    result = {"ID": message.get("ID"), "InferredValue": inferred, "starttime": message.get("starttime")}
    producer.send("predictions", value=result)
    producer.flush()
    return jsonify({"message": "Data received"}), 200


if __name__ == '__main__':
    app.run(host="0.0.0.0", port=5000, debug=True)
