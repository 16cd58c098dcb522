import pickle
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

MODEL_PATH = "./models/log_iris.pkl"

iris = load_iris()
X, y = iris["data"], iris["target"]

lm = LogisticRegression(max_iter=100_000).fit(X, y)

print(f"Model score: {lm.score(X, y):.4f}")

with open(MODEL_PATH, "wb") as f:
    pickle.dump(lm, f)
