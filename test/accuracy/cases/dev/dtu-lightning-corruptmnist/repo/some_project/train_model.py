import pytorch_lightning as pl

from models.model import MyAwesomeModel
from data.make_dataset import MNISTDataModule
from pytorch_lightning.callbacks import ModelCheckpoint

# data and model objects
data = MNISTDataModule()
model = MyAwesomeModel()  # a LightningModule

# keep the best checkpoint
checkpoint_callback = ModelCheckpoint(dirpath="./models", monitor="train_loss", mode="min")

# trainer logging to Weights & Biases
trainer = pl.Trainer(accelerator="gpu", max_epochs=2, logger=pl.loggers.WandbLogger(project="dtu_mlops"))

if __name__ == "__main__":
    trainer.fit(model, data)
