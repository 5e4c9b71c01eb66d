"""Regenerate the demo's pictures (and its one short audio clip) from code.

The demo ships offline and must carry no third-party media, so every picture is drawn
here from simple shapes and gradients, one colour scheme per topic, and written as PNG
with nothing but the standard library.  Output is deterministic: running the script
again reproduces the committed files byte for byte.

Usage: ``python resources/demo/make_images.py`` (writes into ``images/`` and ``media/``
next to this file).
"""

from __future__ import annotations

import itertools
import math
import random
import struct
import wave
import zlib
from collections.abc import Callable
from pathlib import Path

WIDTH, HEIGHT = 640, 360
HERE = Path(__file__).resolve().parent

Color = tuple[int, int, int]


class Canvas:
    """An RGB pixel buffer with the few drawing operations the scenes need."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT) -> None:
        self.width = width
        self.height = height
        self.pixels = bytearray(width * height * 3)

    # -- primitives -------------------------------------------------------------

    def blend(self, x: int, y: int, color: Color, alpha: float = 1.0) -> None:
        """Mix ``color`` into one pixel; alpha gives shapes soft, anti-aliased edges."""
        if not (0 <= x < self.width and 0 <= y < self.height) or alpha <= 0:
            return
        i = (y * self.width + x) * 3
        if alpha >= 1:
            self.pixels[i:i + 3] = bytes(color)
            return
        for k in range(3):
            self.pixels[i + k] = round(self.pixels[i + k] * (1 - alpha) + color[k] * alpha)

    def vertical_gradient(self, top: Color, bottom: Color, y0: int = 0, y1: int = HEIGHT) -> None:
        """Fill whole rows, which is fast because every row is one repeated colour."""
        span = max(y1 - y0 - 1, 1)
        for y in range(max(y0, 0), min(y1, self.height)):
            row = bytes(_mix(top, bottom, (y - y0) / span)) * self.width
            start = y * self.width * 3
            self.pixels[start:start + self.width * 3] = row

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: Color, alpha: float = 1.0) -> None:
        for y in range(max(y0, 0), min(y1, self.height)):
            for x in range(max(x0, 0), min(x1, self.width)):
                self.blend(x, y, color, alpha)

    def ellipse(
        self, cx: float, cy: float, rx: float, ry: float, color: Color, alpha: float = 1.0,
    ) -> None:
        """A filled ellipse with a one-pixel soft rim."""
        for y in range(max(int(cy - ry) - 1, 0), min(int(cy + ry) + 2, self.height)):
            for x in range(max(int(cx - rx) - 1, 0), min(int(cx + rx) + 2, self.width)):
                d = math.hypot((x - cx) / rx, (y - cy) / ry)
                edge = (1 - d) * min(rx, ry)
                self.blend(x, y, color, alpha * min(max(edge + 0.5, 0), 1))

    def ring(
        self, cx: float, cy: float, rx: float, ry: float, width: float, color: Color,
        *, lower_half: bool = False,
    ) -> None:
        """An elliptical outline; ``lower_half`` redraws the front of a planet's ring."""
        top = int(cy) if lower_half else max(int(cy - ry - width), 0)
        for y in range(top, min(int(cy + ry + width) + 1, self.height)):
            for x in range(max(int(cx - rx - width), 0), min(int(cx + rx + width) + 1, self.width)):
                d = math.hypot((x - cx) / rx, (y - cy) / ry) or 1e-9
                # (d - 1) over the gradient's length approximates the distance in pixels.
                grad = math.hypot((x - cx) / rx**2, (y - cy) / ry**2) / d or 1e-9
                edge = width / 2 - abs(d - 1) / grad
                self.blend(x, y, color, min(max(edge + 0.5, 0), 1))

    def line(
        self, x0: float, y0: float, x1: float, y1: float, width: float, color: Color,
        alpha: float = 1.0,
    ) -> None:
        """A thick segment: every pixel near enough to it is painted."""
        pad = width / 2 + 1
        dx, dy = x1 - x0, y1 - y0
        length2 = dx * dx + dy * dy or 1.0
        rows = range(max(int(min(y0, y1) - pad), 0), min(int(max(y0, y1) + pad) + 1, self.height))
        cols = range(max(int(min(x0, x1) - pad), 0), min(int(max(x0, x1) + pad) + 1, self.width))
        for y in rows:
            for x in cols:
                t = min(max(((x - x0) * dx + (y - y0) * dy) / length2, 0), 1)
                dist = math.hypot(x - (x0 + t * dx), y - (y0 + t * dy))
                self.blend(x, y, color, alpha * min(max(width / 2 - dist + 0.5, 0), 1))

    def polygon(self, points: list[tuple[float, float]], color: Color) -> None:
        """Even-odd scanline fill; enough for the convex shapes drawn here."""
        ys = [p[1] for p in points]
        for y in range(max(int(min(ys)), 0), min(int(max(ys)) + 1, self.height)):
            crossings = sorted(_crossings(points, y + 0.5))
            for left, right in zip(crossings[::2], crossings[1::2], strict=False):
                for x in range(max(round(left), 0), min(round(right), self.width)):
                    self.blend(x, y, color)

    def skyline(
        self, height_at: Callable[[int], float], top: Color, bottom: Color,
    ) -> None:
        """Fill below a curve (dunes, hills, waves), shading from ``top`` to ``bottom``."""
        for x in range(self.width):
            start = max(int(height_at(x)), 0)
            span = max(self.height - start, 1)
            for y in range(start, self.height):
                self.blend(x, y, _mix(top, bottom, (y - start) / span))

    # -- output -----------------------------------------------------------------

    def png(self) -> bytes:
        """Encode as an 8-bit RGB PNG, each row with the filter that shrinks it most."""
        stride = self.width * 3
        raw = bytearray()
        previous = bytes(stride)
        for y in range(self.height):
            row = bytes(self.pixels[y * stride:(y + 1) * stride])
            up = bytes((a - b) & 0xFF for a, b in zip(row, previous, strict=True))
            sub = bytes((row[i] - (row[i - 3] if i >= 3 else 0)) & 0xFF for i in range(stride))
            kind, data = min(
                ((0, row), (1, sub), (2, up)), key=lambda c: sum(min(v, 256 - v) for v in c[1]),
            )
            raw.append(kind)
            raw += data
            previous = row
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + _chunk(b"IEND", b"")
        )


