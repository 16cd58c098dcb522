SELECT_BEST_MODEL = """
    SELECT run_id
    FROM best_model_data
    WHERE model_name = '{}'
"""
