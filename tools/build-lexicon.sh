#!/usr/bin/env bash
# Rebuilds src/PaperChunks/Text/english-words.txt.gz, the lexicon the text normalizer embeds.
# Source: Debian's wamerican (SCOWL size 50) and wamerican-large (SCOWL size 70), American spelling;
# provenance and license in docs/normalization.md.
# Output: lower-cased words of a-z only (possessive 's entries folded into their word; words of two or
# more letters without a vowel dropped, as they are abbreviations such as "flt"), sorted; first the
# common words (size 50), then an empty line, then the words only the large list has. gzip -9n, so the
# output is reproducible.
# Usage: apt-get install -y wamerican wamerican-large && tools/build-lexicon.sh
set -euo pipefail
dict=${DICT_DIR:-/usr/share/dict}
out="$(dirname "$0")/../src/PaperChunks/Text/english-words.txt.gz"
clean() {
  LC_ALL=C sed "s/'s\$//" "$1" | LC_ALL=C tr 'A-Z' 'a-z' | LC_ALL=C grep -E '^[a-z]+$' \
    | LC_ALL=C grep -E '^[a-z]$|[aeiouy]' | LC_ALL=C sort -u
}
tmp=$(mktemp -d)
clean "$dict/american-english" > "$tmp/common"
clean "$dict/american-english-large" > "$tmp/large"
LC_ALL=C comm -13 "$tmp/common" "$tmp/large" > "$tmp/rare"
{ cat "$tmp/common"; echo; cat "$tmp/rare"; } | gzip -9n > "$out"
echo "$(wc -l < "$tmp/common") common + $(wc -l < "$tmp/rare") rare words, $(stat -c %s "$out") bytes -> $out"
rm -r "$tmp"
