# hyper-parameters
feature1_number = 64  # words per sentence, padded or cut
feature2_number = 300  # vector size per word

# train
train_model_filename = "text_cnn_separable.2.h5"

# retrain
retrain_model_filename = "retrain.text_cnn_separable.2.80.h5"
