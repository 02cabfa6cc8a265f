"""Logs never contain a resident's phone or full name (nanjie/logging.py, attached to the root handler).

The tests write through the real, configured handler (its stream swapped for a buffer), so they prove the
settings as well as the filter.
"""

import io
import logging
from pathlib import Path

import pytest
from django.test import Client

from nanjie.logging import MaskPersonalData, mask_text

PHONE = "13812345678"
NAME = "张三丰"


@pytest.fixture
def log_output():
    handler = next(h for h in logging.getLogger().handlers if any(isinstance(f, MaskPersonalData) for f in h.filters))
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


def all_handlers():
    loggers = [logging.getLogger()] + [
        logger for logger in logging.Logger.manager.loggerDict.values() if isinstance(logger, logging.Logger)
    ]
    # pytest's own capture handlers are not part of the configuration under test; a NullHandler (what boto3,
    # botocore and urllib3 attach to their loggers on import) writes nothing, and their records still reach
    # the root's masking handler.
    return {(logger.name, handler) for logger in loggers for handler in logger.handlers
            if not type(handler).__module__.startswith("_pytest") and type(handler) is not logging.NullHandler}


def test_every_handler_of_every_logger_masks_personal_data():
    unmasked = [name for name, handler in all_handlers()
                if not any(isinstance(f, MaskPersonalData) for f in handler.filters)]
    assert unmasked == []


@pytest.mark.django_db
def test_a_404_for_a_url_with_a_phone_logs_no_phone(log_output):
    Client().get(f"/residents/{PHONE}/")
    assert "Not Found" in log_output.getvalue()
    assert PHONE not in log_output.getvalue()


@pytest.mark.django_db
@pytest.mark.urls("tests.security.boom_urls")
def test_a_500_logs_its_traceback_without_the_residents_name_or_phone(log_output):
    response = Client(raise_request_exception=False).get(f"/boom/{PHONE}/")
    logged = log_output.getvalue()
    assert (response.status_code, "RuntimeError" in logged) == (500, True)
    assert PHONE not in logged
    assert NAME not in logged


def test_a_logged_form_submission_shows_no_name_or_phone(log_output):
    from django.http import QueryDict

    form_data = QueryDict(mutable=True)
    form_data.update({"resident_name": NAME, "resident_phone": "138 1234 5678", "text": "楼道灯坏了"})
    logging.getLogger("requests.views").warning("wish refused: %s", form_data)
    logged = log_output.getvalue()
    assert "楼道灯坏了" in logged
    assert NAME not in logged
    assert "5678" not in logged


def test_form_errors_logged_as_a_dict_show_no_name(log_output):
    logging.getLogger("grid").info("errors %s for %r", {"phone": ["bad"]}, {"contact_name": NAME, "building": "3"})
    assert NAME not in log_output.getvalue()


def test_the_dev_server_request_line_shows_no_query_name_or_phone(log_output):
    line = f"GET /wish/?resident_name=%E5%BC%A0%E4%B8%89&phone=%2B86{PHONE} HTTP/1.1"
    logging.getLogger("django.server").info('"%s" %s %s', line, 200, 512)
    logged = log_output.getvalue()
    assert "%E5%BC%A0" not in logged
    assert PHONE not in logged


@pytest.mark.parametrize(("text", "masked"), [
    ("call 13812345678 now", "call *** now"),
    ("call +86 138-1234-5678", "call ***"),
    ("tel:008613812345678", "tel:***"),
    ("call 138 1234 5678", "call ***"),
    ("landline 0878-5712345", "landline ***"),
    ("landline (0878)5712345", "landline ***"),
    ("landline 010-12345678", "landline ***"),
])
def test_phone_numbers_in_any_common_spelling_are_masked(text, masked):
    assert mask_text(text) == masked


def test_masking_leaves_other_numbers_and_usernames_alone():
    text = "user worker03 visited household 1234 on 2026-11-28 at 14:05, request NJ-2026-000123, username=worker03"
    assert mask_text(text) == text


def test_postgres_integrity_details_hide_the_name():
    detail = 'Key (contact_name, micro_grid_id)=(张三丰, 12) already exists.'
    assert NAME not in mask_text(detail)


def test_a_household_search_for_a_name_is_masked_in_the_request_line(log_output):
    line = "GET /field/households/?q=%E5%BC%A0%E4%B8%89&page=2 HTTP/1.1"
    logging.getLogger("django.server").info('"%s" %s %s', line, 200, 512)
    logged = log_output.getvalue()
    assert "%E5%BC%A0" not in logged
    assert "page=2" in logged


def test_a_search_logged_as_a_querydict_shows_no_name():
    assert NAME not in mask_text(f"<QueryDict: {{'q': ['{NAME}'], 'page': ['2']}}>")


@pytest.mark.parametrize("text", [
    "GET /field/households/?text=138+1234+5678",
    "GET /field/households/?text=138%201234%205678",
    "GET /field/households/?text=%2B86%20138-1234-5678&page=2",
    "GET /wish/?note=%31%33%38%31%32%33%34%35%36%37%38",
])
def test_url_encoded_phones_are_masked(text):
    assert "5678" not in mask_text(text)


def test_a_name_with_an_encoded_space_is_masked_whole():
    assert "丰" not in mask_text("resident_name=张三+丰&text=138+1234+5678")


def test_urls_without_personal_data_are_logged_as_they_came():
    line = "GET /requests/?since=2026-01-01+00%3A00&state=ordered&faq=1 HTTP/1.1"
    assert mask_text(line) == line


def test_the_bench_server_writes_no_gunicorn_access_log():
    # gunicorn's access log is written outside Django's logging, past the masking filter.
    source = (Path(__file__).resolve().parents[2] / "bench" / "server.py").read_text()
    assert "--access-logfile" not in source


TOKEN = "Xq3vLr9TtZkP2mWc8sYb"


def test_a_bad_request_to_a_tracking_page_logs_no_token(log_output):
    logging.getLogger("django.request").warning("Bad Request: %s", f"/track/{TOKEN}/rate/")
    logged = log_output.getvalue()
    assert "/track/***/rate/" in logged
    assert TOKEN not in logged


@pytest.mark.django_db
def test_a_404_for_a_wrong_tracking_token_logs_no_token(log_output):
    Client().get(f"/track/{TOKEN}/")
    assert TOKEN not in log_output.getvalue()


def test_the_dev_server_request_line_shows_no_tracking_token(log_output):
    logging.getLogger("django.server").info('"%s" %s %s', f"GET /track/{TOKEN}/?new=1 HTTP/1.1", 200, 512)
    assert TOKEN not in log_output.getvalue()


def test_a_booking_token_in_a_path_is_masked():
    assert mask_text(f"POST /bookings/{TOKEN}/cancel/ HTTP/1.1") == "POST /bookings/***/cancel/ HTTP/1.1"


def test_a_photo_token_in_a_query_is_masked():
    assert mask_text(f"GET /requests/photo/12/?t={TOKEN}&x=1 HTTP/1.1") == "GET /requests/photo/12/?t=***&x=1 HTTP/1.1"


def test_masking_tokens_leaves_the_tracking_form_address_alone():
    assert mask_text("GET /track/ HTTP/1.1") == "GET /track/ HTTP/1.1"
