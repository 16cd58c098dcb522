import re
from collections import OrderedDict
from pathlib import Path
from typing import Union, Optional, Dict, Any

import torch


def load_checkpoint(model: torch.nn.Module, filename: str, map_location: str = None, strict: bool = True,
                    revise_keys: list = [(r'^module\.', '')]):
    """Loads checkpoint from file."""
    checkpoint = torch.load(filename, map_location=map_location)
    if not isinstance(checkpoint, dict):
        raise RuntimeError(f'No state_dict found in checkpoint file {filename}')

    state_dict = checkpoint['state_dict'] if 'state_dict' in checkpoint else checkpoint
    for p, r in revise_keys:
        state_dict = {re.sub(p, r, k): v for k, v in state_dict.items()}

    target = model.module if hasattr(model, "module") else model
    target.load_state_dict(state_dict, strict=strict)
    return checkpoint


def weights_to_cpu(state_dict: OrderedDict) -> OrderedDict:
    state_dict_cpu = OrderedDict()
    for key, val in state_dict.items():
        state_dict_cpu[key] = val.cpu()
    return state_dict_cpu


def save_checkpoint(model: torch.nn.Module, filename: Union[str, Path], meta: Optional[Dict[str, Any]] = None,
                    optimizer=None):
    """Saves state_dict (and the optimizer when given) to file."""
    if hasattr(model, "module"):
        model = model.module

    checkpoint = {"meta": meta, "state_dict": weights_to_cpu(model.state_dict())}
    if optimizer is not None:
        checkpoint["optimizer"] = optimizer.state_dict()

    torch.save(checkpoint, filename)
