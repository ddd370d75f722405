#!/bin/sh
# verify-proofs.sh: checks the ledger evidence of a VRS certified extract with sh and openssl only.
# Run it in the directory where the bundle was unpacked:   sh verify-proofs.sh
#  1. the Ed25519 signature (and key id) of checkpoint.txt with ledger-public.pem;
#  2. every event's RFC 9162 inclusion proof in extract.json, recomputed from the leaf bytes up
#     to the root hash in checkpoint.txt;
#  3. if earlier-checkpoint.txt is present: its signature, and the consistency proof from it to
#     checkpoint.txt.
# Exit status 0 and a last line "ALL PROOFS VERIFIED" mean every check passed; anything else
# means the extract must not be relied on. Hashes are handled as base64, as checkpoint.txt writes them.
set -u
set -f
LC_ALL=C
export LC_ALL
OPENSSL=${OPENSSL:-openssl}

TMP=$(mktemp -d 2>/dev/null) || TMP=/tmp/vrs-proofs.$$
[ -d "$TMP" ] || mkdir -m 700 "$TMP" || exit 2
trap 'rm -rf "$TMP"' EXIT
trap 'exit 2' HUP INT TERM

fail() {
    echo "FAILED: $*"
    exit 1
}

b64d() { printf '%s' "$1" | "$OPENSSL" base64 -d -A; }
sha256b64() { "$OPENSSL" dgst -sha256 -binary | "$OPENSSL" base64 -A; }
leaf_hash() { { printf '\000'; b64d "$1"; } | sha256b64; }
node_hash() { { printf '\001'; b64d "$1"; b64d "$2"; } | sha256b64; }
hex() { b64d "$1" | od -An -v -tx1 | tr -d ' \n'; }

for f in extract.json checkpoint.txt ledger-public.pem; do
    [ -f "$f" ] || fail "$f is missing: run this script in the unpacked bundle directory"
done

# $1 note file: checks the signature line of the key named like the origin, prints "size root".
check_note() {
    note=$1
    origin=$(sed -n 1p "$note")
    size=$(sed -n 2p "$note")
    root=$(sed -n 3p "$note")
    [ -z "$(sed -n 4p "$note")" ] || fail "$note: the checkpoint has extension lines or no blank line after it"
    case $size in ''|*[!0-9]*) fail "$note: tree size '$size' is not a number" ;; esac
    head -n 3 "$note" > "$TMP/body"
    sig=$(awk -v o="$origin" 'NR > 4 && $2 == o { print $3; exit }' "$note")
    [ -n "$sig" ] || fail "$note: no signature line by key '$origin'"
    b64d "$sig" > "$TMP/sigblob" || fail "$note: signature is not base64"
    dd if="$TMP/sigblob" of="$TMP/keyid" bs=4 count=1 2>/dev/null
    tail -c +5 "$TMP/sigblob" > "$TMP/sig"
    "$OPENSSL" pkey -pubin -in ledger-public.pem -outform DER > "$TMP/spki" 2>/dev/null || fail "ledger-public.pem is not a public key"
    { printf '%s\n\001' "$origin"; tail -c 32 "$TMP/spki"; } | "$OPENSSL" dgst -sha256 -binary > "$TMP/keyhash"
    dd if="$TMP/keyhash" of="$TMP/wantid" bs=4 count=1 2>/dev/null
    cmp -s "$TMP/keyid" "$TMP/wantid" || fail "$note: its signature is by another key than ledger-public.pem (key id differs)"
    "$OPENSSL" pkeyutl -verify -pubin -inkey ledger-public.pem -rawin -in "$TMP/body" -sigfile "$TMP/sig" > /dev/null 2>&1 \
        || fail "$note: Ed25519 signature does not verify with ledger-public.pem"
    echo "$size $root"
}

# RFC 9162 section 2.1.3.2. $1 index, $2 tree size, $3 leaf (base64), $4 proof (base64, comma-separated), $5 root.
verify_inclusion() {
    [ "$1" -lt "$2" ] || return 1
    fn=$1
    sn=$(( $2 - 1 ))
    r=$(leaf_hash "$3")
    IFS=,
    for p in $4; do
        IFS=' '
        [ "$sn" -ne 0 ] || return 1
        if [ $(( fn & 1 )) -eq 1 ] || [ "$fn" -eq "$sn" ]; then
            r=$(node_hash "$p" "$r")
            while [ $(( fn & 1 )) -eq 0 ] && [ "$fn" -ne 0 ]; do
                fn=$(( fn >> 1 ))
                sn=$(( sn >> 1 ))
            done
        else
            r=$(node_hash "$r" "$p")
        fi
        fn=$(( fn >> 1 ))
        sn=$(( sn >> 1 ))
        IFS=,
    done
    IFS=' '
    [ "$sn" -eq 0 ] && [ "$r" = "$5" ]
}

