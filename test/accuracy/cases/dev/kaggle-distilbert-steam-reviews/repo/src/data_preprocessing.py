import pandas as pd
import string

from datasets import Dataset

from nltk.corpus import stopwords, words
from nltk.tokenize import word_tokenize
import nltk

nltk.download('stopwords')
nltk.download('words')
nltk.download('punkt')
nltk.download('punkt_tab')
stop_words = set(stopwords.words('english'))
punctuation = string.punctuation
valid_words = set(words.words())


dataset = pd.read_csv('/kaggle/input/steam-reviews/output.csv')
print(dataset.info())

dataset.dropna(subset=['content', 'is_positive'], inplace=True)


class Text_preprocessor:

    def __init__(self, df):
        self.df_copy = df.copy()

    def label_target(self):
        labels = []
        for index, row in self.df_copy.iterrows():
            if row['is_positive'] == 'Positive':
                labels.append(1)
            else:
                labels.append(0)
        self.df_copy['target'] = labels

    def preprocess_text(self):
        self.label_target()
        try:
            processed_content = []
            for index, row in self.df_copy.iterrows():
                text = row['content']
                if not isinstance(text, str):
                    processed_content.append(None)
                    continue
                text_data = text.lower()
                text_data = ''.join([char for char in text_data if char not in punctuation])
                tokens_list = word_tokenize(text_data)
                tokens_list = [w for w in tokens_list if w not in stop_words or w in valid_words]
                processed_content.append(' '.join(tokens_list) if len(tokens_list) >= 4 else None)

            self.df_copy['tokens'] = processed_content
        except Exception as e:
            print(f'error: {e}')
        print('preprocessing complete\n')
        self.df_copy.dropna(subset=['tokens'], inplace=True)
        return self.df_copy[['id', 'content', 'tokens', 'target']]


preprocessor = Text_preprocessor(dataset)
processed_dataset = preprocessor.preprocess_text()

HGF_dataset = Dataset.from_pandas(processed_dataset)
