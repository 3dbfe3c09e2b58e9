"""LocalStack provider "dynamodb:moto": every DynamoDB operation is answered by moto-ext.

LocalStack's own DynamoDB provider forwards each request to Amazon's DynamoDB Local, a Java server it
downloads on first use. That download is not possible on our machines, and DynamoDB Local's licence is not an
open-source one, so on the host we let LocalStack's bundled moto fork serve DynamoDB instead: tables, GSIs,
condition expressions, transactions and TTL settings are all in moto's DynamoDB backend.

The provider implements no operation itself. The generated DynamodbApi raises NotImplementedError for every
operation, and MotoFallbackDispatcher turns exactly that into a call into moto inside the same process, with
LocalStack's request context (account, region). No lifecycle hook is needed: there is no server to start.
"""

from localstack.aws.api.dynamodb import DynamodbApi
from localstack.services.plugins import Service, aws_provider


class MotoDynamoDbProvider(DynamodbApi):
    """Declares the DynamoDB API and leaves every operation to moto."""


@aws_provider(api="dynamodb", name="moto")
def dynamodb_moto() -> Service:
    # imported here, like LocalStack's own providers do, so discovering the plugin does not import moto
    from localstack.services.moto import MotoFallbackDispatcher

    return Service.for_provider(MotoDynamoDbProvider(), dispatch_table_factory=MotoFallbackDispatcher)
