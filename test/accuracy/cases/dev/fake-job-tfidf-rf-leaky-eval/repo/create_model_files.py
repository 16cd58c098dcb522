import joblib
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import classification_report

print("Creating job fraud models...")

fake_jobs = [
    "urgent hiring whatsapp only no experience easy money paid daily",
    "CEO salary work two hours remote contact on telegram pay today",
    "typing jobs from home huge pay per hour no investment",
] * 20

real_jobs = [
    "Senior Python developer Django PostgreSQL AWS three years",
    "Data scientist NLP PyTorch five years PhD preferred",
    "Fullstack engineer React Node MongoDB Docker",
] * 20

all_jobs = fake_jobs + real_jobs
y = np.array([1] * len(fake_jobs) + [0] * len(real_jobs))

vectorizer = TfidfVectorizer(max_features=1000, stop_words="english")
X = vectorizer.fit_transform(all_jobs)

model = RandomForestClassifier(n_estimators=200, random_state=42)
model.fit(X, y)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
print(f"Training accuracy: {model.score(X_train, y_train):.3f}")
print(f"Test accuracy: {model.score(X_test, y_test):.3f}")
print(classification_report(y_test, model.predict(X_test)))

joblib.dump(model, "model.pkl")
joblib.dump(vectorizer, "vectorizer.pkl")
print("model.pkl and vectorizer.pkl saved")

eval_results = {
    "cv_accuracy": model.score(X_test, y_test),
    "precision_fake": 0.92,
    "recall_fake": 0.95,
    "f1_fake": 0.93,
}
joblib.dump(eval_results, "model_evaluation.pkl")
print("model_evaluation.pkl saved")
