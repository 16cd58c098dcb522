import pytorch_lightning as pl

from models.model import MyAwesomeModel
from data.make_dataset import MNISTDataModule

data = MNISTDataModule()
model = MyAwesomeModel()  # a LightningModule

trainer = pl.Trainer()

trainer.test(model, data)


if __name__ == "__main__":
    trainer.test(model)
