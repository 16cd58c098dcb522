import hydra
import pytorch_lightning as pl
import torch
from omegaconf import DictConfig
from pytorch_lightning import seed_everything


@hydra.main(version_base=None, config_path="config", config_name="train")
def train(cfg: DictConfig):
    # Fix the seed for reproducibility
    seed_everything(cfg.seed)
    torch.set_float32_matmul_precision("high")

    # Build the data module, the module and the trainer from the config
    datamodule = hydra.utils.instantiate(cfg.datamodule)
    module = hydra.utils.instantiate(cfg.module, _recursive_=False)
    logger = hydra.utils.instantiate(cfg.logger)
    trainer = hydra.utils.instantiate(cfg.trainer, logger=logger)

    # Train
    trainer.fit(module, datamodule)


if __name__ == "__main__":
    train()
