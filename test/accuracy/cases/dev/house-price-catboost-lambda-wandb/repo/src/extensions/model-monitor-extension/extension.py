"""Lambda extension that ships prediction logs to S3."""
