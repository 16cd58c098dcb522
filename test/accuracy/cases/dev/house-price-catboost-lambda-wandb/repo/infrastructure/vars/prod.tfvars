aws_region = "eu-central-1"
