from sklearn.metrics import accuracy_score
from zenml.steps import step


@step
def evaluate_model(model, X: list, y: list) -> float:
    preds = model.predict(X)
    acc = accuracy_score(y, preds)
    print(f"Accuracy: {acc}")
    return acc
