import os
import pdb
import random
import argparse
import numpy as np
import torch

from transformers import AutoModelForSequenceClassification, AutoTokenizer
from dataset import MyDataset
from trainer import MyTrainer


def setup_seed(seed=3407):
    os.environ["PYTHONASHSEED"] = str(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    np.random.seed(seed)
    random.seed(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", default="./data/sst2", type=str)
    parser.add_argument("--model_name", default="roberta-base", type=str)
    parser.add_argument("--tokenizer_name", default="roberta-base", type=str)
    parser.add_argument("--output_dir", default="./logs/runs", type=str)
    parser.add_argument("--logging_dir", default="./logs", type=str)
    parser.add_argument("--save_model", action="store_true")
    parser.add_argument("--train", action="store_true")
    parser.add_argument("--test", action="store_true")
    parser.add_argument("--seed", default=42, type=int)
    parser.add_argument("--epochs", default=5, type=int)
    parser.add_argument("--train_bsize", default=128, type=int)
    parser.add_argument("--test_bsize", default=256, type=int)
    parser.add_argument("--learning_rate", default=5e-5, type=float)
    parser.add_argument("--patience", default=10, type=int)
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_args()
    setup_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    model = AutoModelForSequenceClassification.from_pretrained(args.model_name, num_labels=6)
    tokenizer = AutoTokenizer.from_pretrained(args.tokenizer_name)
    model.to(device)

    train_dataset = MyDataset("train", args.data_dir, tokenizer, max_length=64)
    test_dataset = MyDataset("test", args.data_dir, tokenizer, max_length=64)
    dev_dataset = None
    if "sst2" in args.data_dir:
        dev_dataset = MyDataset("dev", args.data_dir, tokenizer, max_length=64)

    trainer = MyTrainer(model, tokenizer, train_dataset, dev_dataset, test_dataset)
    trainer.train(args, device)
