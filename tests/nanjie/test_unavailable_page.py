"""The page the proxy shows when no app server answers: our 500 page, readable without any server behind it."""

import io

from django.core.management import call_command


def _page():
    out = io.StringIO()
    call_command("unavailable_page", stdout=out)
    return out.getvalue()


def test_it_is_our_error_page_in_chinese():
    assert "系统暂时出错" in _page()
    assert "不要重复提交" in _page()


def test_its_stylesheet_is_inside_it_since_no_server_can_serve_static_files():
    page = _page()
    assert '<link rel="stylesheet"' not in page
    assert "<style>" in page
    assert ".site-header" in page
