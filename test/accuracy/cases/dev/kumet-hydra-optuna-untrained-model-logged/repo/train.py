import logging
import os

import hydra
import mlflow
import numpy as np
import torch
from hydra import utils
from omegaconf import DictConfig

from src.logger import MlflowWriter
from src.trainer import Trainer
from src.utils import instantiate

# fix random seeds for reproducibility
SEED = 123
torch.manual_seed(SEED)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
np.random.seed(SEED)

logger = logging.getLogger('train')


@hydra.main(config_path='conf/', config_name='train')
def main(config: DictConfig):
    data_loader, valid_data_loader = instantiate(config.data_loader)

    model = instantiate(config.arch)
    logger.info(model)

    criterion = instantiate(config.loss, is_func=True)
    metrics = [instantiate(met, is_func=True) for met in config['metrics']]

    optimizer = instantiate(config.optimizer, model.parameters())
    lr_scheduler = instantiate(config.lr_scheduler, optimizer)

    mlflow.set_tracking_uri('file://' + utils.get_original_cwd() + '/mlruns')
    mlflow_writer = MlflowWriter(config.experiment_name)
    mlflow_writer.log_params_from_omegaconf_dict(config)
    mlflow_writer.log_torch_model(model)

    trainer = Trainer(model, criterion, metrics, optimizer,
                      config=config,
                      data_loader=data_loader,
                      valid_data_loader=valid_data_loader,
                      mlflow_writer=mlflow_writer,
                      lr_scheduler=lr_scheduler)
    result = trainer.train()

    mlflow_writer.log_artifact(os.path.join(os.getcwd(), '.hydra/config.yaml'))
    mlflow_writer.log_artifact(os.path.join(os.getcwd(), 'train.log'))
    mlflow_writer.set_terminated()

    return result['accuracy/valid']


if __name__ == '__main__':
    main()
