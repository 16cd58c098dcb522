from model.model import BertTextCNNClassifier, PreProcess
from transformers import BertTokenizer, BertModel
import torch

device_type = 'cuda' if torch.cuda.is_available() else 'cpu'
device = torch.device(device_type)

num_filters, filter_sizes, output_size = 100, [2, 3, 4], 2

bert_model_name = 'bert-base-uncased'
tokenizer = BertTokenizer.from_pretrained(bert_model_name)
bert_model = BertModel.from_pretrained(bert_model_name)
model = BertTextCNNClassifier(bert_model, num_filters, filter_sizes, output_size)
model.load_state_dict(torch.load('./artifact/bert_textcnn_classifier.pth', map_location=torch.device(device_type)))
model.to(device)
model.eval()


def run_prediction(input):
    preprocessor = PreProcess()

    text = preprocessor.decode_sql(input)
    text = preprocessor.lowercase_sql(text)
    text = preprocessor.generalize_sql(text)
    text = preprocessor.tokenize_sql(text)

    encoding = tokenizer(text, truncation=True, padding='max_length', max_length=128, return_tensors='pt')

    input_ids = encoding['input_ids'].to(device)
    attention_mask = encoding['attention_mask'].to(device)

    with torch.no_grad():
        logits = model(input_ids, attention_mask)
        prediction = torch.argmax(logits, dim=1).item()

    return 'SQL Injection' if prediction == 1 else 'No SQL Injection'
