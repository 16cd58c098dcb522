import os
import torch
import torchvision
import torch.utils.data
import torchvision.transforms as transforms

from torch.autograd import Variable
from model import *


def resnet18(model_urls, pretrained=True):
    """Load pre-trained ResNet-18 model in Pytorch."""
    model = torchvision.models.resnet.ResNet(
        torchvision.models.resnet.BasicBlock, [2, 2, 2, 2])

    if pretrained:
        model.load_state_dict(torch.utils.model_zoo.load_url(
            model_urls, model_dir='../'))
        model = FineTune(model, num_classes=100)
    return model


def data_loader(dataroot, batch_size_train, batch_size_test):
    transform_train = transforms.Compose([
        transforms.RandomResizedCrop(224),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])
    ])
    transform_test = transforms.Compose([
        transforms.Resize(224),
        transforms.CenterCrop(224),
        transforms.ToTensor(),
        transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])
    ])

    trainset = torchvision.datasets.CIFAR100(root=dataroot,
                                             train=True,
                                             download=True,
                                             transform=transform_train)
    trainloader = torch.utils.data.DataLoader(
        trainset, batch_size=batch_size_train, shuffle=True, num_workers=4)

    testset = torchvision.datasets.CIFAR100(root=dataroot,
                                            train=False,
                                            download=True,
                                            transform=transform_test)
    testloader = torch.utils.data.DataLoader(
        testset, batch_size=batch_size_test, shuffle=False, num_workers=4)

    return trainloader, testloader


def calculate_accuracy(net, loader, is_gpu):
    correct = 0.
    total = 0.

    for data in loader:
        images, labels = data
        if is_gpu:
            images = images.cuda()
            labels = labels.cuda()
        outputs = net(Variable(images))
        _, predicted = torch.max(outputs.data, 1)

        total += labels.size(0)
        correct += (predicted == labels).sum()

    return 100 * correct / total


def train_model(net, optimizer, scheduler, criterion, trainloader,
                testloader, start_epoch, epochs, is_gpu):
    print("==> Start training ...")

    net.train()

    for epoch in range(start_epoch, epochs + start_epoch):

        running_loss = 0.0
        scheduler.step()

        for i, data in enumerate(trainloader, 0):
            inputs, labels = data

            if is_gpu:
                inputs, labels = inputs.cuda(), labels.cuda()

            inputs, labels = Variable(inputs), Variable(labels)

            optimizer.zero_grad()

            outputs = net(inputs)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()

            running_loss += loss.data[0]

        running_loss /= len(trainloader)

        train_accuracy = calculate_accuracy(net, trainloader, is_gpu)
        test_accuracy = calculate_accuracy(net, testloader, is_gpu)

        print("Iteration: {0} | Loss: {1} | Training accuracy: {2}% | Test accuracy: {3}%".format(
            epoch+1, running_loss, train_accuracy, test_accuracy))

        if epoch % 50 == 0:
            print('==> Saving model ...')
            state = {
                'net': net.module if is_gpu else net,
                'epoch': epoch,
            }
            if not os.path.isdir('../checkpoint'):
                os.mkdir('../checkpoint')
            torch.save(state, '../checkpoint/ckpt.t7')

    print('==> Finished Training ...')
