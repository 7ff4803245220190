#!/usr/bin/env bash
# Page weight (issue #20 item 4, docs/adr/0040-framework-overhead-and-compression.md): the bytes a page takes on
# the wire, in zh-CN and in English, sent uncompressed and with each encoding the app offers (gzip, Brotli), as
# curl receives them (-w %{size_download} without --compressed: the body as sent). Prints a Markdown table.
#   bash bench/weight.sh <base url> <Cookie header of a signed-in user> <label>=<path>...
# bench/run.sh calls it for the ledger and the review form; it only reads pages (one request per cell).
set -euo pipefail

base=$1 cookie=$2
shift 2
headers=$(mktemp)
trap 'rm -f "$headers"' EXIT

echo "| page | language | uncompressed (B) | gzip (B) | Brotli (B) | Brotli / uncompressed |"
echo "|---|---|---:|---:|---:|---:|"
for spec in "$@"; do
  label=${spec%%=*} path=${spec#*=}
  for lang in zh-CN en; do
    declare -A size=()
    for encoding in identity gzip br; do
      read -r code bytes < <(curl -s -o /dev/null -D "$headers" -w '%{http_code} %{size_download}\n' \
        -H "Cookie: $cookie" -H "Accept-Language: $lang" -H "Accept-Encoding: $encoding" "$base$path")
      [ "$code" = "200" ] || { echo "weight.sh: $path ($lang, $encoding) answered $code" >&2; exit 1; }
      # The figure counts only when the body came in the encoding asked for.
      sent=$(awk -F': *' 'tolower($1) == "content-encoding" { gsub(/\r/, "", $2); print $2 }' "$headers")
      [ "${sent:-identity}" = "$encoding" ] || { echo "weight.sh: $path ($lang) asked for $encoding, got ${sent:-identity}" >&2; exit 1; }
      size[$encoding]=$bytes
    done
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$lang" "${size[identity]}" "${size[gzip]}" "${size[br]}" \
      "$(awk -v a="${size[br]}" -v b="${size[identity]}" 'BEGIN { printf "%.2f", a / b }')"
    unset size
  done
done
