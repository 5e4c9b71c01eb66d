"""Regenerate the demo's two short videos: frames drawn in code, encoded by ffmpeg.

The frames come from the same small drawing canvas as the pictures
(``make_images.py``), so the demo still carries no third-party media.  Encoding
needs the ``ffmpeg`` program (Debian package ``ffmpeg``, with libx264); it runs
with one thread and fixed settings, so the output is the same on every run with
the same ffmpeg.

Usage: ``python resources/demo/make_videos.py`` (writes into ``media/`` next to
this file and prints each file's size, the ``length`` the feeds give).
"""

from __future__ import annotations

import math
import random
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

from make_images import Canvas, _mix

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = 320, 180
FPS = 12
SECONDS = 4


def _stars(c: Canvas, seed: int, count: int, twinkle: float = 0.0) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        phase = rng.uniform(0, 2 * math.pi)
        light = rng.uniform(0.3, 1.0) * (1 - 0.5 * twinkle * (1 + math.sin(phase)))
        c.blend(x, y, (255, 255, 240), max(light, 0.1))


def satellite_launch(t: float) -> Canvas:
    """A rocket climbs from the launch pad into a darkening sky."""
    c = Canvas(WIDTH, HEIGHT)
    dusk = min(t / SECONDS, 1.0)
    c.vertical_gradient(
        _mix((70, 120, 190), (8, 10, 40), dusk),
        _mix((240, 170, 110), (40, 30, 80), dusk),
        0,
        HEIGHT,
    )
    if dusk > 0.4:
        _stars(c, 7, 60)
    c.rect(0, HEIGHT - 18, WIDTH, HEIGHT, (40, 44, 52))
    c.rect(60, HEIGHT - 70, 66, HEIGHT - 18, (90, 94, 104))  # the launch tower
    height = 12 * t * t  # accelerating
    x, base = 90, round(HEIGHT - 22 - height)
    for k in range(8):  # exhaust plume
        c.ellipse(x, base + 6 + 5 * k, 5 + k, 4 + k, (255, 200 - 15 * k, 80), 0.5 - 0.05 * k)
    c.rect(x - 4, base - 30, x + 4, base, (230, 232, 236))
    c.polygon([(x - 4, base - 30), (x + 4, base - 30), (x, base - 42)], (200, 60, 50))
    return c


def stellar_nursery(t: float) -> Canvas:
    """Glowing gas clouds slowly turn while young stars flicker inside them."""
    c = Canvas(WIDTH, HEIGHT)
    c.vertical_gradient((4, 6, 24), (20, 12, 44), 0, HEIGHT)
    _stars(c, 11, 120, twinkle=0.5 + 0.5 * math.sin(2 * math.pi * t / SECONDS))
    turn = 2 * math.pi * t / (SECONDS * 3)
    for k, (color, radius) in enumerate(
        [((150, 60, 160), 60), ((60, 120, 190), 46), ((220, 120, 90), 34)]
    ):
        angle = turn + k * 2.1
        cx = WIDTH / 2 + 40 * math.cos(angle)
        cy = HEIGHT / 2 + 22 * math.sin(angle)
        for r in range(radius, 0, -6):
            c.ellipse(round(cx), round(cy), r, round(r * 0.7), color, 0.12)
    pulse = 0.6 + 0.4 * math.sin(2 * math.pi * t)
    c.ellipse(WIDTH // 2, HEIGHT // 2, 5, 5, (255, 250, 230), pulse)
    return c


VIDEOS: dict[str, Callable[[float], Canvas]] = {
    "satellite-launch.mp4": satellite_launch,
    "stellar-nursery.mp4": stellar_nursery,
}


def frames(scene: Callable[[float], Canvas]) -> Iterator[bytes]:
    for n in range(FPS * SECONDS):
        yield bytes(scene(n / FPS).pixels)


def encode(scene: Callable[[float], Canvas], target: Path, ffmpeg: str) -> None:
    command = [
        ffmpeg, "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24",
        "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FPS), "-i", "-",
        "-c:v", "libx264", "-preset", "veryslow", "-crf", "30", "-threads", "1",
        "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", str(target),
    ]  # fmt: skip
    with subprocess.Popen(command, stdin=subprocess.PIPE) as process:
        assert process.stdin is not None
        for frame in frames(scene):
            process.stdin.write(frame)
        process.stdin.close()
        if process.wait() != 0:
            raise SystemExit(f"ffmpeg failed for {target.name}")


def main() -> None:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise SystemExit("ffmpeg is needed to encode the videos (Debian package ffmpeg)")
    media = HERE / "media"
    media.mkdir(exist_ok=True)
    for name, scene in VIDEOS.items():
        target = media / name
        encode(scene, target, ffmpeg)
        print(f"media/{name}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
