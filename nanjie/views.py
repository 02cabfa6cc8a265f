"""The benchmark floor: base.html rendered with no queries, so `make bench` can tell page cost from stack cost.

Mounted at /_floor/ only when NANJIE_BENCH_FLOOR=1 (see nanjie/urls.py); production never serves it.
"""

from django.shortcuts import render


def floor(request):
    return render(request, "base.html")
