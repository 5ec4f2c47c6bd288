#!/usr/bin/env bash
# JMH: the guard's permission evaluation and policy resolution alone, no HTTP; or a password check.
#   bench/jmh.sh                  # every benchmark of PolicyEvaluationBenchmark
#   bench/jmh.sh -f 2 -i 10       # more forks and iterations (JMH's own options)
#   BENCHMARK=PasswordCheckBenchmark bench/jmh.sh -jvmArgsAppend -XX:TieredStopAtLevel=1   # C1 only, as the ConfigMap
set -euo pipefail
cd "$(dirname "$0")/.."
# The benchmarks' classes compiled anew, with JMH's annotation processor, which writes their list: a build that
# compiled only other changed classes leaves it out, and from Java 23 javac runs a processor only when asked
# (-proc:full, known from Java 21).
rm -rf target/test-classes/dev/portcullis/bench target/test-classes/META-INF/BenchmarkList
feature=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
processors=(); [ "${feature%%.*}" -ge 21 ] 2>/dev/null && processors=(-Dmaven.compiler.proc=full)
./mvnw -q -B -ntp "${processors[@]}" test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath
java -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" org.openjdk.jmh.Main "${BENCHMARK:-PolicyEvaluationBenchmark}" "$@"
