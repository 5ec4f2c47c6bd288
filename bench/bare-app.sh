#!/usr/bin/env bash
# The bare application the benchmark compares start-up and memory with: Quarkus with exactly the service's
# extensions (its pom's non-test dependencies, read from pom.xml now, so the two cannot drift), one entity, one
# migration and one resource (bench/bare-app/src), none of the service's own code. Built into DIR (default
# target/bare-app), never shipped. Prints the path of its quarkus-run.jar. Usage: bench/bare-app.sh [DIR]
# LAMBDA=1 builds it as the service's function is built (./mvnw package -Dlambda: quarkus-amazon-lambda-http, no
# embedded database) and prints the path of its function.zip.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-target/bare-app}
rm -rf "$DIR" && mkdir -p "$DIR" && cp -r bench/bare-app/src "$DIR/"
python3 - pom.xml "$DIR/pom.xml" "${LAMBDA:-}" <<'PY'
import sys
import xml.etree.ElementTree as ET
NS = 'http://maven.apache.org/POM/4.0.0'
ET.register_namespace('', NS)
q = lambda name: '{%s}%s' % (NS, name)
service = ET.parse(sys.argv[1]).getroot()
version = service.find(q('properties')).find(q('quarkus.platform.version')).text
dependencies = [d for d in service.find(q('dependencies'))
                if d.tag == q('dependency') and getattr(d.find(q('scope')), 'text', 'compile') != 'test']
if sys.argv[3]:  # the function's dependencies: the Lambda adapter in, the embedded database out (as -Dlambda)
    lambda_profile = next(p for p in service.find(q('profiles')) if p.find(q('id')).text == 'lambda')
    dependencies = [d for d in dependencies if 'embedded' not in d.find(q('artifactId')).text] + [
        d for d in lambda_profile.find(q('dependencies')) if getattr(d.find(q('scope')), 'text', 'compile') != 'test']
coordinates = '\n'.join('    <dependency><groupId>%s</groupId><artifactId>%s</artifactId>%s</dependency>' % (
    d.find(q('groupId')).text, d.find(q('artifactId')).text,
    '' if d.find(q('version')) is None else '<version>%s</version>' % d.find(q('version')).text) for d in dependencies)
open(sys.argv[2], 'w').write(f'''<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="{NS}">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>bare-app</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-bom</artifactId><version>{version}</version><type>pom</type><scope>import</scope></dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
{coordinates}
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId><version>{version}</version>
        <extensions>true</extensions>
        <executions><execution><goals><goal>build</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
''')
PY
./mvnw -q -B -ntp -f "$DIR/pom.xml" package -DskipTests >&2
if [ -n "${LAMBDA:-}" ]; then echo "$DIR/target/function.zip"; else echo "$DIR/target/quarkus-app/quarkus-run.jar"; fi
