import torch


def set_device(cuda: bool = True):
    device = torch.device("cuda" if (torch.cuda.is_available() and cuda) else "cpu")
    return device
