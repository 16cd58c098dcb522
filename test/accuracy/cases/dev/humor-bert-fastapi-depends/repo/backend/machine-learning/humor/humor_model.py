import json
from typing import Any, Dict, List, Optional, Tuple, Union

import pandas as pd
import tensorflow as tf
from huggingface_hub import hf_hub_download
from pydantic import BaseModel
from transformers import BertTokenizer, TFBertForSequenceClassification


TextCorpus = Union[List[str], pd.Series]


class HumorModel(BaseModel):
    bert: TFBertForSequenceClassification
    tokenizer: BertTokenizer
    metrics: Optional[Dict]

    def __init__(self, model_name: str, **data: Any) -> None:
        metrics_path = hf_hub_download(repo_id=model_name, filename="metrics.json")

        with open(metrics_path) as f:  # type: ignore
            loaded_metrics = json.load(f)

        super().__init__(
            bert=TFBertForSequenceClassification.from_pretrained(model_name),
            tokenizer=BertTokenizer.from_pretrained(model_name),
            metrics=loaded_metrics,
            **data,
        )

    def predict(self, sentences: TextCorpus) -> List[Tuple[int, float]]:
        processed_sentences = self._preprocess(sentences)

        logits = self.bert.predict(processed_sentences).logits
        classes_probability = tf.nn.softmax(logits, axis=1)

        predicted_label = tf.argmax(classes_probability, axis=1).numpy()
        predicted_probability = tf.reduce_max(classes_probability, axis=1).numpy()
        return list(zip(predicted_label, predicted_probability))

    def _preprocess(self, sentences: TextCorpus) -> Dict:
        if isinstance(sentences, pd.Series):
            sentences = sentences.to_list()

        tokenized_sentences = self.tokenizer(
            sentences, return_tensors="tf", truncation=True, padding=True
        )
        return tokenized_sentences.data

    class Config:
        arbitrary_types_allowed = True
