import torch
import torch.nn as nn

token_to_id = {"what": 0, "is": 1, "your": 2, "name": 3, "saher": 4, "<EOS>": 5}
id_to_token = {v: k for k, v in token_to_id.items()}


class DecoderOnlyTransformer(nn.Module):
    def __init__(self, num_tokens=len(token_to_id), d_model=2):
        super().__init__()
        self.we = nn.Embedding(num_embeddings=num_tokens, embedding_dim=d_model)
        self.fc_layer = nn.Linear(in_features=d_model, out_features=num_tokens)

    def forward(self, token_ids):
        return self.fc_layer(self.we(token_ids))


model = DecoderOnlyTransformer()
model.load_state_dict(torch.load("model.pth"))
model.eval()


def predict():
    model_input = torch.tensor([token_to_id[w] for w in ["what", "is", "your", "name", "<EOS>"]])
    input_length = model_input.size(0)
    predictions = model(model_input)
    predicted_id = torch.tensor([torch.argmax(predictions[-1, :])])
    predicted_ids = predicted_id
    for _ in range(input_length, 6):
        if predicted_id == token_to_id["<EOS>"]:
            break
        model_input = torch.cat((model_input, predicted_id))
        predictions = model(model_input)
        predicted_id = torch.tensor([torch.argmax(predictions[-1, :])])
        predicted_ids = torch.cat((predicted_ids, predicted_id))
    return [id_to_token[i.item()] for i in predicted_ids]
