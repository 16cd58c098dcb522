import torch
from torch import nn
from torchvision.models import vgg19
import pytorch_lightning as pl
from torchmetrics.classification import Accuracy

class DummyNet(pl.LightningModule):
    def __init__(self, lr=0.0001, n_hidden=512, dropout=0.2):
        super().__init__()
        self.net = vgg19(pretrained=True)
        for param in self.net.parameters():
            param.requires_grad = False

        num_emotions = 8
        model_output_features = self.net.classifier[6].in_features
        self.net.classifier[6] = nn.Sequential(nn.Linear(model_output_features, n_hidden),
                                    nn.ReLU(),
                                    nn.Dropout(dropout),
                                    nn.Linear(n_hidden, num_emotions))
        self.loss = nn.CrossEntropyLoss()
        self.lr = lr
        self.train_accuracy = Accuracy(task="multiclass", num_classes=num_emotions)
        self.save_hyperparameters()

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        logits = self.forward(x)
        loss = self.loss(logits, y)
        self.log("train_loss", loss)
        preds = torch.softmax(logits, dim=1)
        self.train_accuracy(preds, y)
        self.log('train_acc_step', self.train_accuracy)
        return loss

    def on_train_epoch_end(self):
        self.log('train_acc_epoch', self.train_accuracy)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.lr)
