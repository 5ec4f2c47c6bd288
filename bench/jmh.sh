#!/usr/bin/env bash
# JMH: the guard's permission evaluation and policy resolution alone, no HTTP; or a password check.
#   bench/jmh.sh                  # every benchmark of PolicyEvaluationBenchmark
#   bench/jmh.sh -f 2 -i 10       # more forks and iterations (JMH's own options)
#   BENCHMARK=PasswordCheckBenchmark bench/jmh.sh -jvmArgsAppend -XX:TieredStopAtLevel=1   # C1 only, as the ConfigMap
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath
java -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" org.openjdk.jmh.Main "${BENCHMARK:-PolicyEvaluationBenchmark}" "$@"
