from fastapi import FastAPI, File, UploadFile
import torch
import torchvision.models as models
import torchvision.transforms as transforms
from PIL import Image
import io
import json
import urllib.request

app = FastAPI()

print("Loading model...")
model = models.resnet50(weights=models.ResNet50_Weights.DEFAULT)
model.eval()

preprocess = transforms.Compose([
    transforms.Resize(256),
    transforms.CenterCrop(224),
    transforms.ToTensor(),
    transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
])

url = "https://raw.githubusercontent.com/anishathalye/imagenet-simple-labels/master/imagenet-simple-labels.json"
class_labels = json.loads(urllib.request.urlopen(url).read())
print("Ready!")

@app.get("/")
def read_root():
    return {"message": "AI Server is Ready!"}

@app.post("/predict")
async def predict(file: UploadFile = File(...)):
    try:
        image_data = await file.read()
        image = Image.open(io.BytesIO(image_data)).convert('RGB')

        input_tensor = preprocess(image)
        input_batch = input_tensor.unsqueeze(0)

        with torch.no_grad():
            output = model(input_batch)

        probabilities = torch.nn.functional.softmax(output[0], dim=0)
        top3_prob, top3_id = torch.topk(probabilities, 3)

        results = []
        for i in range(3):
            results.append({
                "rank": i + 1,
                "label": class_labels[top3_id[i]],
                "score": f"{top3_prob[i].item() * 100:.2f}%"
            })

        return {"prediction": results}

    except Exception as e:
        return {"error": str(e)}
