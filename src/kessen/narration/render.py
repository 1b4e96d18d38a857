"""A :class:`~kessen.narration.story.Story` as plain text, Markdown, HTML or rich text.

>>> from kessen.narration.story import Line, Section, Story
>>> story = Story("The Test", [Section("Part one", "battle", [[Line("It began.", "x")]])])
>>> print(render_text(story))
THE TEST
<BLANKLINE>
Part one
--------
<BLANKLINE>
It began.
<BLANKLINE>
>>> print(render_markdown(story))
# The Test
<BLANKLINE>
## Part one
<BLANKLINE>
It began.
<BLANKLINE>
"""

from __future__ import annotations

import base64
import html
import textwrap

from kessen.narration.story import Section, Story

__all__ = ["WIDTH", "render_html", "render_markdown", "render_rich", "render_text"]

#: Plain text is wrapped at this width.
WIDTH = 88


def _paragraphs(section: Section) -> list[str]:
    return [" ".join(line.text for line in paragraph) for paragraph in section.paragraphs]


def render_text(story: Story) -> str:
    """Plain text: the title in capitals, underlined headings, wrapped paragraphs."""
    out = [story.title.upper(), ""]
    for section in story.sections:
        if section.kind != "intro":
            out += [section.heading, "-" * len(section.heading), ""]
        for text in _paragraphs(section):
            out += [textwrap.fill(text, WIDTH, break_on_hyphens=False), ""]
    return "\n".join(out)


def render_markdown(story: Story) -> str:
    out = [f"# {story.title}", ""]
    for section in story.sections:
        if section.kind != "intro":
            out += [f"## {section.heading}", ""]
        for text in _paragraphs(section):
            out += [text, ""]
    return "\n".join(out)


_STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 40rem; margin: 2rem auto;
       padding: 0 1.1rem; line-height: 1.65; color: #222; background: #fdfbf7;
       font-size: 1.1rem; -webkit-text-size-adjust: 100%; }
h1 { font-size: clamp(1.6rem, 6vw, 2.2rem); line-height: 1.2; margin-bottom: 0.4rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; color: #7a2e12; }
p { margin: 0 0 1rem; hyphens: auto; }
details { margin: 2.5rem 0 1rem; border-top: 1px solid #e4dccf; padding-top: 1rem; }
summary { cursor: pointer; color: #7a2e12; font-size: 0.95rem; }
figure { margin: 1rem 0; }
figure svg, figure img { display: block; width: 100%; height: auto; }
figcaption { font-size: 0.85rem; color: #666; text-align: center; }
footer { margin-top: 2rem; font-size: 0.8rem; color: #888; }
@media (max-width: 30rem) { body { margin: 1rem auto; font-size: 1.05rem; } }
"""


def render_html(story: Story, chart: str | bytes | None = None, footer: str = "") -> str:
    """A standalone page that reads well from a phone to a desktop.

    ``chart`` (SVG text, or PNG bytes) comes after the epilogue, folded away under a
    summary line: the story first, the figures for whoever wants them.
    """
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(story.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{esc(story.title)}</h1>",
    ]
    for section in story.sections:
        if section.kind != "intro":
            out.append(f'<h2 class="{esc(section.kind)}">{esc(section.heading)}</h2>')
        for text in _paragraphs(section):
            out.append(f"<p>{esc(text)}</p>")
    if chart is not None:
        if isinstance(chart, bytes):
            data = base64.b64encode(chart).decode("ascii")
            drawing = (
                '<img alt="Health and chakra of each fighter, turn by turn" '
                f'src="data:image/png;base64,{data}">'
            )
        else:
            drawing = chart
        out += [
            "<details>",
            "<summary>Health and chakra of each fighter, turn by turn</summary>",
            "<figure>",
            drawing,
            "<figcaption>Health (above) and chakra (below), turn by turn.</figcaption>",
            "</figure>",
            "</details>",
        ]
    if footer:
        out.append(f"<footer>{esc(footer)}</footer>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def render_rich(story: Story, console) -> None:
    """Print the story on a terminal with colour: headings bold, the title framed."""
    from rich.rule import Rule
    from rich.text import Text

    console.print(Rule(Text(story.title, style="bold red")))
    for section in story.sections:
        if section.kind != "intro":
            console.print()
            console.print(Text(section.heading, style="bold yellow"))
        for text in _paragraphs(section):
            line = Text(text)
            line.highlight_regex(r'"[^"]+"', "italic cyan")  # what people say
            console.print()
            console.print(line, width=min(console.width, WIDTH))
    console.print()
