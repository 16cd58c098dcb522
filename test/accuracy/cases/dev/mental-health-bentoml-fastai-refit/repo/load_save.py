import numpy as np
from fastai.tabular.all import *
import pandas as pd
from pathlib import Path
import xgboost as xgb
from xgboost import XGBClassifier
import bentoml

torch.manual_seed(42)

path = Path('data/')

train_df = pd.read_csv(path/'train.csv', index_col='id')
test_df = pd.read_csv(path/'test.csv', index_col='id')

cont_names, cat_names = cont_cat_split(train_df, dep_var='Depression')
splits = RandomSplitter(valid_pct=0.2)(range_of(train_df))
to = TabularPandas(train_df, procs=[Categorify, FillMissing, Normalize],
                   cat_names=cat_names,
                   cont_names=cont_names,
                   y_names='Depression',
                   y_block=CategoryBlock(),
                   splits=splits)
dls = to.dataloaders(bs=64)
test_dl = dls.test_dl(test_df)

X_train, y_train = to.train.xs, to.train.ys.values.ravel()
X_test, y_test = to.valid.xs, to.valid.ys.values.ravel()

xgb_model = xgb.XGBClassifier()
xgb_model = xgb_model.fit(X_train, y_train)

# accuracy = accuracy_score(y_test, xgb_model.predict(X_test))
# print(f"Model accuracy: {accuracy}")

bentoml.xgboost.save_model("mental_health_v1", xgb_model)
