import re

import torch
from transformers.pipelines import pipeline


class PunctuationModel():
    def __init__(self, model="Enkhdavaa/roberta-base-mongolian_sentence_punctuation") -> None:
        if torch.cuda.is_available():
            self.pipe = pipeline("ner", model, aggregation_strategy="none", device=0)
        else:
            self.pipe = pipeline("ner", model, aggregation_strategy="none")

    def preprocess(self, text):
        text = re.sub(r"(?<!\d)[.,;:!?](?!\d)", "", text)
        return text.split()

    def overlap_chunks(self, lst, n, stride=0):
        for i in range(0, len(lst), n - stride):
            yield lst[i:i + n]

    def predict(self, words, chunk_size=230):
        overlap = 5
        if len(words) <= chunk_size:
            overlap = 0

        batches = list(self.overlap_chunks(words, chunk_size, overlap))
        if len(batches[-1]) <= overlap:
            batches.pop()

        tagged_words = []
        for batch in batches:
            if batch == batches[-1]:
                overlap = 0
            text = " ".join(batch)
            print("text is: ", text)
            result = self.pipe(text)
            assert len(text) == result[-1]["end"], "chunk size too large, text got clipped"
            char_index = 0
            result_index = 0
            for word in batch[:len(batch) - overlap]:
                char_index += len(word) + 1
                label = "0"
                while result_index < len(result) and char_index > result[result_index]["end"]:
                    label = result[result_index]['entity']
                    score = result[result_index]['score']
                    result_index += 1
                tagged_words.append([word, label, score])

        assert len(tagged_words) == len(words)
        return tagged_words

    def run_model(self, text):
        labeled_words = self.predict(self.preprocess(text))
        words = []
        for word, label, score in labeled_words:
            words.append(f"{word}." if '1' in label else word)
        return " ".join(words)
