import torch
import torchvision
from PIL import Image
from torch import nn

test_image_path = "../imgs/test.png"
image = Image.open(test_image_path)
image = image.convert('RGB')
transform = torchvision.transforms.Compose([torchvision.transforms.Resize((32, 32)),
                                            torchvision.transforms.ToTensor()])
image = transform(image)
image = torch.reshape(image, (1, 3, 32, 32))

model = torch.load(model_save_path).to(device)
model.eval()
with torch.no_grad():
    output = model(image)
print(output)
print(output.argmax(1))
