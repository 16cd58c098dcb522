from .models import *
from rest_framework import serializers
from .utils import *


class BusinessSerializer(serializers.ModelSerializer):
    class Meta:
        model = Business
        fields = ['name', 'email']


class WarehouseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Warehouse
        fields = '__all__'

    def create(self, validated_data):
        validated_data['business'] = self.context['request'].user
        return super().create(validated_data)
