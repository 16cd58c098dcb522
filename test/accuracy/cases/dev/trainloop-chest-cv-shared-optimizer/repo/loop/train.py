import git
import json
import logging
from pathlib import Path
from datetime import datetime
from getpass import getuser
from socket import gethostname
from contextlib import nullcontext
from collections import defaultdict

import numpy as np
import wandb
import torch
import torch.distributed as dist
from sklearn.model_selection import GroupKFold, KFold
from torch.utils.data import DataLoader
from torch.nn.parallel import DataParallel as DP, DistributedDataParallel as DDP

from config import load_config, DLConfig, object_from_dict
from dataset import ChestDataset
from checkpoint import load_checkpoint, save_checkpoint
from utils.distributed import init_distributed, reduce_tensor
from utils.io import read_duplicates, read_norma_ids
from utils.logging import get_logger
from utils.metrics import AverageMeter, calc_metrics
from utils.path import mkdir_or_exist
from utils.tracking import log_artifact, save_splits
from utils.training import set_random_seed


def prepare_exp(cfg: DLConfig) -> (dict, logging.Logger):
    """All experiment preparation stuff."""
    meta = dict()
    meta = create_workdir(cfg, meta)
    logger = get_logger("train", cfg, meta)
    meta = env_collect(cfg, meta, logger=logger)
    meta = determine_exp(cfg, meta, logger=logger)
    meta = setup_tracking(cfg, meta)
    meta["crossval"] = defaultdict(lambda: {"best_metric": 0, "best_epoch": 0})
    return meta, logger


def create_workdir(cfg: DLConfig, meta: dict) -> dict:
    dirname = f"{cfg.training.exp_name}/{datetime.now().strftime('%d.%m/%H.%M.%S')}"
    meta["run_name"] = dirname
    meta["exp_dir"] = Path(cfg.training.work_dir) / dirname
    mkdir_or_exist(meta["exp_dir"])
    return meta


def env_collect(cfg: DLConfig, meta: dict, logger: logging.Logger) -> dict:
    repo = git.Repo(search_parent_directories=True)
    meta["sha"] = repo.head.object.hexsha
    meta["host_name"] = f"{getuser()}@{gethostname()}"
    return meta


def determine_exp(cfg: DLConfig, meta: dict, logger: logging.Logger) -> dict:
    """Sets seed and experiment name."""
    if cfg.training.seed is not None:
        logger.info(f"Set random seed to {cfg.training.seed}, deterministic: {cfg.training.deterministic}\n")
        set_random_seed(cfg.training.seed, deterministic=cfg.training.deterministic)
    meta["seed"] = cfg.training.seed
    meta["exp_name"] = cfg.training.exp_name
    return meta


def setup_tracking(cfg: DLConfig, meta: dict) -> dict:
    if cfg.local_rank == 0:
        run = wandb.init(project="chest_uncertainty", name=meta["run_name"], config=cfg.to_dict())
        meta["exp_url"] = run.get_url()
    return meta


def track_metrics(cfg, cv_step, epoch, train_metrics, eval_metrics, meta, logger) -> None:
    if cfg.local_rank == 0:
        wandb.log({f"CV {cv_step}/train_loss": train_metrics["loss"], f"CV {cv_step}/step": epoch})
        wandb.log({f"CV {cv_step}/val_loss": eval_metrics["loss"], f"CV {cv_step}/step": epoch})
        for metric in cfg.evaluation.metrics:
            wandb.log({f"CV {cv_step}/{metric}": eval_metrics[metric], f"CV {cv_step}/step": epoch})
        logger.info(f"[Epoch]: {epoch} train loss {train_metrics['loss']} val loss {eval_metrics['loss']}")


def log_artifacts(cfg: DLConfig, meta: dict) -> None:
    """Logs config, report and logfile."""
    if cfg.local_rank == 0:
        cfg.dump(meta["exp_dir"] / "config.yml")
        log_artifact("config", meta["exp_dir"] / "config.yml", type="config")
        with open(meta["exp_dir"] / "report.json", "w") as f:
            meta["exp_dir"] = str(meta["exp_dir"])
            json.dump(meta, f, indent=4)
        log_artifact("report", f"{meta['exp_dir']}/report.json", type="report")
        log_artifact("logfile", f"{meta['exp_dir']}/run.log", type="logfile")


def val_epoch(model, loss_fn, loader, cfg, distributed):
    metrics = {"loss": AverageMeter()}
    for metric in cfg.evaluation.metrics:
        metrics[metric] = AverageMeter()
    model.eval()
    with torch.no_grad():
        for data_batch in loader:
            images = data_batch["image"].cuda()
            masks = data_batch["mask"].cuda()
            outputs = model(images)
            loss = loss_fn(outputs[0], masks.float())
            reduced_loss = reduce_tensor(loss.data, cfg.world_size) if distributed else loss.data
            torch.cuda.synchronize()
            metrics["loss"].update(reduced_loss.item(), images.size(0))
            for metric, value in calc_metrics(cfg, outputs[0], masks).items():
                metrics[metric].update(value.item(), images.size(0))
    return {k: v.avg for k, v in metrics.items()}


