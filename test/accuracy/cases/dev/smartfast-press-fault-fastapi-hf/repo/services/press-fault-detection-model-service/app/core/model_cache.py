model_cache = {}
