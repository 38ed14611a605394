#!/usr/bin/env bash
# The command-line program's speed and memory (issue 6, item 4), in one
# command. Not run in CI.
#
#   benches/cli.sh [RUNS]        RUNS timed runs of each program (default 5)
#
# Generates realistic Omnisend records (examples/generate.rs) into a temp
# dir, builds the release examples, then
#   1. times `echo` (parse each line into a serde_json::Value, print it
#      back), `validate --provider omnisend` (default --jobs: every core)
#      and `validate --provider omnisend --jobs 1` on $RECORDS records
#      (default 100 000), runs interleaved, and prints the median and
#      fastest wall time, the median CPU time (user + sys), and the ratios
#      of the median wall and CPU times to echo's; the goal is a wall time
#      ratio ≤ 2. On a busy machine the CPU ratio is the steadier figure
#      (divide it by the cores validate actually gets);
#   2. measures the peak RSS ("Maximum resident set size" of GNU time) of
#      `validate` (default --jobs, and --jobs 1) on 10 000 and 1 000 000
#      records (about 6 MB and 630 MB of input): it should not grow with
#      the input;
#   3. measures the peak RSS of `validate --provider rocketchat` with
#      --jobs 1, 2 and 8 on an amplifying document (a 200 KB record whose
#      100 000 numeric phones each get a report, capped per rule) and on
#      50 copies of it: the ratio 50 copies / 1 copy should stay within 4
#      (issue 16, item 6) whatever --jobs is.
# Needs GNU time at /usr/bin/time. Wall times depend on what else the
# machine runs: the load average is printed before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
records=${RECORDS:-100000}
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/examples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -x /usr/bin/time ] || { echo "cli.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }

echo "building the release examples..." >&2
cargo build --release --quiet --example generate --example validate --example echo

"$bin/generate" omnisend "$records" >"$tmp/records.ndjson"
"$bin/generate" omnisend 10000 >"$tmp/10k.ndjson"
"$bin/generate" omnisend 1000000 >"$tmp/1m.ndjson"

cores=$(nproc)
echo "machine: $cores cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# One run: "wall_seconds cpu_seconds max_rss_kb" appended to $1; the
# program's output goes to /dev/null, its stderr to $tmp/stderr.
measure() {
    local into=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || {
        local code=$?
        # validate exits 1 when some document is invalid: not here.
        echo "cli.sh: \`$*\` exited with $code:" >&2
        cat "$tmp/stderr" >&2
        exit 2
    }
    awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$tmp/time" >>"$into"
}

# The median of column $2 of file $1 (runs are few: sort and pick).
median() {
    sort -g -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
fastest() {
    sort -g -k"$2","$2" "$1" | awk -v c="$2" 'NR == 1 { print $c }'
}

names=(echo validate validate-jobs1)
labels=("echo" "validate --provider omnisend (--jobs $cores)" "validate --provider omnisend --jobs 1")
commands=(
    "$bin/echo $tmp/records.ndjson"
    "$bin/validate --provider omnisend $tmp/records.ndjson"
    "$bin/validate --provider omnisend --jobs 1 $tmp/records.ndjson"
)

# A warm-up run of each (page cache, phone metadata), not counted.
for i in "${!names[@]}"; do
    measure "$tmp/warmup" ${commands[$i]}
done
for _ in $(seq "$runs"); do
    for i in "${!names[@]}"; do
        measure "$tmp/${names[$i]}" ${commands[$i]}
    done
done

echo "$records records ($(du -m "$tmp/records.ndjson" | cut -f1) MB), $runs runs each"
printf '%-48s %9s %10s %7s %7s %7s\n' "program" "median s" "fastest s" "CPU s" "ratio" "CPU r."
echo_median=$(median "$tmp/echo" 1)
echo_cpu=$(median "$tmp/echo" 2)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
for i in "${!names[@]}"; do
    f=$tmp/${names[$i]}
    m=$(median "$f" 1)
    c=$(median "$f" 2)
    printf '%-48s %9s %10s %7s %7s %7s\n' "${labels[$i]}" "$m" "$(fastest "$f" 1)" \
        "$c" "$(ratio "$m" "$echo_median")" "$(ratio "$c" "$echo_cpu")"
done
echo

echo "peak RSS (one run each)"
printf '%-48s %12s %12s %8s\n' "program" "10k: MiB" "1M: MiB" "ratio"
for i in 1 2; do
    : >"$tmp/rss-small"
    : >"$tmp/rss-large"
    small=${commands[$i]/$tmp\/records.ndjson/$tmp/10k.ndjson}
    large=${commands[$i]/$tmp\/records.ndjson/$tmp/1m.ndjson}
    measure "$tmp/rss-small" $small
    measure "$tmp/rss-large" $large
    a=$(cut -d' ' -f3 "$tmp/rss-small")
    b=$(cut -d' ' -f3 "$tmp/rss-large")
    printf '%-48s %12s %12s %8s\n' "${labels[$i]}" \
        "$(awk -v k="$a" 'BEGIN { printf "%.1f", k / 1024 }')" \
        "$(awk -v k="$b" 'BEGIN { printf "%.1f", k / 1024 }')" \
        "$(ratio "$b" "$a")"
done
echo

# The amplifying document, once and 50 times (10 MB).
awk 'BEGIN { printf "{\"name\":\"John\",\"emails\":[\"a@b.co\"],\"phones\":[1";
    for (i = 1; i < 100000; i++) printf ",1"; print "]}" }' >"$tmp/amp1.ndjson"
for _ in $(seq 50); do cat "$tmp/amp1.ndjson"; done >"$tmp/amp50.ndjson"

# The peak RSS in KiB of one run whose documents are all invalid (exit
# status 1).
peak_rss() {
    local code=0
    /usr/bin/time -f "%M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || code=$?
    if [ "$code" -ne 1 ]; then
        echo "cli.sh: \`$*\` exited with $code:" >&2
        cat "$tmp/stderr" >&2
        exit 2
    fi
    # GNU time puts "Command exited with non-zero status 1" first.
    tail -n1 "$tmp/time"
}

echo "peak RSS on the amplifying document (one run each)"
printf '%-48s %12s %12s %8s\n' "program" "1 copy: MiB" "50: MiB" "ratio"
for jobs in 1 2 8; do
    a=$(peak_rss "$bin/validate" --provider rocketchat --jobs "$jobs" "$tmp/amp1.ndjson")
    b=$(peak_rss "$bin/validate" --provider rocketchat --jobs "$jobs" "$tmp/amp50.ndjson")
    printf '%-48s %12s %12s %8s\n' "validate --provider rocketchat --jobs $jobs" \
        "$(awk -v k="$a" 'BEGIN { printf "%.1f", k / 1024 }')" \
        "$(awk -v k="$b" 'BEGIN { printf "%.1f", k / 1024 }')" \
        "$(ratio "$b" "$a")"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
