#!/usr/bin/env bash
# Newsreader.app into a disk image, on macOS (not run in this project's CI, which is
# Linux only; packaging/README.md, "macOS", gives every step). Needs the bundle built
# first (dist/Newsreader.app, from packaging/pyinstaller/newsreader.spec). Signing
# and notarising happen only when the variables below are set.
#
#   SIGN_IDENTITY="Developer ID Application: NAME (TEAMID)"  codesign identity
#   NOTARY_PROFILE=name   a keychain profile made with `xcrun notarytool store-credentials`
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/newsreader/__init__.py)
APP=dist/Newsreader.app
DMG=dist/Newsreader-$VERSION.dmg
[ -d "$APP" ] || { echo "build $APP first (packaging/README.md, macOS)" >&2; exit 1; }

# The Arabic localisation is declared in the bundle's Info.plist.
/usr/libexec/PlistBuddy -c "Print :CFBundleLocalizations" "$APP/Contents/Info.plist"

if [ -n "${SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --timestamp --options runtime --sign "$SIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi

# The disk image: the app, and a link to /Applications to drag it onto.
stage=$(mktemp -d)
cp -R "$APP" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$DMG"
hdiutil create -volname "Newsreader" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$DMG"
rm -rf "$stage"

if [ -n "${SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$SIGN_IDENTITY" "$DMG"
fi
if [ -n "${NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
fi
echo "$DMG"
