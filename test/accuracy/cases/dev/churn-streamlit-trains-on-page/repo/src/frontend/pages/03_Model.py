import os
import sys
import streamlit as st
from pandas import DataFrame
from pickle import load
if os.getcwd() not in sys.path:
    sys.path.append(os.getcwd())
from src.utils import save_input_data
from src.models import (
    RandomForest_
)


Modeling_Data = load(
    open('./data/app_inputs/modeling_data.pkl', 'rb'))

st.markdown("# Modeling")

st.dataframe(
    data=DataFrame(
        data=[[
                Modeling_Data.X_train_sparse.shape[0],
                Modeling_Data.X_train_sparse.shape[1]
            ],
              [
                Modeling_Data.X_test_sparse.shape[0],
                Modeling_Data.X_test_sparse.shape[1]
            ]],
        columns=["Number of observation", "Number of features"],
        index=[["Training data", "Test data"]]
    ),
    use_container_width=False
)

st.markdown("## Random Forest")

rdmf_model = RandomForest_(
    model_name="rdmf",
    X_train=Modeling_Data.X_train_sparse,
    y_train=Modeling_Data.y_train,
    X_test=Modeling_Data.X_test_sparse,
    y_test=Modeling_Data.y_test
)

rdmf_model.fit_and_save()


_cutoff = st.slider(
                label='Choose the cutoff',
                min_value=0.1,
                max_value=0.9,
                value=0.5,
                step=0.05
            )

save_input_data(
    "rdmf_cutoff",
    _cutoff
)

(
    _report_train,
    _acc_train,
    _cm_train,
    _report_valid,
    _acc_valid,
    _cm_valid
) = rdmf_model.inference(_cutoff)

st.markdown(f"The accuracies on the training and validation datasets are \
**{round(100*_acc_train, 2)}** % and **{round(100*_acc_valid, 2)}** % \
respectively according to a cutoff of {_cutoff}")

st.dataframe(data=_report_valid, use_container_width=True)
