#!/usr/bin/env bash
# The ingest benchmark: the real ingest on each engine (embedded DuckDB, Spark local[2]) beside DuckDB's
# bare read and aggregation of the same 5-million-row PTL extract, as CSV and as Parquet.
# Usage: bench/ingest.sh [DATA_FOLDER] [ROWS] [FORMATS]   (data is generated on first use, about 300 MB;
# FORMATS is csv,parquet by default; BENCH_JAVA_OPTS=-Dbench.engines=embedded times one engine)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl ingest -am test-compile -DskipTests >/dev/null
classpath_file="$(mktemp)"
mvn -B -q -pl ingest dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
cp="$(cat "$classpath_file")"
rm -f "$classpath_file"
exec java ${BENCH_JAVA_OPTS:-} -Xmx6g -XX:+IgnoreUnrecognizedVMOptions \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
  --add-opens=java.base/sun.security.action=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true \
  -cp "ingest/target/test-classes:ingest/target/classes:$cp" kpo.ingest.bench.IngestBenchmark "${1:-bench/data}" "${2:-5000000}" "${3:-csv,parquet}"
