import torch.nn as nn
from torch.optim import Adam
import lightning as pl
from torchmetrics.classification import MulticlassPrecision, MulticlassRecall, MulticlassF1Score


class ModelWrapper(pl.LightningModule):
    def __init__(self, model):
        super().__init__()
        self.model = model
        self.loss = nn.CrossEntropyLoss()
        self.precision_score = MulticlassPrecision(2)
        self.recall_score = MulticlassRecall(2)
        self.f1_score = MulticlassF1Score(2)

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.loss(self(x), y)
        self.log('train_loss', loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        self.f1_score(y_hat, y)
        self.log('val_f1', self.f1_score)

    def test_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        self.f1_score(y_hat, y)
        self.log('test_f1', self.f1_score)

    def configure_optimizers(self):
        return Adam(self.parameters(), lr=1e-3)
