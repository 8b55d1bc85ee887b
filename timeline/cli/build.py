"""`timeline build`: check the store, then render it with a builder (the interactive HTML page by default)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from timeline.cli.completion import complete_format
from timeline.display import LOCALES

if TYPE_CHECKING:
    from timeline.schema import Store


@click.command()
@click.argument("store", default="events.yaml", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--outdir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write into; or the file itself, when it ends in the format's suffix "
                   "(part.html with --fragment, plot.png with --format png).")
@click.option("--format", "fmt", default="html", show_default=True, shell_complete=complete_format,
              help="Output format (a builder name: html, html-fragment, png, svg, markdown, ...).")
@click.option("--fragment", is_flag=True, help="An HTML fragment (one element, styles scoped, scripts inline) to paste "
                                              "into a CMS or LMS page that forbids iframes; same as --format html-fragment.")
@click.option("--size", metavar="WxH", default="1600x900", show_default=True, callback=lambda _c, _p, v: _size(v),
              help="png and svg: width and height in pixels.")
@click.option("--plotly", "plotly_mode", type=click.Choice(["inline", "cdn", "file"]), default="inline", show_default=True,
              help="inline: one self-contained file; cdn: load plotly.js from cdn.plot.ly; "
                   "file: write plotly-core.min.js beside the page, for several pages to share.")
@click.option("--locale", type=click.Choice(LOCALES), default="en", show_default=True,
              help="Language of page text and dates.")
@click.option("--embed", is_flag=True, help="Also print an <iframe> snippet for embedding the page's compact view "
                                           "(timeline.html?embed=1, 600 px high); paths go to stderr.")
@click.option("--base-url", metavar="URL", help="With --embed: the http(s) address of the folder the page is published "
                                               "in, so the snippet's src is absolute.")
@click.option("--review", is_flag=True, help="Include candidate events (not yet reviewed), marked as such; "
                                            "without it the page shows reviewed events only.")
@click.option("--strict", is_flag=True, help="Treat warnings (inferred publication dates, missing hashes) as errors.")
@click.option("--quiet", "-q", is_flag=True, help="No warnings and no notes on stderr (errors are still shown).")
def build(store: Path, outdir: Path, fmt: str, fragment: bool, size: tuple[int, int], plotly_mode: str, locale: str,
          embed: bool, base_url: str | None, review: bool, strict: bool, quiet: bool) -> None:
    """Check STORE (default events.yaml) and build the timeline page into OUTDIR.

    Refuses to build, writing nothing, when the store has any problem; prints the files written.

    \b
    Examples:
      timeline build events.yaml -o output/
      timeline build --locale fr --plotly file -o site/
      timeline build --embed --base-url https://example.org/course/
      timeline build --fragment -o part.html     # paste into a course page
      timeline build --format png -o plot.png    # for slides (needs the image extra)
    """
    from timeline.builders import BuildContext, builder_names, get_builder
    from timeline.check import check_store

    fmt = _format(fmt, fragment, embed)
    try:
        builder_cls = get_builder(fmt)
    except KeyError:
        raise click.UsageError(f"unknown format {fmt!r}; available: {', '.join(builder_names())}") from None
    src = _embed_src(embed, base_url)
    result, texts, warnings = check_store(store, strict=strict)
    for warning in warnings if not quiet else []:
        click.echo(str(warning), err=True)
    omitted = sum(1 for e in result.events if e.status == "candidate") if not (review or quiet) else 0
    if omitted:
        click.echo(f"{store}: {omitted} candidate events not yet reviewed are left out; --review shows them", err=True)
    options = {"plotly": plotly_mode, "locale": locale, "review": review, "size": size}
    made = builder_cls(BuildContext(result, texts, store, options))
    written = made.write(outdir) if outdir.suffix.lower() == builder_cls.suffix else made.build(outdir)
    for path in written:
        click.echo(str(path), err=embed)
    if embed:
        _print_embed(result, written[0], src)


def _format(fmt: str, fragment: bool, embed: bool) -> str:
    """The builder's name: --fragment is the html-fragment format; --embed goes with the page only."""
    if fragment and fmt not in ("html", "html-fragment"):
        raise click.UsageError(f"--fragment is an HTML format; it does not go with --format {fmt}")
    fmt = "html-fragment" if fragment else fmt
    if embed and fmt != "html":
        raise click.UsageError(f"--embed makes an <iframe> of the page; it does not go with the {fmt} format")
    return fmt


def _size(value: str) -> tuple[int, int]:
    """'1600x900' as (1600, 900); a usage error for anything else."""
    width, _, height = value.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 0 < int(width) <= 10_000 and 0 < int(height) <= 10_000):
        raise click.BadParameter(f"{value!r} is not WIDTHxHEIGHT in pixels (e.g. 1600x900)", param_hint="--size")
    return int(width), int(height)


def _embed_src(embed: bool, base_url: str | None) -> str | None:
    """The iframe's address: absolute under --base-url, else None (relative, with a note to replace it)."""
    from timeline.builders.html_list import safe_url

    if base_url is None:
        return None
    if not embed:
        raise click.UsageError("--base-url goes with --embed")
    if not safe_url(base_url):
        raise click.BadParameter(f"{base_url!r} is not an http(s) address", param_hint="--base-url")
    return base_url.rstrip("/") + "/"


def _print_embed(store: Store, page: Path, base: str | None) -> None:
    from timeline.builders.html import embed_snippet

    click.echo(embed_snippet(store, f"{base or ''}{page.name}?embed=1"))
    if base is None:
        click.echo(f"note: the snippet's src is relative ({page.name}?embed=1): replace it with the page's full "
                   "address where you publish it, or give --base-url URL", err=True)
