import torch
import torchvision

# load model
model = torchvision.models.vit_l_16(weights="ViT_L_16_Weights.DEFAULT")
print("Model is loaded.")

# save the state dict
torch.save(model.state_dict(), "vit_l_16.pt")
print("Model saved")
