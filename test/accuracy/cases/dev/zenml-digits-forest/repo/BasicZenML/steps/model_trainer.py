from sklearn.ensemble import RandomForestClassifier
from zenml.steps import step


@step
def train_model(X: list, y: list) -> RandomForestClassifier:
    model = RandomForestClassifier()
    model.fit(X, y)
    return model
