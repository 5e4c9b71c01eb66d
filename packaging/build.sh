#!/usr/bin/env bash
# Build Newsreader's installers, whatever this platform can make, into dist/.
#
#   packaging/build.sh wheel      the sdist and the wheel (translations compiled in)
#   packaging/build.sh bundle     the one-folder app bundle (PyInstaller): dist/newsreader/
#   packaging/build.sh deb        the Debian package: dist/newsreader_VERSION-1_ARCH.deb
#   packaging/build.sh appimage   the AppDir, and the AppImage if appimagetool is found
#   packaging/build.sh all        every one of these
#
# Each step builds what it needs first (the bundle needs the wheel, the .deb and the
# AppImage need the bundle). Tools are installed into build/ (Python virtual
# environments); nothing outside the source tree is changed, except that on Debian,
# as root, the libraries the bundle should carry are installed with apt-get if missing.
# Environment: PYTHON (default python3), DIST (default dist), BUILD (default build),
# APPIMAGETOOL (path to appimagetool, else it is looked for on PATH).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-python3}
DIST=$(mkdir -p "${DIST:-dist}" && cd "${DIST:-dist}" && pwd)
BUILD=$(mkdir -p "${BUILD:-build}" && cd "${BUILD:-build}" && pwd)
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/newsreader/__init__.py)
APP_ID=io.github.newsreader.Newsreader
PYINSTALLER="pyinstaller>=6.10,<7"

say() { printf '== %s\n' "$*" >&2; }
seconds() { date +%s; }

# A virtual environment in build/ with the given requirements.
tool_env() {
  local name=$1
  shift
  if [ ! -x "$BUILD/$name/bin/python" ]; then
    "$PYTHON" -m venv "$BUILD/$name"
  fi
  "$BUILD/$name/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
}

build_wheel() {
  local start
  start=$(seconds)
  say "wheel and sdist $VERSION"
  tool_env tools "build>=1.2"
  rm -f "$DIST"/newsreader-*.whl "$DIST"/newsreader-*.tar.gz
  # build makes the sdist, then the wheel from that sdist: both are checked at once
  "$BUILD/tools/bin/python" -m build --outdir "$DIST" "$ROOT" >"$BUILD/wheel.log" 2>&1 || {
    cat "$BUILD/wheel.log" >&2
    return 1
  }
  ls "$DIST"/newsreader-"$VERSION"-py3-none-any.whl "$DIST"/newsreader-"$VERSION".tar.gz >/dev/null
  say "wheel built in $(($(seconds) - start)) s: $(ls "$DIST"/newsreader-*.whl)"
}

# The xcb libraries Qt's X11 plugin loads that a bare system may lack: a bundle built
# where they are installed carries them (the AppImage must).
bundle_system_libraries() {
  local missing=()
  local pkg
  for pkg in libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
    libxcb-render-util0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]} (the bundle carries them)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "warning: ${missing[*]} not installed: the bundle will need them on the system"
  fi
}

build_bundle() {
  local start wheel
  [ -n "$(ls "$DIST"/newsreader-"$VERSION"-py3-none-any.whl 2>/dev/null)" ] || build_wheel
  start=$(seconds)
  if command -v dpkg-query >/dev/null; then bundle_system_libraries; fi
  say "app bundle (PyInstaller)"
  wheel=$(ls "$DIST"/newsreader-"$VERSION"-py3-none-any.whl)
  # the wheel, not the source tree: the bundle carries what the wheel carries
  tool_env bundle-env --force-reinstall --no-deps "$wheel"
  tool_env bundle-env "$wheel" "$PYINSTALLER"
  rm -rf "$DIST/newsreader" "$DIST/Newsreader.app"
  (cd "$BUILD" && "$BUILD/bundle-env/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD/pyinstaller" \
    "$ROOT/packaging/pyinstaller/newsreader.spec") >"$BUILD/bundle.log" 2>&1 || {
    cat "$BUILD/bundle.log" >&2
    return 1
  }
  "$DIST/newsreader/newsreader" --version >/dev/null
  say "bundle built in $(($(seconds) - start)) s: $DIST/newsreader ($(du -sh "$DIST/newsreader" | cut -f1))"
}

# The desktop files every Linux package installs, under the prefix $1 (e.g. .../usr).
install_desktop_files() {
  local usr=$1 size
  install -Dm644 "packaging/linux/$APP_ID.desktop" "$usr/share/applications/$APP_ID.desktop"
  install -Dm644 "packaging/linux/$APP_ID.metainfo.xml" "$usr/share/metainfo/$APP_ID.metainfo.xml"
  install -Dm644 "resources/icons/app/$APP_ID.svg" "$usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in 16 24 32 48 64 128 256 512; do
    install -Dm644 "resources/icons/app/$APP_ID-$size.png" \
      "$usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
}

