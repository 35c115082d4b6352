package io.bouncelens.server;

import java.nio.file.Path;

/**
 * Runs a server in a JVM of its own, for the crash test: prints "READY httpPort smtpPort" once
 * both listen, then serves until killed.
 */
public final class ServerProcess {

    private ServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        BounceServer server = BounceServer.start(ServerConfig.loopback(Path.of(args[0])).withPorts(0, 0));
        System.out.println("READY " + server.httpPort() + " " + server.smtpPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
