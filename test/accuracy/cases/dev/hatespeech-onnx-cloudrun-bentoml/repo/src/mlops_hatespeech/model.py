MODEL_STR = "prajjwal1/bert-tiny"
