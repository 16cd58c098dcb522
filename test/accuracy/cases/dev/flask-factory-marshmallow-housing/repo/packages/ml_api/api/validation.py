import json
import typing as t

from marshmallow import Schema, ValidationError, fields


class HouseDataRequestSchema(Schema):
    longitude = fields.Float()
    latitude = fields.Float()
    housing_median_age = fields.Float()
    total_rooms = fields.Float()
    total_bedrooms = fields.Float()
    population = fields.Float(allow_none=True)
    households = fields.Float(allow_none=True)
    median_income = fields.Float()
    ocean_proximity = fields.Str()


def _filter_error_rows(errors: dict, validated_input: t.List[dict]) -> t.List[dict]:
    indexes = errors.keys()
    for index in sorted(indexes, reverse=True):
        del validated_input[index]
    return validated_input


def validate_inputs(input_json):
    schema = HouseDataRequestSchema(strict=True, many=True)
    input_data = json.loads(input_json)

    errors = None
    try:
        schema.load(input_data)
    except ValidationError as exc:
        errors = exc.messages

    if errors:
        validate_input = _filter_error_rows(errors=errors, validated_input=input_data)
    else:
        validate_input = input_data

    return validate_input, errors
