RAW_DATA_PATH = "data/raw/spam_Emails_data.csv"
TRAIN_DATA_PATH = "data/processed/train.csv"
TEST_DATA_PATH = "data/processed/test.csv"

TFIDF_MAX_FEATURES = 5000
TFIDF_NGRAM_RANGE = (1, 2)
TFIDF_STOP_WORDS = "english"

TEST_SIZE = 0.2
RANDOM_STATE = 42

LABEL_MAP = {"Ham": 0, "Spam": 1}
