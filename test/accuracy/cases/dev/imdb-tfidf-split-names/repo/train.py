import pandas as pd
from imblearn.under_sampling import RandomUnderSampler
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC

df_review = pd.read_csv("/kaggle/input/imdb-dataset-of-50k-movie-reviews/IMDB Dataset.csv")
df_positive = df_review[df_review["sentiment"] == "positive"][:9000]
df_negative = df_review[df_review["sentiment"] == "negative"][:1000]
df_review_imb = pd.concat([df_positive, df_negative])

rus = RandomUnderSampler(random_state=0)
df_review_bal, df_review_bal["sentiment"] = rus.fit_resample(df_review_imb[["review"]], df_review_imb["sentiment"])

train, test = train_test_split(df_review_bal, test_size=0.33, random_state=42)
train_x, train_y = train["review"], train["sentiment"]
test_x, test_y = test["review"], test["sentiment"]

tfidf = TfidfVectorizer(stop_words="english")
train_x_vector = tfidf.fit_transform(train_x)
# the test reviews reuse the training vocabulary
test_x_vector = tfidf.transform(test_x)

svc = SVC(kernel="linear")
svc.fit(train_x_vector, train_y)
