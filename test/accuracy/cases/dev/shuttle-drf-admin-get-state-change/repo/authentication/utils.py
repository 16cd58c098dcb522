from rest_framework.exceptions import APIException


class CustomError(APIException):
    status_code = 400
    default_detail = 'bad request'
