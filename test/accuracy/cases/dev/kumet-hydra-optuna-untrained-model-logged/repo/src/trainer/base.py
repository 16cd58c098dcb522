import logging
from abc import ABCMeta, abstractmethod
from pathlib import Path
from shutil import copyfile

import torch
from hydra.utils import to_absolute_path
from numpy import inf

from src.logger import EpochMetrics

logger = logging.getLogger("base-trainer")


class BaseTrainer(metaclass=ABCMeta):
    def __init__(self, model, criterion, metric_ftns, optimizer, config, mlflow_writer):
        self.config = config
        self.device, device_ids = self._prepare_device(config["n_gpu"])
        self.model = model.to(self.device)
        if len(device_ids) > 1:
            self.model = torch.nn.DataParallel(model, device_ids=device_ids)

        self.criterion = criterion
        self.metric_ftns = metric_ftns
        self.optimizer = optimizer

        cfg_trainer = config["trainer"]
        self.epochs = cfg_trainer["epochs"]
        self.monitor = cfg_trainer.get("monitor", "off")
        metric_names = ["loss"] + [met.__name__ for met in self.metric_ftns]
        self.ep_metrics = EpochMetrics(metric_names, phases=("train", "valid"), monitoring=self.monitor)
        self.early_stop = cfg_trainer.get("early_stop", inf)

        self.start_epoch = 1
        self.checkpt_dir = Path(self.config.save_dir)
        self.checkpt_dir.mkdir()
        self.mlflow_writer = mlflow_writer

        if config.resume is not None:
            self._resume_checkpoint(config.resume)

    @abstractmethod
    def _train_epoch(self, epoch):
        raise NotImplementedError

    def train(self):
        not_improved_count = 0

        for epoch in range(self.start_epoch, self.epochs + 1):
            result = self._train_epoch(epoch)
            self.ep_metrics.update(epoch, result)
            for k, v in result.items():
                self.mlflow_writer.log_metric(k, v)

            is_best = False
            improved = self.ep_metrics.is_improved()
            if improved:
                not_improved_count = 0
                is_best = True
            else:
                not_improved_count += 1

            if not_improved_count > self.early_stop:
                logger.info("Validation performance didn't improve for {} epochs. Training stops.".format(self.early_stop))
                break

            self._save_checkpoint(epoch, save_best=is_best)

        return result

    def _prepare_device(self, n_gpu_use):
        n_gpu = torch.cuda.device_count()
        if n_gpu_use > 0 and n_gpu == 0:
            logger.warning("Warning: There's no GPU available on this machine, training will be performed on CPU.")
            n_gpu_use = 0
        if n_gpu_use > n_gpu:
            n_gpu_use = n_gpu
        device = torch.device("cuda:0" if n_gpu_use > 0 else "cpu")
        return device, list(range(n_gpu_use))

    def _save_checkpoint(self, epoch, save_best=False):
        state = {
            "arch": type(self.model).__name__,
            "epoch": epoch,
            "state_dict": self.model.state_dict(),
            "optimizer": self.optimizer.state_dict(),
            "epoch_metrics": self.ep_metrics,
            "config": self.config,
        }
        filename = str(self.checkpt_dir / "checkpoint-epoch{}.pth".format(epoch))
        torch.save(state, filename)
        if save_best:
            best_path = str(self.checkpt_dir / "model_best.pth")
            copyfile(filename, best_path)
            logger.info(f"Renewing best checkpoint: .../{best_path}")

    def _resume_checkpoint(self, resume_path):
        resume_path = str(to_absolute_path(resume_path))
        logger.info("Loading checkpoint: {} ...".format(resume_path))
        checkpoint = torch.load(resume_path)
        self.start_epoch = checkpoint["epoch"] + 1
        self.ep_metrics = checkpoint["epoch_metrics"]
        self.model.load_state_dict(checkpoint["state_dict"])
        self.optimizer.load_state_dict(checkpoint["optimizer"])
        logger.info("Checkpoint loaded. Resume training from epoch {}".format(self.start_epoch))
