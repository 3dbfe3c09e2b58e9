"""Run moto's server with memoized JSONPath parsing.

Why this wrapper exists: moto 5.2.x builds a brand-new JSONPath parser for every
event it delivers to an SQS target. ``moto/events/utils.py``
(``EventTemplateParser.parse``) does ``from jsonpath_ng.ext import parse`` inside
the function and parses the eight default input paths (``$.detail``,
``$.source``, ...) per target and per event; each ``jsonpath_ng.ext.parse`` call
regenerates the PLY LALR tables (~12 ms here), so every delivered event costs
~0.1 s of CPU before it reaches the queue, and more on a busy machine. Measured
with tools/moto/bench_put_events.py: median PutEvents ~100 ms plain vs ~4 ms
with this wrapper (see docs/local-aws.md). The paths are a small, fixed set, so
caching the parsed expressions is safe: ``JSONPath.find`` does not mutate them.

``jsonpath_ng.parse`` (the non-extended parser) rebuilds its tables the same way
(~5 ms a call); in moto 5.2.1 only Step Functions use it (bound at import time with ``from jsonpath_ng import
parse``). We memoize it too, before any moto module is imported, so the
binding moto takes is the cached one.

It also runs DynamoDB requests one at a time. moto's DynamoDB backend is not thread-safe and moto_server
serves each request on its own thread: a TransactWriteItems deep-copies every table it touches (its
rollback copy) while other threads write to it, which fails with "dictionary changed size during
iteration" (HTTP 500), and a condition check is not isolated from a concurrent write to the same item.
DynamoDB does neither, and our tests race writes on purpose. Under the GIL moto serves one request at a
time anyway, so the lock costs little (the same lock guards host LocalStack's DynamoDB, see
tools/localstack/dynamodb-moto).

Usage: python moto_server_fast.py [-H HOST] [-p PORT]  (same flags as moto_server)
"""

import functools
import sys
import threading

import jsonpath_ng
import jsonpath_ng.ext

_CACHE_SIZE = 1024


def _memoize(module, name="parse"):
    original = getattr(module, name)
    if not hasattr(original, "cache_info"):
        setattr(module, name, functools.lru_cache(maxsize=_CACHE_SIZE)(original))


_dynamodb_one_at_a_time = threading.RLock()


def _serialize_dynamodb():
    from moto.dynamodb.responses import DynamoHandler

    original = DynamoHandler.call_action
    if getattr(original, "serialized", False):
        return

    @functools.wraps(original)
    def call_action(self):
        with _dynamodb_one_at_a_time:
            return original(self)

    call_action.serialized = True
    DynamoHandler.call_action = call_action


def install():
    """Replace the module-level parse functions with memoized ones (idempotent)."""
    _memoize(jsonpath_ng.ext)
    _memoize(jsonpath_ng)


def main(argv=None):
    install()
    # Imported only after install(): moto binds 'from jsonpath_ng import parse'
    # at import time in some modules.
    from moto.server import main as moto_main

    _serialize_dynamodb()

    moto_main(argv if argv is not None else sys.argv[1:])


if __name__ == "__main__":
    main()
