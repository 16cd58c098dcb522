import json
import operator
import os
from datetime import timedelta
from typing import List, Optional, Union

import sqlalchemy
from rq import Queue
from rq.decorators import job
from sqlalchemy import asc

from cff import sentiment
from cff.models import db, Document, Site, DocumentSentiment
from cff.historical_worker import conn as hist_conn
from cff.realtime_worker import conn as real_conn
from cff.sentiment_worker import conn as sent_conn

TEMP_DIR = "temp"
MINIMUM_FAVES = 2
STRONGEST_THRESHOLD = 0.4


@job("historical", connection=hist_conn, timeout=-1)
def bg_query_historical_by_symbol(symbol: str, fresh: bool = False):
    _bg_query_tweets_for_symbol(symbol, sqlalchemy.asc, fresh)


@job("realtime", connection=real_conn, timeout=-1)
def bg_query_realtime_by_symbol(symbol: str):
    _bg_query_tweets_for_symbol(symbol, sqlalchemy.desc)


def _bg_query_tweets_for_symbol(lookup_symbol: str, asc_or_desc, fresh: bool = False):
    if not lookup_symbol:
        return []

    time_param = ""
    if not fresh:
        document = _get_tweet_by_ticker(lookup_symbol, asc_or_desc)
        job_type = ""
        if asc_or_desc == sqlalchemy.desc:
            time_param = f"since_id:{document.external_uid}" if document else ""
            job_type = "realtime"
        elif asc_or_desc == sqlalchemy.asc:
            time_param = f"max_id:{document.external_uid}" if document else ""
            job_type = "historical"
        temp_file_name = f"{lookup_symbol}-{document.external_uid}-{job_type}"
    else:
        temp_file_name = f"{lookup_symbol}-fresh"

    temp_file = f"{TEMP_DIR}/{temp_file_name}.json"

    sns_query_string = (
        f"snscrape --jsonl --max-results 500 twitter-search "
        f'"#{lookup_symbol} OR \\${lookup_symbol} min_faves:{MINIMUM_FAVES} lang:en {time_param}" '
        f"> {temp_file}"
    )
    os.system(sns_query_string)

    tweets = []
    with open(temp_file) as reader:
        for line in reader:
            tweets.append(json.loads(line))

    print(f"Found {len(tweets)} new tweets, for {lookup_symbol}.")

    new_doc_ids = []
    for tweet in tweets:
        for doc_id, is_new in Document.generate_document_context_from_twitter(tweet, lookup_symbol):
            if is_new:
                new_doc_ids.append(doc_id)

    db.session.commit()

    if os.path.isfile(temp_file):
        os.remove(temp_file)
        print(f"Deleting temp file: {temp_file}")

    probably_more_tweets = len(tweets) == 500

    if asc_or_desc == sqlalchemy.desc:
        if probably_more_tweets:
            bg_query_realtime_by_symbol.delay(lookup_symbol)
        else:
            realtime_queue = Queue("realtime", connection=real_conn)
            realtime_queue.enqueue_in(timedelta(minutes=30), bg_query_realtime_by_symbol, lookup_symbol)
    elif asc_or_desc == sqlalchemy.asc and probably_more_tweets:
        bg_query_historical_by_symbol.delay(lookup_symbol)

    if new_doc_ids:
        bg_generate_sentiments.delay(new_doc_ids)

    return new_doc_ids


def _get_tweet_by_ticker(lookup_symbol: Optional[str] = None, asc_or_desc=None):
    query = db.session.query(Document).join(Site, Site.id == Document.site_id).filter(Site.name == "Twitter")
    if lookup_symbol:
        query = query.filter(Document.lookup_symbol.astext == lookup_symbol)
    if asc_or_desc:
        query = query.order_by(asc_or_desc(Document.posted_at))
    return query.first()


@job("sentiment", connection=sent_conn, timeout=-1)
def bg_generate_sentiments(doc_ids: List[int]):
    docs = (
        db.session.query(Document.id, Document.contents)
        .filter(Document.id.in_(doc_ids))
        .order_by(asc(Document.id))
        .all()
    )
    processed_text = sentiment.process_text([doc.contents for doc in docs])
    doc_sentiments = sentiment.predict_sentiment(processed_text)

    if len(doc_sentiments) == 0:
        print("Model is probably not loaded; No sentiments returned.")
        return

    for doc, doc_sentiment in zip(docs, doc_sentiments):
        names = ["anger", "fear", "joy", "sadness", "analytical", "confident", "tentative"]
        sentiments = dict(zip(names, doc_sentiment))
        strongest = max(sentiments.items(), key=operator.itemgetter(1))[0]
        strongest_emotion = strongest if sentiments[strongest] > STRONGEST_THRESHOLD else None
        DocumentSentiment(
            document_id=doc.id,
            model_version=sentiment.MODEL_FILE,
            sentiment={"strongest_emotion": strongest_emotion, "emotions": sentiments},
        ).save()

    db.session.commit()
