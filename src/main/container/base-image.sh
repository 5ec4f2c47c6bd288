#!/usr/bin/env bash
# The image's base, built on this machine from what it already has — no registry, no Docker daemon: a Java runtime
# linked with jlink from a JDK 25 or newer (the ConfigMap's JVM options need 25), the C libraries it links against,
# and a user 185 (the Deployment's runAsUser) — written as an image tarball (the format of `docker save`), which Jib
# reads as its base (tar://).
#
# The base has no package manager, so it says what it holds the way scanners read it (Trivy, Grype, Syft): each
# Debian package its C libraries come from in /var/lib/dpkg/status.d/ (as distroless images do), and CycloneDX SBOMs
# in /usr/share/sbom/ — the base's (packages and Java runtime; also written beside OUTPUT as OUTPUT.cdx.json) and,
# when given, the application's.
#
#   src/main/container/base-image.sh OUTPUT.tar [APPLICATION-SBOM.json]   # BASE_IMAGE_JDK=/path/to/jdk: the JDK
set -euo pipefail
OUTPUT=$(realpath -m "${1:?usage: base-image.sh OUTPUT.tar [APPLICATION-SBOM.json]}")
APPLICATION_SBOM=${2:-}
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
# running the image in ContainerImageIT. Without the native libraries of a display and of sound (a server is headless:
# with no DISPLAY, AWT loads its headless library), which alone linked the X11 and ALSA client libraries — eleven
# Debian packages of C code the service never runs, each a scanner's finding to come.
"$JDK/bin/jlink" --output "$ROOT/opt/java" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --exclude-files='**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libjsound.so' \
  --add-modules java.se,jdk.crypto.cryptoki,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs
# The JDK's default class-data archives, which jlink leaves out: the JVM maps the JDK's classes from them rather than
# reading each from the modules file (a start about 0.3 s sooner on two cores). One for the default object headers,
# one for the ConfigMap's compact ones (an archive serves only the layout it was dumped with).
"$ROOT/opt/java/bin/java" -Xshare:dump > /dev/null
"$ROOT/opt/java/bin/java" -XX:+UseCompactObjectHeaders -Xshare:dump > /dev/null

# The C libraries the runtime links against, at the paths its binaries name (the dynamic loader included).
find "$ROOT/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $2 ~ /^\(/ {print $1}' \
  | grep -v "^$ROOT/" | sort -u | while read -r library; do
    mkdir -p "$ROOT$(dirname "$library")"
    cp -L "$library" "$ROOT$library"
    echo "$library" >> "$WORK/libraries"
  done

# The Debian package of each library, under either spelling of a merged /usr: every spelling of every library asked
# of dpkg in one query (each query reads the whole package database, a quarter of a second), the first spelling a
# package records then taken, as dpkg prints it ("libc6:amd64: /path", several owners "a, b: /path") less the arch.
while read -r library; do
  real=$(readlink -f "$library")
  for spelling in "$library" "${library#/usr}" "/usr$library" "$real" "${real#/usr}"; do
    printf '%s\t%s\n' "$library" "$spelling"
  done
done < "$WORK/libraries" > "$WORK/spellings"
cut -f2 "$WORK/spellings" | sort -u | xargs dpkg-query -S 2>/dev/null | grep -v '^diversion' > "$WORK/owners" || true
mkdir -p "$ROOT/var/lib/dpkg/status.d" "$ROOT/usr/share/sbom"
awk -F'\t' '
  FILENAME == ARGV[1] { owners = substr($0, 1, index($0, ": ") - 1); path = substr($0, index($0, ": ") + 2)
              sub(/,.*/, "", owners); sub(/:.*/, "", owners); owner[path] = owners; next }
  !($1 in package) && ($2 in owner) { package[$1] = owner[$2] }
  { libraries[$1] }
  END { for (library in libraries)
          if (library in package) print package[library]
          else print "base-image.sh: no Debian package holds " library "; it is not in the SBOM" > "/dev/stderr" }
' "$WORK/owners" "$WORK/spellings" | sort -u > "$WORK/packages"
. /etc/os-release
components=()
while read -r package; do
  [ -n "$package" ] || continue
  dpkg-query -s "$package" > "$ROOT/var/lib/dpkg/status.d/$package"
  read -r version arch <<< "$(dpkg-query -W -f='${Version} ${Architecture}' "$package")"
  components+=("{\"type\":\"library\",\"name\":\"$package\",\"version\":\"$version\",\"purl\":\"pkg:deb/$ID/$package@${version//:/%3A}?arch=$arch&distro=$ID-$VERSION_ID\"}")
done < "$WORK/packages"
JAVA_VERSION=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$JDK/release")
IMPLEMENTOR=$(sed -n 's/^IMPLEMENTOR="\(.*\)"/\1/p' "$JDK/release")
components+=("{\"type\":\"framework\",\"name\":\"openjdk\",\"version\":\"$JAVA_VERSION\",\"supplier\":{\"name\":\"${IMPLEMENTOR:-unknown}\"},\"cpe\":\"cpe:2.3:a:oracle:openjdk:$JAVA_VERSION:*:*:*:*:*:*:*\",\"purl\":\"pkg:generic/openjdk@$JAVA_VERSION\"}")
( IFS=,; printf '{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"metadata":{"component":{"type":"container","name":"portcullis-base"}},"components":[%s]}\n' "${components[*]}" ) \
  > "$ROOT/usr/share/sbom/base.cdx.json"
mkdir -p "$(dirname "$OUTPUT")"
cp "$ROOT/usr/share/sbom/base.cdx.json" "${OUTPUT%.tar}.cdx.json"
if [ -n "$APPLICATION_SBOM" ]; then
  cp "$APPLICATION_SBOM" "$ROOT/usr/share/sbom/portcullis.cdx.json"
fi

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
