"""One rule for web addresses: what the store accepts as a source's url is what the page links to and what
extraction registers."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from timeline.schema import Source
from timeline.weburl import is_web_url

URLS = {
    "https://example.org/a?b=c#d": True,
    "HTTP://EXAMPLE.ORG": True,
    "https://example.org/`${x}`": True,  # inert inside the page's quoted, escaped attribute
    "https://example.org/a b": False,
    "https://example.org/\"x": False,
    "javascript:alert(1)": False,
    "ftp://example.org/": False,
}


@pytest.mark.parametrize(("url", "ok"), list(URLS.items()))
def test_store_page_and_extraction_agree(url: str, ok: bool) -> None:
    from timeline.builders.html_list import safe_url

    assert is_web_url(url) is ok
    assert (safe_url(url) == url) is ok
    if ok:
        assert Source(id="s", file="a.txt", url=url).url == url
    else:
        with pytest.raises(ValidationError):
            Source(id="s", file="a.txt", url=url)
