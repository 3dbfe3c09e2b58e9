"""DynamoDB for host LocalStack, answered by LocalStack's bundled moto (see provider.py)."""