# RFC 9162 section 2.1.4.2. $1 size1, $2 root1, $3 size2, $4 root2, $5 proof (base64, comma-separated).
verify_consistency() {
    [ "$1" -gt 0 ] && [ "$1" -lt "$3" ] || return 1
    proof=$5
    [ -n "$proof" ] || return 1
    if [ $(( $1 & ($1 - 1) )) -eq 0 ]; then
        proof="$2,$proof"
    fi
    fn=$(( $1 - 1 ))
    sn=$(( $3 - 1 ))
    while [ $(( fn & 1 )) -eq 1 ]; do
        fn=$(( fn >> 1 ))
        sn=$(( sn >> 1 ))
    done
    fr=${proof%%,*}
    sr=$fr
    rest=${proof#"$fr"}
    rest=${rest#,}
    IFS=,
    for c in $rest; do
        IFS=' '
        [ "$sn" -ne 0 ] || return 1
        if [ $(( fn & 1 )) -eq 1 ] || [ "$fn" -eq "$sn" ]; then
            fr=$(node_hash "$c" "$fr")
            sr=$(node_hash "$c" "$sr")
            while [ $(( fn & 1 )) -eq 0 ] && [ "$fn" -ne 0 ]; do
                fn=$(( fn >> 1 ))
                sn=$(( sn >> 1 ))
            done
        else
            sr=$(node_hash "$sr" "$c")
        fi
        fn=$(( fn >> 1 ))
        sn=$(( sn >> 1 ))
        IFS=,
    done
    IFS=' '
    [ "$fr" = "$2" ] && [ "$sr" = "$4" ] && [ "$sn" -eq 0 ]
}

head_line=$(check_note checkpoint.txt) || { echo "$head_line"; exit 1; }
size=${head_line% *}
root=${head_line#* }
echo "OK   checkpoint.txt is signed by the key in ledger-public.pem: $size leaves, root $(hex "$root")"

# extract.json is RFC 8785 canonical JSON on one line; each event carries
# "ledgerLeaf":{"data":"<base64>","inclusionProof":["<base64>",...],"index":<n>}
awk '{
    events = split($0, ids, /"eventId":/) - 1
    n = split($0, parts, /"ledgerLeaf":/)
    if (n - 1 != events) { print "MALFORMED"; exit }
    for (i = 2; i <= n; i++) {
        p = parts[i]
        if (substr(p, 1, 9) != "{\"data\":\"") { print "MALFORMED"; exit }
        p = substr(p, 10)
        j = index(p, "\""); data = substr(p, 1, j - 1); p = substr(p, j + 1)
        if (substr(p, 1, 19) != ",\"inclusionProof\":[") { print "MALFORMED"; exit }
        p = substr(p, 20)
        j = index(p, "]"); proof = substr(p, 1, j - 1); p = substr(p, j + 1)
        gsub(/"/, "", proof)
        if (substr(p, 1, 9) != ",\"index\":") { print "MALFORMED"; exit }
        p = substr(p, 10)
        j = index(p, "}"); idx = substr(p, 1, j - 1)
        if (data !~ /^[A-Za-z0-9+\/=]+$/ || proof !~ /^[A-Za-z0-9+\/=,]*$/ || idx !~ /^[0-9]+$/) { print "MALFORMED"; exit }
        print idx "|" data "|" proof
    }
}' extract.json > "$TMP/leaves"
grep -q MALFORMED "$TMP/leaves" && fail "extract.json does not have the expected shape (one ledgerLeaf per event)"

count=0
while IFS='|' read -r idx data proof; do
    verify_inclusion "$idx" "$size" "$data" "$proof" "$root" \
        || fail "the inclusion proof of leaf $idx does not lead to the root of checkpoint.txt"
    count=$(( count + 1 ))
done < "$TMP/leaves"
echo "OK   $count inclusion proofs lead to the root of checkpoint.txt"

if [ -f earlier-checkpoint.txt ]; then
    earlier=$(check_note earlier-checkpoint.txt) || { echo "$earlier"; exit 1; }
    size1=${earlier% *}
    root1=${earlier#* }
    [ "$(sed -n 1p earlier-checkpoint.txt)" = "$(sed -n 1p checkpoint.txt)" ] || fail "earlier-checkpoint.txt is of another log"
    cproof=$(awk '{
        n = split($0, parts, /"consistency":/)
        if (n < 2) { exit }
        p = parts[2]; j = index(p, "\"proof\":["); p = substr(p, j + 9); j = index(p, "]")
        proof = substr(p, 1, j - 1); gsub(/"/, "", proof); print proof
    }' extract.json)
    verify_consistency "$size1" "$root1" "$size" "$root" "$cproof" \
        || fail "the consistency proof from earlier-checkpoint.txt ($size1 leaves) to checkpoint.txt ($size leaves) does not verify"
    echo "OK   the log of checkpoint.txt extends earlier-checkpoint.txt ($size1 leaves, root $(hex "$root1"))"
fi
echo "ALL PROOFS VERIFIED"
