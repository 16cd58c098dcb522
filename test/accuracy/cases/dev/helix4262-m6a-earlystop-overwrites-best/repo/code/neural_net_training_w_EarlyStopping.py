import argparse
import os

import torch
from tqdm import tqdm
from neural_net_model import ModNet
from neural_net_preproc import RNANanoporeDataset
from sklearn.metrics import auc, precision_recall_curve, roc_auc_score
from torch import nn
from torch.utils.data import DataLoader
from torch.utils.data.dataset import random_split


DEVICE = (
    "cuda"
    if torch.cuda.is_available()
    else "mps"
    if torch.backends.mps.is_available()
    else "cpu"
)


class EarlyStopping:
    def __init__(self, patience=3, min_delta=0.0, path='model.pth'):
        """Stop when the validation loss has not improved for `patience` epochs; keep the best model at `path`."""
        self.patience = patience
        self.min_delta = min_delta
        self.counter = 0
        self.best_loss = None
        self.stop = False
        self.path = path

    def __call__(self, val_loss, model):
        if self.best_loss is None or val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.counter = 0
            torch.save(model.state_dict(), self.path)
        else:
            self.counter += 1
            if self.counter >= self.patience:
                self.stop = True


def parse_arguments():
    parser = argparse.ArgumentParser(description="Trains the Neural Network for predicting m6a modifications on RNA Transcriptomes")
    required = parser.add_argument_group("required arguments")
    required.add_argument("-dp", '--data-path', metavar='', type=str, required=True,
                          help="Full path to the .csv file including features and labels for training")
    optional = parser.add_argument_group("optional arguments")
    optional.add_argument('-ts', '--train-size', metavar='', default=0.8,
                          help='proportion of dataset used for training. Default is 0.8.')
    optional.add_argument('-ne', '--num-epochs', metavar='', default=10,
                          help='number of epochs used for training. Default is 10.')
    optional.add_argument('-lr', '--learning-rate', metavar='', default=0.001,
                          help='Learning rate for training the neural network. Default is 0.001.')
    optional.add_argument('-bs', '--batch-size', metavar='', default=256,
                          help='Number of datapoints in each batch. Default is 0.001.')
    optional.add_argument('-msd', '--modelstate-dict', metavar='', type=str, default=os.path.join(".", "models/state", "model.pth"),
                          help="Where to store the model state (Default: ./models/state/model.pth)")
    optional.add_argument('-cpd', '--checkpoint-dict', metavar='', type=str, default="",
                          help="Checkpoint to continue training from (Default: '')")
    args = parser.parse_args()
    return args


def evaluate_model(model, testloader, criterion, device=DEVICE):
    model.eval()
    total_loss = 0.0
    all_labels = []
    all_predictions = []

    with torch.no_grad():
        for data in tqdm(testloader, desc="Evaluating", leave=False):
            signal_features, labels = data
            signal_features = signal_features.to(device)
            labels = labels.to(device)

            read_level_probs = model(signal_features)
            site_level_probs = model.noisy_or_pooling(read_level_probs).squeeze()

            loss = criterion(site_level_probs, labels.float())
            total_loss += loss.item()

            all_labels.append(labels.cpu())
            all_predictions.append(site_level_probs.cpu())

    all_labels = torch.cat(all_labels)
    all_predictions = torch.cat(all_predictions)

    roc_auc = roc_auc_score(all_labels, all_predictions)
    precision, recall, _ = precision_recall_curve(all_labels, all_predictions)
    pr_auc = auc(recall, precision)

    avg_loss = total_loss / len(testloader)
    print(f'Test Loss: {avg_loss:.4f}, ROC-AUC: {roc_auc:.4f}, PR-AUC: {pr_auc:.4f}')
    return avg_loss, roc_auc, pr_auc


def train_model_with_checks(args):
    device = DEVICE

    rna_data = RNANanoporeDataset(csv_file=args.data_path)

    # perform train test split on data
    train_size = int(args.train_size * len(rna_data))
    test_size = len(rna_data) - train_size
    trainset, testset = random_split(rna_data, [train_size, test_size])
    trainloader = DataLoader(trainset, batch_size=args.batch_size, shuffle=True)
    testloader = DataLoader(testset, batch_size=args.batch_size, shuffle=False)

    sample_features, _ = next(iter(trainloader))
    expected_input_dim = sample_features.shape[1]

    if args.checkpoint_dict and not (os.path.exists(args.checkpoint_dict)):
        raise Exception("Checkpoint directory stated does not exist, please check if the right directory is given")
    checkpoint = torch.load(args.checkpoint_dict) if args.checkpoint_dict else {}

    model = ModNet(signal_input_dim=79)

    os.makedirs(os.path.dirname(args.modelstate_dict), exist_ok=True)
    if checkpoint:
        model.load_state_dict(checkpoint['model_state_dict'])

    model.to(device)
    model.train()

    num_epochs = args.num_epochs
    criterion = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(),
                                 lr=args.learning_rate)

    early_stopper = EarlyStopping(patience=3, path=args.modelstate_dict)

    for epoch in range(num_epochs):
        running_loss = 0.0

        for i, data in tqdm(enumerate(trainloader), total=len(trainloader), dynamic_ncols=True, desc="Training", leave=False):
            signal_features, labels = data

            current_input_dim = signal_features.shape[1]
            if current_input_dim != expected_input_dim:
                raise ValueError(
                    f"Input dimension mismatch! Model expects {expected_input_dim} "
                    f"features but got {current_input_dim} features."
                )

            signal_features = signal_features.to(device)
            labels = labels.to(device).float()

            try:
                read_level_probs = model(signal_features)
                site_level_probs = model.noisy_or_pooling(read_level_probs).squeeze()

                loss = criterion(site_level_probs, labels)

                optimizer.zero_grad()
                loss.backward()
                optimizer.step()

                running_loss += loss.item()
                if i % 10 == 9:
                    print(f'Epoch [{epoch+1}/{num_epochs}], '
                          f'Batch [{i+1}/{len(trainloader)}], '
                          f'Loss: {running_loss/10:.4f}')
                    running_loss = 0.0

            except RuntimeError as e:
                print(f"\nError in batch {i}:")
                print(f"Input shape: {signal_features.shape}")
                print(f"Error message: {str(e)}")
                raise e

        # Validate and check early stopping
        val_loss, _, _ = evaluate_model(model, testloader, criterion, device=device)
        print(f'Epoch [{epoch+1}/{num_epochs}], Validation Loss: {val_loss:.4f}')

        early_stopper(val_loss, model)
        if early_stopper.stop:
            print("Early stopping triggered. Stopping training.")
            break

        torch.save({
                'epoch': epoch,
                'model_state_dict': model.state_dict(),
                'optimizer_state_dict': optimizer.state_dict(),
                'loss': loss
                }, args.modelstate_dict)

    print('Model Training has ended. \nNow evaluating results...')

    full_data = DataLoader(rna_data, batch_size=256, shuffle=True)
    evaluate_model(model, full_data, criterion, device=DEVICE)


if __name__ == "__main__":
    torch.manual_seed(42)
    args = parse_arguments()
    train_model_with_checks(args)
