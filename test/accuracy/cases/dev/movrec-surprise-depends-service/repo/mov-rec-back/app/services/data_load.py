import pandas as pd
from fastapi import Depends
from sqlalchemy.orm import Session

import tables
from database import get_session


class DataLoad:
    def __init__(self, session: Session = Depends(get_session)):
        self.session = session

    def load_movies(self, file) -> None:
        frame = pd.read_csv(file)
        for row in frame.itertuples():
            self.session.add(tables.Movie(id=row.movieId, title=row.title))
        self.session.commit()
