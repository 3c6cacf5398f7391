#!/usr/bin/env bash
# Runs the real Slant window under Xvfb on the annotated sample project and saves screenshots.
#   bash scripts/screenshot.sh [OUT_DIR]      (default: target/screenshots)
#   SLANT_BIN=target/debug/slant bash scripts/screenshot.sh   (a binary already built)
# Installs what it needs from Debian's packages when run as root on a machine without them.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/screenshots}
mkdir -p "$OUT"

need=()
for tool in Xvfb xdotool import xclip; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    xvfb xauth imagemagick x11-apps xdotool xclip libgl1 libegl1 libxkbcommon-x11-0 mesa-utils >/dev/null
fi

SLANT=${SLANT_BIN:-./target/release/slant}
[ -n "${SLANT_BIN:-}" ] || cargo build --release --quiet
export DISPLAY=:99 XDG_RUNTIME_DIR=/tmp/slant-xdg LIBGL_ALWAYS_SOFTWARE=1
mkdir -p -m700 "$XDG_RUNTIME_DIR"
Xvfb :99 -screen 0 1600x1000x24 -nolisten tcp & XVFB=$!
# A throw-away home, so the shots never show this machine's recent projects.
export HOME=$(mktemp -d) XDG_DATA_HOME= XDG_CONFIG_HOME=
cp sample_projects/netanyahu_trump_annotated.ron "$HOME/sample.ron"
trap 'kill ${APP:-} $XVFB 2>/dev/null || true' EXIT
sleep 1
# Starts the app on a project and sets WID to its window, sized and focused.
start() {
  "$SLANT" "$1" & APP=$!
  sleep 4
  WID=$(xdotool search --name Slant | head -1)
  xdotool windowsize --sync "$WID" 1600 1000
  xdotool windowfocus --sync "$WID"
  sleep 1.5
}
start "$HOME/sample.ron"
import -window "$WID" "$OUT/main.png"
# Select the sixth sentence of the first article and open the shortcut sheet.
xdotool key --delay 200 --window "$WID" j j j j j j
sleep 1.5
import -window "$WID" "$OUT/selected.png"
xdotool key --window "$WID" F1
sleep 1.5
import -window "$WID" "$OUT/shortcuts.png"
xdotool key --window "$WID" Escape
sleep 0.5
xdotool key --window "$WID" ctrl+e
sleep 1.5
import -window "$WID" "$OUT/export.png"
xdotool key --window "$WID" Escape
sleep 0.5
kill $APP; wait $APP 2>/dev/null || true
# A new project for a student: suggestions, with cue words underlined (H).
"$SLANT" new "$HOME/homework.ron" tests/data/article_maralago_meeting.txt \
  tests/data/article_nbc_netanyahu_urges.txt --reviewer "Sam Lee" >/dev/null
start "$HOME/homework.ron"
xdotool key --delay 200 --window "$WID" j j j j j h
sleep 1.5
import -window "$WID" "$OUT/suggestions.png"
kill $APP; wait $APP 2>/dev/null || true
# A class: the sample's reviewer, a student who reads every Fact as a Quote, and one who agrees
# but on loaded sentences; the class view (C) and the first disputed sentence (D).
cp sample_projects/netanyahu_trump_annotated.ron "$HOME/class.ron"
"$SLANT" export "$HOME/class.ron" --format csv -o "$HOME/tags.csv" >/dev/null
sed 's/,M\. Rivera,fact,/,Ann Lee,quote,/; s/,M\. Rivera,/,Ann Lee,/' "$HOME/tags.csv" > "$HOME/ann.csv"
sed 's/,M\. Rivera,loaded,/,Bo Park,speculation,/; s/,M\. Rivera,/,Bo Park,/' "$HOME/tags.csv" > "$HOME/bo.csv"
"$SLANT" import-tags "$HOME/class.ron" "$HOME/ann.csv" >/dev/null
"$SLANT" import-tags "$HOME/class.ron" "$HOME/bo.csv" >/dev/null
"$SLANT" key "$HOME/class.ron" "M. Rivera" >/dev/null
start "$HOME/class.ron"
xdotool key --delay 300 --window "$WID" c d
xdotool mousemove --window "$WID" 900 32   # on the empty toolbar: no tooltip anywhere
sleep 1.5
import -window "$WID" "$OUT/class.png"
kill $APP; wait $APP 2>/dev/null || true
# Text copied from a PDF pasted with Ctrl+V while nothing has the keyboard: a new article.
cp sample_projects/netanyahu_trump_annotated.ron "$HOME/edit.ron"
start "$HOME/edit.ron"
printf 'Storm Knocks Out Power to 200,000\nThe utility said crews would\nwork through the night.  Officials asked\nfor patience.\n' \
  | xclip -selection clipboard
xdotool key --window "$WID" ctrl+v
sleep 1.5
import -window "$WID" "$OUT/paste.png"
kill $APP; wait $APP 2>/dev/null || true
# Edit the first article's text (F2): delete its second to fourth lines and apply.
start "$HOME/edit.ron"
xdotool key --window "$WID" F2
sleep 1.5
import -window "$WID" "$OUT/edit_text.png"
xdotool key --delay 150 --window "$WID" ctrl+Home Down shift+Down shift+Down shift+Down Delete Tab Return
sleep 1.5
import -window "$WID" "$OUT/edit_text_lost.png"
xdotool key --window "$WID" Return
sleep 1.5
import -window "$WID" "$OUT/unplaced.png"
kill $APP; wait $APP 2>/dev/null || true
# Compare mode (M) with the lead of the first article selected: its counterparts outlined and
# linked, what only one article reports marked in the margin, the comparison in the side panel.
start "$HOME/sample.ron"
xdotool key --delay 300 --window "$WID" m j j
xdotool mousemove --window "$WID" 1500 980   # off the text: the selection leads, not the pointer
sleep 1.5
import -window "$WID" "$OUT/compare.png"
echo "screenshots in $OUT"
