package io.bouncelens.server.smtp;

import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * At most so many SMTP sessions at once from one address, as an MX needs when it faces the
 * Internet: one sending host cannot take every session and keep other senders' bounces out. A
 * refused session gets {@code 421} at once, so its sender tries again later. An IPv6 sender counts
 * by its /64, the network one host is given, since it can pick any address in it. Sessions from
 * this machine (loopback) are not limited: that is the MTA relaying in front, or a test. Behind a
 * load balancer the address is the sender's that the PROXY header named ({@link ProxyProtocol}).
 */
final class PerAddressLimit implements SessionHandler {

    private final int max;
    private final LongAdder refused;
    /** Live sessions per address; an address leaves the map with its last session. */
    private final Map<InetAddress, Set<Session>> live = new ConcurrentHashMap<>();

    PerAddressLimit(int max, LongAdder refused) {
        this.max = max;
        this.refused = refused;
    }

    @Override
    public SessionAcceptance accept(Session session) {
        InetAddress address = address(session);
        if (address == null || address.isLoopbackAddress()) return SessionAcceptance.success();
        InetAddress from = source(address);
        boolean[] taken = {false};
        live.compute(from, (key, sessions) -> {
            Set<Session> now = sessions != null ? sessions : ConcurrentHashMap.newKeySet();
            // A session that ended without onSessionEnd (an error path) must not hold its place.
            now.removeIf(s -> s.getSocket() == null || s.getSocket().isClosed());
            if (now.size() < max) {
                now.add(session);
                taken[0] = true;
            }
            return now.isEmpty() ? null : now;
        });
        if (taken[0]) return SessionAcceptance.success();
        refused.increment();
        return SessionAcceptance.failure(421, "4.7.0 Too many connections from "
                + (from instanceof Inet6Address ? from.getHostAddress() + "/64" : from.getHostAddress()) + "; try again later");
    }

    @Override
    public void onSessionEnd(Session session) {
        InetAddress address = address(session);
        if (address == null) return;
        InetAddress from = source(address);
        live.computeIfPresent(from, (key, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** What sessions are counted by: an IPv4 address itself, an IPv6 address's /64. */
    static InetAddress source(InetAddress address) {
        if (!(address instanceof Inet6Address)) return address;
        byte[] bytes = address.getAddress();
        Arrays.fill(bytes, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 16 bytes are always an address
        }
    }

    private static InetAddress address(Session session) {
        // the sender's address: behind a load balancer, the one its PROXY header named
        InetSocketAddress remote = session.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }
}
