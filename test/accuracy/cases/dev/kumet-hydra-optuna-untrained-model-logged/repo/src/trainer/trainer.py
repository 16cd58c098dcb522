import logging

import torch
from torchvision.utils import make_grid

from src.logger import BatchMetrics

from .base import BaseTrainer

logger = logging.getLogger("trainer")


class Trainer(BaseTrainer):
    def __init__(self, model, criterion, metric_ftns, optimizer, config, data_loader, mlflow_writer,
                 valid_data_loader=None, lr_scheduler=None):
        super().__init__(model, criterion, metric_ftns, optimizer, config, mlflow_writer)
        self.data_loader = data_loader
        self.len_epoch = len(self.data_loader)
        self.valid_data_loader = valid_data_loader
        self.lr_scheduler = lr_scheduler
        self.log_step = config["trainer"]["logging_step"]
        self.train_metrics = BatchMetrics("loss", *[m.__name__ for m in self.metric_ftns], postfix="/train")
        self.valid_metrics = BatchMetrics("loss", *[m.__name__ for m in self.metric_ftns], postfix="/valid")

    def _train_epoch(self, epoch):
        self.model.train()
        self.train_metrics.reset()
        for batch_idx, (data, target) in enumerate(self.data_loader):
            data, target = data.to(self.device), target.to(self.device)

            self.optimizer.zero_grad()
            output = self.model(data)
            loss = self.criterion(output, target)
            loss.backward()
            self.optimizer.step()

            self.train_metrics.update("loss", loss.item())
            if batch_idx % self.log_step == 0:
                for met in self.metric_ftns:
                    self.train_metrics.update(met.__name__, met(output, target))
                logger.info("Train Epoch: {} Loss: {:.6f}".format(epoch, loss.item()))
        log = self.train_metrics.result()

        if self.valid_data_loader is not None:
            val_log = self._valid_epoch(epoch)
            log.update(**val_log)

        if self.lr_scheduler is not None:
            self.lr_scheduler.step()
        return log

    def _valid_epoch(self, epoch):
        self.model.eval()
        self.valid_metrics.reset()
        with torch.no_grad():
            for batch_idx, (data, target) in enumerate(self.valid_data_loader):
                data, target = data.to(self.device), target.to(self.device)
                output = self.model(data)
                loss = self.criterion(output, target)
                self.valid_metrics.update("loss", loss.item())
                for met in self.metric_ftns:
                    self.valid_metrics.update(met.__name__, met(output, target))
        return self.valid_metrics.result()