def train_one_epoch(model, loss_fn, loader, optimizer, cfg, distributed):
    losses_m = AverageMeter()
    model.train()
    for batch_idx, data_batch in enumerate(loader):
        images = data_batch["image"].cuda()
        masks = data_batch["mask"].cuda()
        labels = data_batch["label"].cuda()

        outputs = model(images)
        seg_loss = loss_fn(outputs[0], masks.float())
        clf_loss = torch.nn.BCELoss()(outputs[1][:, 1], labels)
        loss = seg_loss + clf_loss

        if not distributed:
            losses_m.update(loss.item(), images.size(0))

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        torch.cuda.synchronize()

    lrl = [param_group["lr"] for param_group in optimizer.param_groups]
    return {"loss": losses_m.avg, "lr": sum(lrl) / len(lrl)}


def run_cv_step(cv_step, model, loss_fn, cfg, train_dataloader, val_dataloader, optimizer,
                lr_scheduler, meta, distributed, logger) -> dict:
    for epoch in range(1, cfg.training.total_epochs + 1):
        if distributed and hasattr(train_dataloader.sampler, "set_epoch"):
            train_dataloader.sampler.set_epoch(epoch - 1)

        train_metrics = train_one_epoch(model, loss_fn, train_dataloader, optimizer, cfg, distributed)
        eval_metrics = val_epoch(model, loss_fn, val_dataloader, cfg, distributed)

        if lr_scheduler is not None:
            lr_scheduler.step()

        track_metrics(cfg, cv_step, epoch, train_metrics, eval_metrics, meta, logger)

        if eval_metrics[cfg.evaluation.best_metric] > meta["crossval"][cv_step]["best_metric"]:
            meta["crossval"][cv_step]["best_metric"] = eval_metrics[cfg.evaluation.best_metric]
            meta["crossval"][cv_step]["best_epoch"] = epoch
            if cfg.local_rank == 0:
                logger.info(f"Saving checkpoint for crossval step {cv_step}, epoch {epoch}\n")
                save_checkpoint(model, meta["exp_dir"] / f"CV{cv_step}_best.pth")
    return meta


def main(cfg: DLConfig):
    distributed = init_distributed(cfg)
    meta, logger = prepare_exp(cfg)

    model = object_from_dict(cfg.model)
    loss_fn = object_from_dict(cfg.loss)
    model.cuda()

    if distributed:
        model = DDP(model, device_ids=[cfg.local_rank], output_device=cfg.local_rank)
    else:
        model = DP(model, device_ids=[0])

    # saving base model weights for reinitialization during CV
    save_checkpoint(model, meta["exp_dir"] / "base_model.pth")

    optimizer = object_from_dict(cfg.optimizer, params=model.parameters())
    lr_scheduler = object_from_dict(cfg.lr_scheduler, optimizer=optimizer)

    # group split on the known duplicates
    duplicates = read_duplicates(cfg.cross_validation.duplicates_path)
    groups = [*duplicates.values()]
    group_cv = GroupKFold(n_splits=cfg.cross_validation.n_splits)
    pneumonia_ids = np.array([*duplicates.keys()], dtype=int)
    pneumonia_split = group_cv.split(pneumonia_ids, None, groups)

    # no need for grouping of norma images
    norma_ids = np.array(read_norma_ids(cfg.training.images_path), dtype=int)
    cv = KFold(n_splits=cfg.cross_validation.n_splits, shuffle=True)
    norma_split = cv.split(norma_ids)

    for cv_step in range(cfg.cross_validation.n_splits):
        logger.info(f"Cross validation step: {cv_step + 1}\n")
        try:
            cfg.training.seed += cfg.training.fold_seed_step
            set_random_seed(cfg.training.seed)

            if cfg.training.load_from:
                load_checkpoint(model, cfg.training.load_from, strict=False)
            else:
                load_checkpoint(model, meta["exp_dir"] / "base_model.pth")
                model.module.initialize()

            pneumonia_train, pneumonia_val = next(pneumonia_split)
            norma_train, norma_val = next(norma_split)

            train_subsamples = (pneumonia_ids[pneumonia_train], norma_ids[norma_train])
            train_dataset = ChestDataset(**cfg.train_dataset, subsamples=train_subsamples)
            train_dataloader = DataLoader(train_dataset, **cfg.loader)

            val_subsamples = (pneumonia_ids[pneumonia_val], norma_ids[norma_val])
            val_dataset = ChestDataset(**cfg.val_dataset, subsamples=val_subsamples)
            val_dataloader = DataLoader(val_dataset, **{**cfg.loader, "drop_last": False})

            if cfg.local_rank == 0:
                save_splits(train_subsamples, val_subsamples, cv_step, exp_dir=meta["exp_dir"])

            meta = run_cv_step(cv_step + 1, model, loss_fn, cfg, train_dataloader, val_dataloader,
                               optimizer, lr_scheduler, meta, distributed, logger)
        except KeyboardInterrupt:
            if cfg.local_rank == 0:
                logger.info("Training was interrupted. Saving last checkpoint\n")
                save_checkpoint(model, meta["exp_dir"] / f"CV{cv_step}_last.pth")
            break

    log_artifacts(cfg, meta)

    if distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    config: DLConfig = load_config()
    main(config)
