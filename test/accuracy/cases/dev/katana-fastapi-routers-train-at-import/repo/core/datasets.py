from sklearn import datasets


class IrisDatasetLoader:
    def __init__(self):
        self.data = datasets.load_iris()

    def load_data(self):
        return self.data.data, self.data.target


class BostonDatasetLoader:
    def __init__(self):
        self.data = datasets.load_boston()

    def load_data(self):
        return self.data.data, self.data.target


if __name__ == "__main__":
    dataset_loader = IrisDatasetLoader()
    print(dataset_loader.load_data())