# The system packages the bundle needs (dpkg's Depends): the X11 libraries Qt's xcb
# plugin loads, OpenGL/EGL, fontconfig, D-Bus, and fonts that cover Arabic. Noto Sans
# Arabic UI (and Naskh Arabic UI) in fonts-noto-ui-core are drawn for interfaces and
# weigh 5 MB; a system with fuller Noto or Amiri or KACST fonts is served as well.
DEB_DEPENDS="libc6 (>= 2.28), libstdc++6, zlib1g, libglib2.0-0, libdbus-1-3, libfontconfig1, \
libfreetype6, libgl1, libegl1, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, \
libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render0, libxcb-render-util0, \
libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-util1, libxcb-xfixes0, libxcb-xkb1, \
libxkbcommon0, libxkbcommon-x11-0, \
fonts-noto-ui-core | fonts-noto-core | fonts-hosny-amiri | fonts-kacst"

build_deb() {
  local start arch stage package
  [ -x "$DIST/newsreader/newsreader" ] || build_bundle
  start=$(seconds)
  say "Debian package"
  arch=$(dpkg --print-architecture)
  stage="$BUILD/deb"
  rm -rf "$stage"
  mkdir -p "$stage/DEBIAN" "$stage/usr/lib" "$stage/usr/bin"
  cp -a "$DIST/newsreader" "$stage/usr/lib/newsreader"
  ln -s ../lib/newsreader/newsreader "$stage/usr/bin/newsreader"
  install_desktop_files "$stage/usr"
  install -Dm644 packaging/linux/debian-copyright "$stage/usr/share/doc/newsreader/copyright"
  gzip -9n <CHANGELOG.md >"$stage/usr/share/doc/newsreader/changelog.gz"
  chmod -R u=rwX,go=rX "$stage/usr"
  sed -e "s/@VERSION@/$VERSION-1/" -e "s/@ARCH@/$arch/" \
    -e "s/@SIZE@/$(du -sk "$stage/usr" | cut -f1)/" \
    -e "s/@DEPENDS@/$DEB_DEPENDS/" packaging/linux/debian-control >"$stage/DEBIAN/control"
  package="$DIST/newsreader_${VERSION}-1_${arch}.deb"
  rm -f "$DIST"/newsreader_*.deb
  dpkg-deb --root-owner-group -Zzstd -z9 --build "$stage" "$package" >/dev/null
  say "deb built in $(($(seconds) - start)) s: $package ($(du -h "$package" | cut -f1))"
}

build_appimage() {
  local start appdir tool arch
  [ -x "$DIST/newsreader/newsreader" ] || build_bundle
  start=$(seconds)
  say "AppDir and AppImage"
  appdir="$DIST/Newsreader.AppDir"
  rm -rf "$appdir"
  mkdir -p "$appdir/usr/lib"
  cp -a "$DIST/newsreader" "$appdir/usr/lib/newsreader"
  install_desktop_files "$appdir/usr"
  install -m755 packaging/linux/AppRun "$appdir/AppRun"
  cp "packaging/linux/$APP_ID.desktop" "$appdir/$APP_ID.desktop"
  cp "resources/icons/app/$APP_ID-256.png" "$appdir/$APP_ID.png"
  ln -s "$APP_ID.png" "$appdir/.DirIcon"
  # appimagetool looks for the AppStream file under this older name too
  cp "packaging/linux/$APP_ID.metainfo.xml" "$appdir/usr/share/metainfo/$APP_ID.appdata.xml"
  "$appdir/AppRun" --version >/dev/null
  tool=${APPIMAGETOOL:-$(command -v appimagetool || true)}
  if [ -z "$tool" ]; then
    say "AppDir ready in $(($(seconds) - start)) s: $appdir"
    say "appimagetool was not found (neither PyPI nor Debian has it): see packaging/README.md,"
    say "'AppImage', to turn the AppDir into dist/Newsreader-$VERSION-x86_64.AppImage"
    return 0
  fi
  arch=$(uname -m)
  ARCH=$arch "$tool" "$appdir" "$DIST/Newsreader-$VERSION-$arch.AppImage"
  say "AppImage built in $(($(seconds) - start)) s: $DIST/Newsreader-$VERSION-$arch.AppImage"
}

case "${1:-}" in
  wheel) build_wheel ;;
  bundle) build_bundle ;;
  deb) build_deb ;;
  appimage) build_appimage ;;
  all)
    build_wheel
    build_bundle
    build_deb
    build_appimage
    ;;
  *)
    echo "usage: packaging/build.sh wheel|bundle|deb|appimage|all" >&2
    exit 2
    ;;
esac
