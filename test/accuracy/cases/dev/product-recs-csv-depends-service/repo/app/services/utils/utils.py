from collections import defaultdict
from functools import wraps

from pandas import DataFrame


def limit_by_brand_decorator(max_per_brand=2, top_n=5, brand_col="brand", pid_col="pid"):
    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            df = func(*args, **kwargs)
            if not isinstance(df, DataFrame):
                return df
            brand_counter = defaultdict(int)
            result = []
            for _, row in df.iterrows():
                if brand_counter[row[brand_col]] < max_per_brand:
                    result.append(row[pid_col])
                    brand_counter[row[brand_col]] += 1
                if len(result) == top_n:
                    break
            return result

        return wrapper

    return decorator
