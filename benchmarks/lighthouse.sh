#!/usr/bin/env bash
# Lighthouse scores of every page type, run by hand (not in CI):
#   bash benchmarks/lighthouse.sh
#   SIGSITE_COMMUNITY=../shared/community bash benchmarks/lighthouse.sh   # the community hub
# Needs Node.js with npm, and Debian's chromium. Target: performance >= 95, the other three 100.
set -euo pipefail
cd "$(dirname "$0")/.."

export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
port=${PORT:-8787}
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

if [ -n "${SIGSITE_COMMUNITY:-}" ]; then
  export SIGSITE_COMMUNITY=$(realpath "$SIGSITE_COMMUNITY")
  SIGSITE_HUB_URL="http://127.0.0.1:$port/" mkdocs build --strict -q -f hub/mkdocs.yml -d "$work/site"
  # mindelec's README starts at ##; research is a working group; the TSC's notes and usability's
  # sessions are records found outside meetings/; a topic of research is a document page; the
  # community's health page and a group's Activity page (dx's names teams, numbers and two spellings).
  pages=(home: people:people/ sig:sigs/security/ sig_h2:zh/sigs/mindelec/ sig_members:sigs/security/members/
         sig_meetings:sigs/security/meetings/ meeting:sigs/security/meetings/001-20200604/
         wg:working-groups/research/ tsc:tsc/ tsc_record:tsc/meetings/2020-06-18/
         session:zh/sigs/usability/meetings/2024-11-30/
         document:working-groups/research/documents/topic1-low-bit-neural-networks-training/ home_zh:zh/
         health:health/ activity:sigs/security/health/ activity_zh:zh/sigs/dx/health/)
else
  SIGSITE_SITE_URL="http://127.0.0.1:$port/" mkdocs build --strict -q -d "$work/site"
  pages=(home: goals:goals/ activities:activities/ members:members/ join:join/ archive:meetings/
         meeting:meetings/001-20200604/ home_zh:zh/ members_zh:zh/members/ archive_zh:zh/meetings/)
fi
# Serve as static hosts do (GitHub Pages compresses text): gzip when the browser accepts it.
python3 benchmarks/serve.py "$work/site" "$port" &
server=$!
sleep 1

flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
for entry in "${pages[@]}"; do
  name=${entry%%:*}
  path=${entry#*:}
  for form in mobile desktop; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    npx --yes lighthouse@12 "http://127.0.0.1:$port/$path" "${preset[@]}" --quiet --output=json \
      --output-path="$work/$name-$form.json" --chrome-flags="$flags" \
      --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1
  done
done

python3 - "$work" <<'PY'
import json, pathlib, sys
work = pathlib.Path(sys.argv[1])
categories = ["performance", "accessibility", "best-practices", "seo"]
print(f"| page | form | {' | '.join(categories)} |")
print("|---|---|" + "---|" * len(categories))
for report in sorted(work.glob("*.json")):
    data = json.loads(report.read_text())
    name, form = report.stem.rsplit("-", 1)
    scores = [round(data["categories"][c]["score"] * 100) for c in categories]
    print(f"| {name} | {form} | {' | '.join(map(str, scores))} |")
    for c in categories:
        for ref in data["categories"][c]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                print(f"|   | {c}: {audit['id']} ({audit['score']}) | {audit['title']} | | | |", file=sys.stderr)
PY
