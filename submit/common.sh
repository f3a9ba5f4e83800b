# Shared by the launchers: the project home, the JVM flags Spark needs on Java 17, and the build.
MLSPARK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MLSPARK_HOME

# The flags org.apache.spark.launcher.JavaModuleOptions adds, plus the Vector API for netlib
# (one list, read from pom.xml so that tests and launchers cannot drift apart).
mlspark_jvm_options() {
  sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$MLSPARK_HOME/pom.xml"
}

mlspark_app_jar() {
  ls "$MLSPARK_HOME"/target/svm-spark-*-app.jar 2>/dev/null | head -n 1 || true
}

# Builds the application jar and the local classpath when missing or older than the sources.
mlspark_build() {
  local jar
  jar="$(mlspark_app_jar)"
  if [[ -z "$jar" || ! -f "$MLSPARK_HOME/target/classpath.txt" ]] \
     || [[ -n "$(find "$MLSPARK_HOME/src/main" "$MLSPARK_HOME/pom.xml" "$MLSPARK_HOME/conf" -newer "$jar" -print -quit)" ]]; then
    echo "[submit] building the application jar (mvn package)..." >&2
    (cd "$MLSPARK_HOME" && mvn -B -q -DskipTests package) >&2 || { echo "[submit] build failed" >&2; exit 1; }
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
