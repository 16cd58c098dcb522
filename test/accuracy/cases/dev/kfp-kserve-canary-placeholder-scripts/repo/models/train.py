# model training script
# save the model (mlflow)
