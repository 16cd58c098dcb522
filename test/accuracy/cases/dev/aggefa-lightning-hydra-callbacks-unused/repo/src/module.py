import hydra
import pytorch_lightning as pl
import torch.nn as nn
from omegaconf import DictConfig
from torchmetrics.detection.mean_ap import MeanAveragePrecision


class ObjectDetector(pl.LightningModule):
    def __init__(self, cfg: DictConfig, model: nn.Module, loss: nn.Module):
        super().__init__()

        self.cfg = cfg
        self.model = hydra.utils.instantiate(model)
        self.loss = hydra.utils.instantiate(loss)
        self.map_metric = MeanAveragePrecision().cuda()

    def configure_optimizers(self):
        optimizer = hydra.utils.instantiate(
            self.cfg.optimizer, params=self.model.parameters()
        )
        scheduler = hydra.utils.instantiate(self.cfg.scheduler, optimizer=optimizer)

        return {
            "optimizer": optimizer,
            "lr_scheduler": {
                "scheduler": scheduler,
                "monitor": "val_loss",
                "interval": "epoch",
                "frequency": 1,
            },
        }

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        images, targets = batch
        train_loss = self.model(images, targets)

        self.log(
            "train_loss",
            train_loss,
            on_step=True,
            on_epoch=True,
            prog_bar=True,
            logger=True,
        )
        return train_loss

    def validation_step(self, batch, batch_idx):
        images, targets = batch
        outputs = self.model(images)

        targets[0]["boxes"] = targets[0]["boxes"][0]
        targets[0]["labels"] = targets[0]["labels"][0]

        self.map_metric.update(outputs, targets)

    def on_validation_epoch_end(self):
        map_score = self.map_metric.compute()
        self.log("val_map", map_score["map"], prog_bar=True, logger=True)
        self.map_metric.reset()

    def test_step(self, batch, batch_idx):
        images, targets = batch
        outputs = self.model(images)
        self.map_metric.update(outputs, targets)
        return outputs

    def on_test_epoch_end(self):
        map_score = self.map_metric.compute()
        self.log("test_map", map_score, prog_bar=True, logger=True)
        self.map_metric.reset()
