"""A line chart of scores (0–100) as inline SVG, drawn on the server: the PDF
reports show the trend without a chart library or JavaScript."""

from markupsafe import Markup, escape

COLOURS = ("#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#a50021")
WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 12, 56
PAD = 32  # room for the first and last campaign labels


def _segments(points):
    """The runs of consecutive points that have a value (a gap breaks the line)."""
    run = []
    for point in points:
        if point[1] is None:
            if run:
                yield run
            run = []
        else:
            run.append(point)
    if run:
        yield run


def score_trend_svg(categories, series):
    """``categories``: the x labels (campaigns); ``series``: ``[(name, [value or
    None per category])]`` of scores between 0 and 100. Returns SVG markup, or
    an empty string when there is nothing to draw."""
    if not categories or not any(v is not None for _name, values in series for v in values):
        return ""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = (plot_w - 2 * PAD) / max(len(categories) - 1, 1)

    def x(index):
        return LEFT + PAD + (index * step if len(categories) > 1 else plot_w / 2 - PAD)

    def y(value):
        return TOP + plot_h * (1 - max(0.0, min(100.0, value)) / 100.0)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="10">'
    ]
    for tick in range(0, 101, 20):
        parts.append(
            f'<line x1="{LEFT}" y1="{y(tick):.1f}" x2="{WIDTH - RIGHT}" y2="{y(tick):.1f}" '
            f'stroke="#d9d9d9" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 3:.1f}" text-anchor="end" fill="#595959">'
            f"{tick}</text>"
        )
    for index, label in enumerate(categories):
        parts.append(
            f'<text x="{x(index):.1f}" y="{TOP + plot_h + 14}" text-anchor="middle" '
            f'fill="#404040">{escape(label)}</text>'
        )
    for number, (name, values) in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        points = [(x(i), v) for i, v in enumerate(values)]
        for run in _segments(points):
            coords = " ".join(f"{px:.1f},{y(v):.1f}" for px, v in run)
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                f'stroke-width="{2.5 if number == 0 else 1.5}"/>'
            )
            parts.extend(
                f'<circle cx="{px:.1f}" cy="{y(v):.1f}" r="2.5" fill="{colour}"/>' for px, v in run
            )
        legend_x = LEFT + (number % 4) * (plot_w / 4)
        legend_y = HEIGHT - 22 + (number // 4) * 13
        parts.append(
            f'<rect x="{legend_x:.1f}" y="{legend_y - 8}" width="10" height="10" '
            f'fill="{colour}"/><text x="{legend_x + 14:.1f}" y="{legend_y + 1}" '
            f'fill="#404040">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
