from transformers import AutoModelForSequenceClassification, AutoTokenizer, TextClassificationPipeline

MODEL_ID = "cardiffnlp/twitter-roberta-base-sentiment-latest"

_label_map = {0: "negative", 1: "neutral", 2: "positive"}

_tokenizer = None
_model = None
_pipeline = None


def get_pipeline() -> TextClassificationPipeline:
    global _pipeline, _tokenizer, _model
    if _pipeline is None:
        _tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
        _model = AutoModelForSequenceClassification.from_pretrained(MODEL_ID)
        _pipeline = TextClassificationPipeline(model=_model, tokenizer=_tokenizer)
    return _pipeline


def _normalize_label(raw_label: str) -> str:
    if raw_label.startswith("LABEL_"):
        return _label_map.get(int(raw_label.split("_")[-1]), raw_label)
    return raw_label.lower()


def predict_fn(text: str) -> tuple[str, float]:
    pipe = get_pipeline()
    result = pipe(text, truncation=True)
    first = result[0] if isinstance(result, list) else result
    if isinstance(first, list):
        first = first[0]
    return _normalize_label(first["label"]), float(first["score"])
