import joblib
import numpy as np
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, confusion_matrix, accuracy_score
from sklearn.feature_extraction.text import TfidfVectorizer

print("Model evaluation (self-contained)")

fake_jobs = [
    "urgent hiring whatsapp only no experience easy money paid daily",
    "CEO salary work two hours remote contact on telegram pay today",
] * 30

real_jobs = [
    "Senior Python developer Django PostgreSQL AWS three years",
    "Data scientist NLP PyTorch five years PhD preferred",
] * 30

all_jobs = fake_jobs + real_jobs
y_true = np.array([1] * len(fake_jobs) + [0] * len(real_jobs))

vectorizer = TfidfVectorizer(max_features=1000, stop_words="english")
X = vectorizer.fit_transform(all_jobs)

try:
    model = joblib.load("model.pkl")
    print("Loaded existing model")
except:
    print("Creating demo model...")
    model = RandomForestClassifier(n_estimators=200, random_state=42)
    model.fit(X, y_true)

X_train, X_test, y_train, y_test = train_test_split(X, y_true, test_size=0.3, random_state=42)

y_pred = model.predict(X_test)
cv_scores = cross_val_score(model, X, y_true, cv=5)

report = classification_report(y_test, y_pred, output_dict=True)
results = {
    "accuracy": accuracy_score(y_test, y_pred),
    "cv_accuracy": cv_scores.mean(),
    "precision_fake": report["1"]["precision"],
    "recall_fake": report["1"]["recall"],
    "confusion_matrix": confusion_matrix(y_test, y_pred).tolist(),
}

print(f"Test accuracy: {results['accuracy']:.3f}")
joblib.dump(results, "model_evaluation.pkl")
joblib.dump({"model": model, "results": results}, "evaluation_complete.pkl")
