#!/usr/bin/env bash
# Runs each cargo-fuzz target for SECONDS (default 600), one after another, seeding each corpus
# from the sample articles, the sample projects and the test pages. Needs the nightly toolchain
# and cargo-fuzz (`cargo install cargo-fuzz`). Findings land in fuzz/artifacts/TARGET/.
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(load_project report_writers import_text import_html split)

seed() {
  local dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  case "$1" in
    load_project | report_writers)
      cp sample_projects/*.ron tests/data/*.ron tests/data/fuzz/load_project-* tests/data/fuzz/report_writers-* "$dir"/ 2>/dev/null || true ;;
    import_html) cp tests/data/pages/*.html "$dir"/ 2>/dev/null || true ;;
    *) cp tests/data/*.txt "$dir"/ ;;
  esac
}

for t in "${targets[@]}"; do
  seed "$t"
  echo "== $t: ${seconds}s"
  mkdir -p fuzz/logs
  status=0
  (cd fuzz && cargo +nightly fuzz run -O "$t" -- -max_total_time="$seconds" -rss_limit_mb=4096 \
    -max_len=262144 -print_final_stats=1) > "fuzz/logs/$t.log" 2>&1 || status=$?
  grep -E '^(Done|stat::number_of_executed_units|SUMMARY)|^#[0-9]+.*DONE|panicked' "fuzz/logs/$t.log" || true
  [ "$status" = 0 ] || echo "!! $t failed (exit $status): see fuzz/logs/$t.log and fuzz/artifacts/$t/"
done
