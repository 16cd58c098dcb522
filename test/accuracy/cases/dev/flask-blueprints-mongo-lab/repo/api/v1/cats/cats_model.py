from mongoengine import Document, StringField, IntField, DateTimeField
import datetime

class Cat(Document):
    name = StringField(required=True)
    weight = IntField()
    owner = StringField()
    birthdate = DateTimeField(default=lambda: datetime.datetime.now(tz=datetime.timezone.utc))

def list_all_cats():
    return Cat.objects()

def find_cat_by_id(cat_id):
    return Cat.objects.get(id=cat_id).to_json()

def add_cat(cat):
    new_cat = Cat(
        name=cat.get('cat_name'),
        weight=cat.get('weight'),
        owner=cat.get('owner'),
        birthdate=cat.get('birthdate'),
    )
    new_cat.save()
    return cat
