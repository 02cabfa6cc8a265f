"""The public notice of a closed request (公示内容): its own text, written or accepted by the branch admin.

Only the public summary ever reaches the board, the feed, the home page and the public CSV (and Open311 when it
comes): they read `Request.public_text` from `Request.objects.publicised()`. The closure note stays internal.
Every text bound for a public page passes nanjie.personal_data first; a hit refuses, it does not mask.
"""
