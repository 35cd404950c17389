#!/usr/bin/env bash
# Rebuilds src/PaperChunks/Text/english-word-bands.txt.gz, the word-frequency bands the text normalizer embeds
# to break ties the lexicon cannot (flat or fiat after a lost ligature; a hyphen after a prefix).
# Source: Debian's scowl package (SCOWL 2020.12.07, the same word lists as the lexicon), whose sizes rank words
# by how common they are: 10 and 20 are the ~12,500 most common words, then 35, 40 (still inside the lexicon's
# common tier, size 50) and 55, 60 (inside its rare tier, size 70). Only those six bands are stored: a word in no
# band is 50 when the lexicon calls it common, 70 when it lists it. Provenance and license in docs/normalization.md.
# Output: for each band a line "=SIZE", then its words (english + american spelling categories, "words"
# sub-category), lower-cased, a-z only, possessive 's folded, sorted, each word in its most common band only.
# gzip -9n, so the output is reproducible.
# Usage: apt-get install -y scowl && tools/build-word-bands.sh
set -euo pipefail
dict=${SCOWL_DIR:-/usr/share/dict/scowl}
out="$(dirname "$0")/../src/PaperChunks/Text/english-word-bands.txt.gz"
tmp=$(mktemp -d)
: > "$tmp/seen"
for size in 10 20 35 40 50 55 60; do
  cat "$dict/english-words.$size" "$dict/american-words.$size" | iconv -f latin1 -t utf-8 \
    | LC_ALL=C sed "s/'s\$//" | LC_ALL=C tr 'A-Z' 'a-z' | LC_ALL=C grep -E '^[a-z]+$' | LC_ALL=C sort -u \
    | LC_ALL=C comm -23 - "$tmp/seen" > "$tmp/$size"
  LC_ALL=C sort -u -o "$tmp/seen" "$tmp/seen" "$tmp/$size"
done
# Size 50 is the lexicon's common tier itself, so it is implied rather than stored.
{ for size in 10 20 35 40 55 60; do echo "=$size"; cat "$tmp/$size"; done; } | gzip -9n > "$out"
echo "$(zcat "$out" | grep -vc '^=') words in 6 bands, $(stat -c %s "$out") bytes -> $out"
rm -r "$tmp"
