"""Racing actors for the PostgreSQL race tests: every call starts at the same moment, on its own connection."""

import threading

from django.core.exceptions import ValidationError
from django.db import connection


def together(calls):
    """Run `calls` in threads released by one barrier; (what each returned, the codes of those refused)."""
    barrier = threading.Barrier(len(calls))
    results, refused = [], []

    def press(call):
        try:
            barrier.wait()
            results.append(call())
        except ValidationError as error:
            refused.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results, refused
