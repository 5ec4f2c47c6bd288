#!/usr/bin/env bash
# The image's base, built on this machine from what it already has — no registry, no Docker daemon: a Java runtime
# linked with jlink from a JDK 25 or newer (the ConfigMap's JVM options need 25), the C libraries it links against,
# and a user 185 (the Deployment's runAsUser) — written as an image tarball (the format of `docker save`), which Jib
# reads as its base (tar://).
#
#   src/main/container/base-image.sh OUTPUT.tar     # BASE_IMAGE_JDK=/path/to/jdk to choose the JDK
set -euo pipefail
OUTPUT=$(realpath -m "${1:?usage: base-image.sh OUTPUT.tar}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

java_feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
JDK=${BASE_IMAGE_JDK:-}
if [ -z "$JDK" ]; then
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/jlink" ] && [ "$(java_feature "$candidate")" -ge 25 ] 2>/dev/null && { JDK=$candidate; break; }
  done
fi
[ -n "$JDK" ] || { echo "base-image.sh: no JDK 25 or newer with jlink under /usr/lib/jvm (set BASE_IMAGE_JDK)" >&2; exit 2; }

ROOT="$WORK/rootfs"
# Java SE and the JDK modules the service's libraries use (jdk.unsupported: Netty; jdk.zipfs: Quarkus), checked by
# running the image in ContainerImageIT.
"$JDK/bin/jlink" --output "$ROOT/opt/java" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --add-modules java.se,jdk.crypto.cryptoki,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs

# The C libraries the runtime links against, at the paths its binaries name (the dynamic loader included).
find "$ROOT/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $2 ~ /^\(/ {print $1}' \
  | grep -v "^$ROOT/" | sort -u | while read -r library; do
    mkdir -p "$ROOT$(dirname "$library")"
    cp -L "$library" "$ROOT$library"
  done

mkdir -p "$ROOT/etc" "$ROOT/tmp" "$ROOT/app"
chmod 1777 "$ROOT/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nportcullis:x:185:185:portcullis:/app:/sbin/nologin\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\nportcullis:x:185:\n' > "$ROOT/etc/group"
printf 'hosts: files dns\n' > "$ROOT/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$ROOT/etc/hosts"

# One reproducible layer: sorted, owned by root, dated 1970 — the same JDK gives the same digest.
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$ROOT" -cf "$WORK/layer.tar" .
LAYER_DIGEST=$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)
RELEASE=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JDK/release")
cat > "$WORK/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"],"User":"185:185","WorkingDir":"/app"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$LAYER_DIGEST"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"src/main/container/base-image.sh: jlink of Java $RELEASE"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["portcullis-base:java-%s"],"Layers":["layer.tar"]}]\n' \
  "${RELEASE%%+*}" > "$WORK/manifest.json"
mkdir -p "$(dirname "$OUTPUT")"
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$WORK" -cf "$OUTPUT" manifest.json config.json layer.tar
echo "base image: $OUTPUT (Java $RELEASE, $(du -h "$OUTPUT" | cut -f1))"
