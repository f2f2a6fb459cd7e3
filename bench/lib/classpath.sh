# Sourced by the bench/*/run scripts: compiles a module with its upstream reactor modules
# (offline, nothing installed to ~/.m2) and prints a java class path for its test classes.
# Usage: CP=$(bench_classpath <module>)    — run from the repository root.
# BENCH_BUILT=1 (set by bench/run after building every module once) skips Maven: one Maven start
# costs half a minute on a busy 2-core machine, seven of them most of a quick run.

# Reactor modules in build order; a module's own and its upstream classes go on the path
# directly, because siblings are never installed.
BENCH_MODULES=(model warehouse kafka-broker collector stream-jobs dashboards reports console probe launcher)

bench_classpath() {
    local module=$1 cp_file="$1/target/bench.classpath" cp="" m
    if [[ ${BENCH_BUILT:-} != 1 || ! -s $cp_file ]]; then
        bench_build "$module" >/dev/null
    fi
    for m in "${BENCH_MODULES[@]}"; do
        [[ -d $m/target/classes ]] && cp="$cp:$m/target/classes"
        [[ -d $m/target/test-classes ]] && cp="$cp:$m/target/test-classes"
    done
    # The module's own test classes first, so its log4j2-test.xml wins.
    echo "$module/target/test-classes${cp}:$(cat "$cp_file")"
}

# Compiles the given modules (comma-separated) and their upstream modules, and writes each one's
# test class path to <module>/target/bench.classpath.
bench_build() {
    mvn -o -q -pl "$1" -am test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
}

# The JVM flags Flink needs on Java 17, as the root pom declares them for tests.
bench_flink_opens() {
    sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml
}
