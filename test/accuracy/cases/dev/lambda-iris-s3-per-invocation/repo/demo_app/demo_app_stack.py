import os

from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class DemoAppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        bucket_name_model = os.getenv(key="BUCKET_NAME_MODEL")
        file_name_model = os.getenv(key="FILE_NAME_MODEL")

        print(bucket_name_model)
        print(file_name_model)

        handler = lambda_.Function(
            self,
            "LambdaFunction",
            runtime=lambda_.Runtime.PYTHON_3_9,
            code=lambda_.Code.from_asset("./resources/ml_serving_package.zip"),
            handler="lambda_function.lambda_handler",
            memory_size=2048,
            environment={"S3_RESOURCE_ARN": f"arn:aws:s3:::{bucket_name_model}/{file_name_model}"},
        )

        api = apigateway.RestApi(
            self,
            "ApiGateway",
            rest_api_name="API Gateway from CDK",
            endpoint_types=[apigateway.EndpointType.REGIONAL],
        )
        integration = apigateway.LambdaIntegration(
            handler, proxy=False, integration_responses=[apigateway.IntegrationResponse(status_code="200")]
        )
        api.root.add_method("POST", integration)
