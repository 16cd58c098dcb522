import os

from django.db.models.signals import post_save
from django.dispatch import receiver

from inferences.core.model import COVIDSegmentationModel
from inferences.models import ChestXRayInference, COVIDCTInference
from inferences.utils.misc import process_zipfile_case


@receiver(post_save, sender=ChestXRayInference)
def run_chest_xray_inference(sender, instance, created, **kwargs):
    if created:
        print('Running chest X-Ray inference....')


@receiver(post_save, sender=COVIDCTInference)
def run_covid_inference(sender, instance, created, **kwargs):
    if created:
        print('Running COVID-19 segmentation....')

        extract_path = f'{instance.cases_directory_path}/{instance.id}/'
        process_zipfile_case(instance.file.path, extract_path)
        print(extract_path)

        result_path = f'{instance.results_directory_path}/{instance.id}/'
        if not os.path.isdir(result_path):
            os.makedirs(result_path)

        model = COVIDSegmentationModel()
        model.run(directory_path=extract_path, result_path=result_path)