def _mix(a: Color, b: Color, t: float) -> Color:
    t = min(max(t, 0.0), 1.0)
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _crossings(points: list[tuple[float, float]], y: float) -> list[float]:
    result = []
    for (xa, ya), (xb, yb) in zip(points, points[1:] + points[:1], strict=True):
        if (ya <= y < yb) or (yb <= y < ya):
            result.append(xa + (y - ya) * (xb - xa) / (yb - ya))
    return result


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# --------------------------------------------------------------------------- scenes


def weather() -> Canvas:
    """Rain clouds over a coastal plain."""
    c = Canvas()
    c.vertical_gradient((70, 86, 110), (150, 166, 182))
    c.skyline(lambda x: 290 + 10 * math.sin(x / 70), (64, 96, 80), (40, 62, 52))
    rng = random.Random(1)
    for _ in range(70):
        x, y = rng.uniform(0, WIDTH), rng.uniform(120, 300)
        c.line(x, y, x - 10, y + 26, 1.4, (200, 212, 228), 0.55)
    for cx, cy, rx, ry, shade in (
        (150, 95, 150, 48, 96), (330, 80, 170, 56, 84), (520, 105, 150, 46, 104),
        (240, 120, 140, 36, 76), (430, 125, 160, 38, 70),
    ):
        c.ellipse(cx, cy, rx, ry, (shade, shade + 6, shade + 16))
    return c


def port() -> Canvas:
    """Cranes and stacked containers on a harbour quay."""
    c = Canvas()
    c.vertical_gradient((120, 176, 222), (214, 232, 242), 0, 220)
    c.vertical_gradient((36, 98, 140), (22, 62, 96), 220, HEIGHT)
    c.rect(0, 250, WIDTH, 275, (110, 110, 116))
    colors = [(196, 66, 52), (232, 170, 48), (46, 120, 176), (64, 150, 96), (150, 70, 140)]
    rng = random.Random(2)
    for col in range(9):
        for level in range(rng.randint(1, 4)):
            x, y = 40 + col * 62, 228 - level * 22
            c.rect(x, y, x + 58, y + 20, colors[(col + level) % len(colors)])
            c.rect(x, y, x + 58, y + 2, (250, 250, 250), 0.25)
    for base in (90, 390):
        c.line(base, 250, base, 60, 6, (214, 120, 40))
        c.line(base + 60, 250, base + 60, 60, 6, (214, 120, 40))
        c.line(base - 40, 62, base + 180, 62, 7, (214, 120, 40))
        c.line(base + 150, 62, base + 150, 150, 1.5, (40, 40, 40))
    return c


