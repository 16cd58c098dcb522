provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "model_bucket" {
  bucket = "churn-model-artifacts-demo"
}
