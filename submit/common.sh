# Shared by the launchers: the project home, the JVM flags Spark needs on Java 17, and the build.
MLSPARK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MLSPARK_HOME

# A JDK 17+ is the only prerequisite: java from the PATH, else from JAVA_HOME. Without one, a single
# line says what to install and the script exits with 127 (the shell's "command not found").
if ! command -v java >/dev/null && [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  PATH="$JAVA_HOME/bin:$PATH"
fi
mlspark_require_java() {
  local version major
  if ! command -v java >/dev/null; then
    echo "error: java not found: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME" >&2
    exit 127
  fi
  version="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  major="${version#1.}"; major="${major%%.*}"   # 1.8 -> 8, 17 -> 17
  if [[ ! "$major" =~ ^[0-9]+$ ]] || (( major < 17 )); then
    echo "error: java ${version:-of unknown version} found ($(command -v java)): install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME" >&2
    exit 127
  fi
}

# Maven through the project's wrapper (mvnw): it downloads the pinned Maven into ~/.m2/wrapper on first use.
mlspark_mvn() {
  (cd "$MLSPARK_HOME" && ./mvnw "$@")
}

# The flags org.apache.spark.launcher.JavaModuleOptions adds, plus the Vector API for netlib
# (one list, read from pom.xml so that tests and launchers cannot drift apart).
mlspark_jvm_options() {
  sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$MLSPARK_HOME/pom.xml"
}

mlspark_app_jar() {
  ls "$MLSPARK_HOME"/target/svm-spark-*-app.jar 2>/dev/null | head -n 1 || true
}

# The benchmarks, outside the application jar: the bench jar (source set src/bench) and the baselines it runs
# (LIBSVM), for a classpath that already holds the application jar and target/classpath.txt.
mlspark_bench_classpath() {
  echo "$(ls "$MLSPARK_HOME"/target/svm-spark-*-bench.jar | head -n 1):$(cat "$MLSPARK_HOME/target/bench-classpath.txt")"
}

# Builds the application jar, the bench jar and their classpaths when missing or older than the sources.
mlspark_build() {
  local jar
  mlspark_require_java
  jar="$(mlspark_app_jar)"
  if [[ -z "$jar" || ! -f "$MLSPARK_HOME/target/classpath.txt" || ! -f "$MLSPARK_HOME/target/bench-classpath.txt" ]] \
     || ! ls "$MLSPARK_HOME"/target/svm-spark-*-bench.jar >/dev/null 2>&1 \
     || [[ -n "$(find "$MLSPARK_HOME/src/main" "$MLSPARK_HOME/src/bench" "$MLSPARK_HOME/pom.xml" "$MLSPARK_HOME/conf" -newer "$jar" -print -quit)" ]]; then
    command -v javac >/dev/null || { echo "error: javac not found: the build needs a JDK 17 or newer, not only a JRE (e.g. apt-get install openjdk-17-jdk-headless)" >&2; exit 127; }
    echo "[submit] building the application jar (mvnw package)..." >&2
    mlspark_mvn -B -q -DskipTests package >&2 || { echo "[submit] build failed" >&2; exit 1; }
  fi
}

# Maps a job name to itself, or fails listing the known ones.
MLSPARK_JOBS="primal-svm dual-svm kernels two-layer-net predict reproduce bench"
mlspark_check_job() {
  case " $MLSPARK_JOBS " in
    *" $1 "*) ;;
    *) echo "error: unknown job '$1' (expected one of: $MLSPARK_JOBS)" >&2; exit 64 ;;
  esac
}

# The launcher's --master (MLSPARK_MASTER, default local[2]), one word a line, unless the job's
# arguments give --master themselves: the command line wins.
mlspark_master_args() {
  local arg
  for arg in "$@"; do
    [[ "$arg" == --master || "$arg" == --master=* ]] && return 0
  done
  printf '%s\n' --master "${MLSPARK_MASTER:-local[2]}"
}

mlspark_git_commit() {
  git -C "$MLSPARK_HOME" rev-parse HEAD 2>/dev/null || echo unknown
}

# A minimal Spark distribution made of the jars Maven brought (target/spark-home: jars/, bin/spark-submit,
# RELEASE), for spark-submit and standalone master/workers on a machine without a Spark installation.
mlspark_spark_home() {
  local home="$MLSPARK_HOME/target/spark-home"
  if [[ ! -f "$home/RELEASE" || "$MLSPARK_HOME/target/classpath.txt" -nt "$home/RELEASE" ]]; then
    rm -rf "$home"
    mkdir -p "$home/jars" "$home/bin" "$home/conf"
    tr ':' '\n' < "$MLSPARK_HOME/target/classpath.txt" | while read -r jar; do
      [[ "$jar" == *.jar ]] && ln -sf "$jar" "$home/jars/"
    done
    cat > "$home/bin/spark-submit" <<SUBMIT
#!/usr/bin/env bash
exec java \${SPARK_DRIVER_MEMORY:+-Xmx\$SPARK_DRIVER_MEMORY} $(mlspark_jvm_options) -cp "$home/jars/*" org.apache.spark.deploy.SparkSubmit "\$@"
SUBMIT
    chmod +x "$home/bin/spark-submit"
    echo "Spark $(ls "$home/jars" | sed -n 's/^spark-core_2.13-\(.*\)\.jar$/\1/p') from Maven jars (mlspark)" > "$home/RELEASE"
  fi
  echo "$home"
}
