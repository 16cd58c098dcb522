from flask import request
from .cats_model import list_all_cats, find_cat_by_id, add_cat

def get_cats():
    cats = list_all_cats()
    return cats, 200

def get_cat_by_id(id):
    try:
        cat = find_cat_by_id(id)
    except:
        return {"error": "malformed input"}, 404

    if not cat:
        return {"error": "not found"}, 404
    return cat, 200

def create_cat():
    data = request.get_json()
    cat = add_cat(data)
    return cat, 200