def football() -> Canvas:
    """A mown pitch from above: stripes, markings and a ball."""
    c = Canvas()
    for i in range(10):
        shade = (58, 142, 70) if i % 2 else (70, 158, 80)
        c.rect(i * 64, 0, (i + 1) * 64, HEIGHT, shade)
    white = (240, 244, 238)
    c.line(20, 20, 620, 20, 3, white)
    c.line(20, 340, 620, 340, 3, white)
    c.line(20, 20, 20, 340, 3, white)
    c.line(620, 20, 620, 340, 3, white)
    c.line(320, 20, 320, 340, 3, white)
    c.ring(320, 180, 60, 60, 3, white)
    c.ellipse(320, 180, 4, 4, white)
    for x0, x1 in ((20, 110), (620, 530)):
        c.line(x0, 90, x1, 90, 3, white)
        c.line(x0, 270, x1, 270, 3, white)
        c.line(x1, 90, x1, 270, 3, white)
    c.ellipse(402, 214, 15, 15, (30, 60, 34), 0.35)
    c.ellipse(396, 206, 15, 15, (250, 250, 250))
    c.ellipse(396, 206, 5, 5, (40, 40, 40))
    return c


def space() -> Canvas:
    """A ringed planet against a field of stars."""
    c = Canvas()
    c.vertical_gradient((6, 8, 30), (28, 20, 64))
    rng = random.Random(4)
    for _ in range(260):
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        c.blend(x, y, (255, 255, 240), rng.uniform(0.3, 1.0))
    ring = (190, 160, 120)
    c.ring(420, 190, 170, 38, 7, ring)
    for r in range(95, 0, -5):
        c.ellipse(420, 190, r, r, _mix((196, 110, 70), (240, 190, 130), 1 - r / 95))
    c.ring(420, 190, 170, 38, 7, ring, lower_half=True)
    c.ellipse(110, 80, 22, 22, (200, 210, 230))
    c.ellipse(116, 74, 20, 20, (24, 18, 56))
    return c


def technology() -> Canvas:
    """Circuit traces and nodes on a dark board."""
    c = Canvas()
    c.vertical_gradient((10, 52, 60), (8, 30, 44))
    rng = random.Random(5)
    trace = (40, 200, 180)
    for _ in range(26):
        x, y = rng.randrange(0, WIDTH, 40), rng.randrange(0, HEIGHT, 40)
        dx = rng.choice((-1, 1)) * rng.randrange(40, 200, 40)
        dy = rng.choice((-1, 1)) * rng.randrange(40, 160, 40)
        c.line(x, y, x + dx, y, 2.5, trace, 0.8)
        c.line(x + dx, y, x + dx, y + dy, 2.5, trace, 0.8)
        c.ellipse(x + dx, y + dy, 6, 6, (160, 250, 230))
    c.rect(250, 120, 390, 240, (24, 30, 36))
    c.rect(262, 132, 378, 228, (48, 60, 68))
    for i in range(7):
        c.rect(256 + i * 20, 108, 266 + i * 20, 120, (200, 200, 190))
        c.rect(256 + i * 20, 240, 266 + i * 20, 252, (200, 200, 190))
    return c


def health() -> Canvas:
    """A calm clinic palette: soft circles and a green cross."""
    c = Canvas()
    c.vertical_gradient((226, 244, 240), (196, 228, 232))
    for cx, cy, r, color in (
        (120, 260, 140, (170, 220, 214)), (560, 80, 120, (210, 236, 226)),
        (480, 300, 90, (182, 214, 230)),
    ):
        c.ellipse(cx, cy, r, r, color, 0.7)
    c.ellipse(320, 180, 95, 95, (255, 255, 255))
    c.rect(295, 115, 345, 245, (34, 160, 120))
    c.rect(255, 155, 385, 205, (34, 160, 120))
    c.line(150, 60, 250, 60, 3, (120, 190, 180))
    c.line(200, 40, 200, 80, 3, (120, 190, 180))
    return c


