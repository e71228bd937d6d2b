package org.quizroom.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts as separate processes (crash recovery, the cluster, the bench).
 *
 * <p>A port from {@code new ServerSocket(0)} lies in the kernel's ephemeral range, so between the
 * moment it is picked and the moment the server binds it (seconds later, or again after a SIGKILL)
 * any outgoing connection, such as a node's PostgreSQL pool or a test client, may take it as its
 * source port and the server fails with "Port … was already in use". Ports below that range are
 * never handed out that way, so this picks one there that nothing is bound to right now.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;

    /** Ports already handed out in this JVM: a cluster's nodes must not be given the same one. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /**
     * @return a TCP port on the loopback interface, below the kernel's ephemeral range, free when asked
     *         and not returned before in this JVM
     * @throws IOException if no free port turns up in a thousand tries
     */
    public static int pick() throws IOException {
        int top = ephemeralLow();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, top);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // someone has it; try another
            }
        }
        throw new IOException("No free port between " + LOWEST + " and " + top);
    }

    /** The first port of Linux's ephemeral range; 32768 (the kernel's default) where it cannot be read. */
    private static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > LOWEST + 1000 ? low : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
