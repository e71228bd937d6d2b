package org.quizroom.live;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * This machine's IPv4 addresses that phones on the same network could reach: those of interfaces
 * that are up, not loopback and not link-local (169.254.x.x, which only exists when DHCP failed).
 * Private ranges (10/8, 172.16/12, 192.168/16) come first because school networks use them, but any
 * other address is offered too: some schools number their network differently (issue 10, item 2).
 */
public final class JoinAddresses {

    /** One address a join link could name. {@code privateRange}: in 10/8, 172.16/12 or 192.168/16. */
    public record Candidate(String address, String interfaceName, boolean privateRange) {
    }

    private JoinAddresses() {
    }

    /** The usable addresses of this machine, private ranges first; empty when there is none (offline laptop). */
    public static List<Candidate> find() {
        var found = new ArrayList<Candidate>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (usable(address)) {
                        found.add(new Candidate(address.getHostAddress(), nic.getDisplayName(),
                                address.isSiteLocalAddress()));
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: the caller falls back to loopback and warns
        }
        return sorted(found);
    }

    /** IPv4, not loopback, not link-local, not a wildcard or multicast address. */
    static boolean usable(InetAddress address) {
        return address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()
                && !address.isAnyLocalAddress() && !address.isMulticastAddress();
    }

    /** Private ranges first, otherwise in the order the system listed them (stable sort). */
    static List<Candidate> sorted(List<Candidate> candidates) {
        var list = new ArrayList<>(candidates);
        list.sort(Comparator.comparing((Candidate c) -> !c.privateRange()));
        return List.copyOf(list);
    }

    /** True for a host name or address that only reaches this computer (127.x, ::1, localhost). */
    public static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1")
                || h.endsWith(".localhost");
    }
}
