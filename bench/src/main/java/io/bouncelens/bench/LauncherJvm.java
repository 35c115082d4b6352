package io.bouncelens.bench;

/**
 * JVM options the benchmarks' forks share with the launcher ({@code ./bouncelens}), so that JMH
 * measures the code as it is run. The garbage collector is the launcher's: the JDK's default on
 * this machine (G1) adds write barriers to every reference store and runs its own threads beside
 * the one benchmark thread. The JIT stays JMH's (C1 and C2): its figures are the steady state.
 */
final class LauncherJvm {

    static final String GC = "-XX:+UseSerialGC";

    private LauncherJvm() {
    }
}
