from kfp import dsl
from kfp.dsl import Input, Output, Dataset, Model


@dsl.component(base_image="python:3.9")
def evaluate_model(test_data: Input[Dataset], ytest_data: Input[Dataset],
                   model: Input[Model], metrics_output: Output[Dataset]):
    import subprocess
    subprocess.run(["pip", "install", "pandas", "scikit-learn", "matplotlib", "joblib"], check=True)

    import pandas as pd
    from sklearn.metrics import classification_report, accuracy_score
    from joblib import load

    X_test = pd.read_csv(test_data.path)
    y_test = pd.read_csv(ytest_data.path)
    clf = load(model.path)
    y_pred = clf.predict(X_test)

    report = classification_report(y_test, y_pred, output_dict=True)
    accuracy = accuracy_score(y_test, y_pred)
    with open(metrics_output.path, 'w') as f:
        f.write(f"Accuracy: {accuracy}\n")
        f.write(str(report))
