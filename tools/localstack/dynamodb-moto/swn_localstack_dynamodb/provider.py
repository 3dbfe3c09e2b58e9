"""LocalStack provider "dynamodb:moto": every DynamoDB operation is answered by moto-ext.

LocalStack's own DynamoDB provider forwards each request to Amazon's DynamoDB Local, a Java server it
downloads on first use. That download is not possible on our machines, and DynamoDB Local's licence is not an
open-source one, so on the host we let LocalStack's bundled moto fork serve DynamoDB instead: tables, GSIs,
condition expressions, transactions and TTL settings are all in moto's DynamoDB backend.

The provider implements no operation itself. The generated DynamodbApi raises NotImplementedError for every
operation, and MotoFallbackDispatcher turns exactly that into a call into moto inside the same process, with
LocalStack's request context (account, region). No lifecycle hook is needed: there is no server to start.

Every operation holds one lock. moto's DynamoDB backend is not thread-safe, and LocalStack serves requests on
several threads: TransactWriteItems deep-copies each table it touches (its rollback copy) while other threads
write to it, which fails with "dictionary changed size during iteration" (HTTP 500), and a transaction is not
isolated from concurrent writes. DynamoDB does neither. Under the GIL moto runs one request at a time anyway,
so the lock costs little.
"""

import threading

from localstack.aws.api.dynamodb import DynamodbApi
from localstack.services.plugins import Service, aws_provider

_one_at_a_time = threading.RLock()


class MotoDynamoDbProvider(DynamodbApi):
    """Declares the DynamoDB API and leaves every operation to moto."""


def _serialized(handler):
    def handle(context, request):
        with _one_at_a_time:
            return handler(context, request)

    return handle


def _dispatch_table(provider):
    # imported here, like LocalStack's own providers do, so discovering the plugin does not import moto
    from localstack.services.moto import MotoFallbackDispatcher

    return {operation: _serialized(handler) for operation, handler in MotoFallbackDispatcher(provider).items()}


@aws_provider(api="dynamodb", name="moto")
def dynamodb_moto() -> Service:
    return Service.for_provider(MotoDynamoDbProvider(), dispatch_table_factory=_dispatch_table)
