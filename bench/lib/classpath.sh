# Sourced by the bench/*/run scripts: compiles a module with its upstream reactor modules
# (offline, nothing installed to ~/.m2) and prints a java class path for its test classes.
# Usage: CP=$(bench_classpath <module>)    — run from the repository root.

# Reactor modules in build order; a module's own and its upstream classes go on the path
# directly, because siblings are never installed.
BENCH_MODULES=(model warehouse kafka-broker collector stream-jobs dashboards reports console probe launcher)

bench_classpath() {
    local module=$1 cp_file="$1/target/bench.classpath" cp="" m
    mvn -o -q -pl "$module" -am test-compile dependency:build-classpath \
        -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test >/dev/null
    for m in "${BENCH_MODULES[@]}"; do
        [[ -d $m/target/classes ]] && cp="$cp:$m/target/classes"
        [[ -d $m/target/test-classes ]] && cp="$cp:$m/target/test-classes"
    done
    # The module's own test classes first, so its log4j2-test.xml wins.
    echo "$module/target/test-classes${cp}:$(cat "$cp_file")"
}

# The JVM flags Flink needs on Java 17, as the root pom declares them for tests.
bench_flink_opens() {
    sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml
}