def culture() -> Canvas:
    """Dunes at dusk under a low sun."""
    c = Canvas()
    c.vertical_gradient((60, 40, 100), (244, 150, 90), 0, 240)
    c.ellipse(430, 200, 48, 48, (255, 214, 140))
    c.skyline(lambda x: 210 + 28 * math.sin(x / 90 + 1), (214, 128, 76), (170, 90, 60))
    c.skyline(lambda x: 250 + 22 * math.sin(x / 60), (232, 160, 90), (190, 110, 64))
    c.skyline(lambda x: 300 + 14 * math.sin(x / 45 + 2), (246, 190, 118), (214, 140, 80))
    return c


def markets() -> Canvas:
    """A bar chart with a rising trend line."""
    c = Canvas()
    c.vertical_gradient((248, 248, 244), (232, 236, 240))
    for y in range(60, 320, 40):
        c.rect(40, y, 600, y + 1, (210, 214, 220))
    heights = [80, 110, 95, 140, 130, 170, 160, 210, 230, 250]
    for i, h in enumerate(heights):
        x = 60 + i * 54
        c.rect(x, 320 - h, x + 36, 320, (64, 110, 170) if i % 3 else (90, 150, 200))
    points = [(78 + i * 54, 300 - h * 0.95) for i, h in enumerate(heights)]
    for (xa, ya), (xb, yb) in itertools.pairwise(points):
        c.line(xa, ya, xb, yb, 4, (226, 120, 40))
    for px, py in points:
        c.ellipse(px, py, 6, 6, (226, 120, 40))
    return c


def energy() -> Canvas:
    """Rows of solar panels in a sunny desert."""
    c = Canvas()
    c.vertical_gradient((70, 150, 220), (190, 222, 240), 0, 200)
    c.vertical_gradient((226, 196, 140), (206, 170, 116), 200, HEIGHT)
    c.ellipse(540, 60, 34, 34, (255, 240, 170))
    for row in range(4):
        y = 212 + row * 36
        for col in range(6):
            x = 20 + col * 104 - row * 10
            c.polygon(
                [(x + 14, y), (x + 96, y), (x + 86, y + 24), (x + 4, y + 24)], (28, 56, 110),
            )
            c.line(x + 50, y, x + 45, y + 24, 1, (120, 150, 200))
            c.line(x + 9, y + 12, x + 91, y + 12, 1, (120, 150, 200))
    return c


def logo() -> Canvas:
    """The demo sources' small icon: a sun on a horizon."""
    c = Canvas(128, 128)
    c.vertical_gradient((24, 80, 140), (40, 130, 180), 0, 128)
    c.ellipse(64, 76, 34, 34, (250, 190, 70))
    c.rect(0, 76, 128, 128, (20, 60, 100))
    for i in range(3):
        c.rect(16 + i * 8, 88 + i * 12, 112 - i * 8, 92 + i * 12, (120, 180, 220))
    return c


SCENES: dict[str, Callable[[], Canvas]] = {
    "weather": weather,
    "port": port,
    "football": football,
    "space": space,
    "technology": technology,
    "health": health,
    "culture": culture,
    "markets": markets,
    "energy": energy,
    "logo": logo,
}


# --------------------------------------------------------------------------- audio


def chime(path: Path, rate: int = 8000, seconds: float = 4.0) -> None:
    """A few decaying bell tones, the sound clip of the demo's sound-installation story."""
    notes = [(0.0, 523.3), (0.5, 659.3), (1.0, 784.0), (1.6, 659.3), (2.2, 1046.5)]
    frames = bytearray()
    for n in range(int(rate * seconds)):
        t = n / rate
        value = 0.0
        for start, freq in notes:
            if t >= start:
                age = t - start
                value += math.exp(-3 * age) * (
                    math.sin(2 * math.pi * freq * age) + 0.3 * math.sin(4 * math.pi * freq * age)
                )
        frames.append(128 + round(max(min(value * 40, 127), -128)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(bytes(frames))


def main() -> None:
    images = HERE / "images"
    images.mkdir(exist_ok=True)
    for name, scene in SCENES.items():
        target = images / f"{name}.png"
        target.write_bytes(scene().png())
        print(f"{target.relative_to(HERE)}: {target.stat().st_size // 1024} KB")
    media = HERE / "media"
    media.mkdir(exist_ok=True)
    chime(media / "city-sounds.wav")
    print(f"media/city-sounds.wav: {(media / 'city-sounds.wav').stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
