import torch


class ImageDateRegressionModel(torch.nn.Module):
    def __init__(self, layers=[], n_input_channels=3, normalize_input=False):
        super().__init__()
        self.normalize_input = normalize_input
        self.conv = torch.nn.Conv2d(n_input_channels, 32, kernel_size=7, stride=2)
        self.gap = torch.nn.AdaptiveAvgPool2d(1)
        self.img_linear = torch.nn.Linear(32, 6)
        self.date_linear = torch.nn.Linear(4, 2)
        self.classifier = torch.nn.Linear(8, 2)

    def forward(self, x, date_feature):
        x = self.gap(torch.relu(self.conv(x))).view(x.size(0), -1)
        x = torch.relu(self.img_linear(x))
        date_x = torch.relu(self.date_linear(date_feature))
        return self.classifier(torch.cat((x, date_x), dim=1))


def save_model(model, id):
    from torch import save
    from os import path
    if isinstance(model, ImageDateRegressionModel):
        return save(model.state_dict(), path.join(path.dirname(path.abspath(__file__)), f'Model_{id}.th'))
    raise ValueError("model type '%s' not supported!" % str(type(model)))
