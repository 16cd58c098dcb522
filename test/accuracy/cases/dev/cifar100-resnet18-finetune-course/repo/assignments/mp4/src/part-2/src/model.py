import torch.nn as nn


class FineTune(nn.Module):
    """Replace the last layer of a pre-trained ResNet."""

    def __init__(self, resnet, num_classes):
        super(FineTune, self).__init__()
        self.features = nn.Sequential(*list(resnet.children())[:-1])
        self.classifier = nn.Linear(512, num_classes)

    def forward(self, x):
        f = self.features(x)
        f = f.view(f.size(0), -1)
        return self.classifier(f)
