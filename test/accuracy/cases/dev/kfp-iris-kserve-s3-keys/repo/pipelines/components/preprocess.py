from kfp import dsl
from kfp.dsl import Input, Output, Dataset


@dsl.component(base_image="python:3.9")
def preprocess_data(input_csv: Input[Dataset], output_train: Output[Dataset],
                    output_test: Output[Dataset], output_ytrain: Output[Dataset],
                    output_ytest: Output[Dataset]):
    import subprocess
    subprocess.run(["pip", "install", "pandas", "scikit-learn"], check=True)

    import pandas as pd
    from sklearn.preprocessing import StandardScaler
    from sklearn.model_selection import train_test_split

    df = pd.read_csv(input_csv.path)
    print("Initial dataset shape:", df.shape)
    if df.isnull().values.any():
        df = df.dropna()

    features = df.drop(columns=['target'])
    target = df['target']

    scaler = StandardScaler()
    scaled_features = scaler.fit_transform(features)

    X_train, X_test, y_train, y_test = train_test_split(scaled_features, target, test_size=0.2, random_state=42)

    pd.DataFrame(X_train, columns=features.columns).to_csv(output_train.path, index=False)
    pd.DataFrame(X_test, columns=features.columns).to_csv(output_test.path, index=False)
    pd.DataFrame(y_train).to_csv(output_ytrain.path, index=False)
    pd.DataFrame(y_test).to_csv(output_ytest.path, index=False)
