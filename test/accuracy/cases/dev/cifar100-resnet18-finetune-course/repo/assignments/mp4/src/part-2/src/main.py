"""Fine-tune a pre-trained ResNet-18 on CIFAR100."""

import os
import torch
import torch.optim
import torch.nn as nn
import torch.backends.cudnn as cudnn

import argparse

from utils import *


parser = argparse.ArgumentParser()

parser.add_argument('--dataroot', type=str,
                    default="../data", help='path to dataset')
parser.add_argument('--ckptroot', type=str,
                    default="../checkpoint/ckpt.t7", help='path to checkpoint')

parser.add_argument('--lr', type=float, default=0.001, help='learning rate')
parser.add_argument('--weight_decay', type=float,
                    default=1e-5, help='weight decay (L2 penalty)')
parser.add_argument('--epochs', type=int, default=500,
                    help='number of epochs to train')
parser.add_argument('--batch_size_train', type=int,
                    default=64, help='training set input batch size')
parser.add_argument('--batch_size_test', type=int,
                    default=64, help='test set input batch size')

parser.add_argument('--resume', type=bool, default=True,
                    help='whether re-training from ckpt')
parser.add_argument('--is_gpu', type=bool, default=True,
                    help='whether training using GPU')

parser.add_argument('--model_url', type=str, default="https://download.pytorch.org/models/resnet18-5c106cde.pth",
                    help='model url for pretrained model')

args = parser.parse_args()


def main():
    start_epoch = 0

    if args.resume:
        print('==> Resuming from checkpoint ...')
        assert os.path.isdir(
            '../checkpoint'), 'Error: no checkpoint directory found!'
        checkpoint = torch.load(args.ckptroot)
        net = checkpoint['net']
        start_epoch = checkpoint['epoch']
    else:
        print('==> Load pre-trained ResNet model ...')
        net = resnet18(args.model_url)

    if args.is_gpu:
        net = net.cuda()
        net = torch.nn.DataParallel(
            net, device_ids=range(torch.cuda.device_count()))
        cudnn.benchmark = True

    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(net.parameters(),
                                 lr=args.lr,
                                 weight_decay=args.weight_decay)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.95)

    trainloader, testloader = data_loader(args.dataroot,
                                          args.batch_size_train,
                                          args.batch_size_test)

    train_model(net,
                optimizer,
                scheduler,
                criterion,
                trainloader,
                testloader,
                start_epoch,
                args.epochs,
                args.is_gpu)


if __name__ == '__main__':
    main()
