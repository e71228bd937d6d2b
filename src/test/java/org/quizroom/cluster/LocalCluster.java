package org.quizroom.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.quizroom.support.Api;
import org.quizroom.support.FreePorts;

/**
 * The cluster of docs/deploy.md on loopback, for tests and the cluster bench: nginx with
 * deploy/nginx/quizroom.conf in front of several packaged-jar nodes sharing one PostgreSQL database.
 * Closing it SIGKILLs every process it started.
 */
public final class LocalCluster implements AutoCloseable {

    /** How a node is started: heap cap, lease timings (ms), and extra {@code --key=value} arguments. */
    public record NodeSettings(String xmx, boolean quickJit, long leaseMs, long renewMs, List<String> extra) {
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path work;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> nodes = new ArrayList<>();
    private final int[] nodePorts;
    private final int proxyPort;

    private LocalCluster(Path work, int nodeCount) throws IOException {
        this.work = work;
        this.nodePorts = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            nodePorts[i] = FreePorts.pick();
        }
        this.proxyPort = FreePorts.pick();
    }

    /**
     * Starts {@code nodeCount} nodes on {@code database} (Spring datasource arguments) and nginx, and returns
     * once every node's health answers.
     *
     * @throws IllegalStateException if nginx or a node exits or does not answer within 180 s
     */
    public static LocalCluster start(Path work, int nodeCount, List<String> database, NodeSettings settings)
            throws IOException, InterruptedException {
        LocalCluster cluster = new LocalCluster(work, nodeCount);
        try {
            for (int i = 0; i < nodeCount; i++) {
                cluster.nodes.add(cluster.startNode(i, database, settings));
            }
            cluster.startNginx();
            for (int i = 0; i < nodeCount; i++) {
                cluster.awaitHealthy(i);
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public int proxyPort() {
        return proxyPort;
    }

    public int[] nodePorts() {
        return nodePorts.clone();
    }

    public Process node(int i) {
        return nodes.get(i);
    }

    public Path log(int i) {
        return work.resolve("node-" + (i + 1) + ".log");
    }

    /** The PINs of the unfinished games node {@code i} runs, from its health endpoint. */
    public List<String> gamesOn(int i) {
        List<String> pins = new ArrayList<>();
        new Api(nodePorts[i]).get("/api/health").body().get("games").forEach(g -> pins.add(g.asText()));
        return pins;
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly(); // nodes and nginx (its master exits on SIGKILL; workers follow on their own)
        }
        for (Process p : processes) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Process startNode(int i, List<String> database, NodeSettings settings) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + settings.xmx()));
        if (settings.quickJit()) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of("-jar", packagedJar().toString(),
                "--server.port=" + nodePorts[i],
                "--quizroom.data-dir=" + work.resolve("data-" + (i + 1)),
                "--quizroom.quizzes-dir=" + Path.of("quizzes").toAbsolutePath(),
                "--quizroom.cluster.enabled=true",
                "--quizroom.cluster.node-id=node-" + (i + 1),
                "--quizroom.cluster.lease-ms=" + settings.leaseMs(),
                "--quizroom.cluster.renew-ms=" + settings.renewMs(),
                "--server.tomcat.accept-count=1000"));
        command.addAll(settings.extra());
        command.addAll(database);
        Files.createDirectories(work);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(i).toFile()).start();
        processes.add(process);
        return process;
    }

    private void startNginx() throws IOException, InterruptedException {
        Path dir = work.resolve("nginx");
        Files.createDirectories(dir.resolve("logs"));
        String site = Files.readString(Path.of("deploy", "nginx", "quizroom.conf"));
        StringBuilder servers = new StringBuilder();
        for (int p : nodePorts) {
            servers.append("    server 127.0.0.1:").append(p).append(" max_fails=3 fail_timeout=10s;\n");
        }
        site = site.replaceAll("(?m)^    server 127\\.0\\.0\\.1:808\\d[^\\n]*\\n", "")
                .replace("    keepalive 32;", servers + "    keepalive 32;")
                .replace("listen 80;", "listen 127.0.0.1:" + proxyPort + ";");
        if (!site.contains("127.0.0.1:" + nodePorts[0]) || !site.contains("listen 127.0.0.1:" + proxyPort)) {
            throw new IllegalStateException("deploy/nginx/quizroom.conf no longer has the shape this expects");
        }
        Files.writeString(dir.resolve("quizroom.conf"), site);
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 16384; }
                worker_rlimit_nofile 40000;
                http {
                    access_log off;
                    client_body_temp_path %1$s/tmp-body;
                    proxy_temp_path %1$s/tmp-proxy;
                    fastcgi_temp_path %1$s/tmp-fastcgi;
                    uwsgi_temp_path %1$s/tmp-uwsgi;
                    scgi_temp_path %1$s/tmp-scgi;
                    include %1$s/quizroom.conf;
                }
                """.formatted(dir));
        Process nginx = new ProcessBuilder(nginxBinary(), "-e", dir.resolve("logs/error.log").toString(),
                "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        processes.add(nginx);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("logs/stdout.log"))
                        + Files.readString(dir.resolve("logs/error.log")));
            }
            try (var s = new java.net.Socket("127.0.0.1", proxyPort)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + proxyPort);
    }

    private void awaitHealthy(int i) throws IOException, InterruptedException {
        Api api = new Api(nodePorts[i]);
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            if (!nodes.get(i).isAlive()) {
                throw new IllegalStateException("Node " + (i + 1) + " exited with " + nodes.get(i).exitValue() + ":\n"
                        + Files.readString(log(i)));
            }
            try {
                if (api.get("/api/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused: still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Node " + (i + 1) + " did not answer within " + START_TIMEOUT);
    }

    static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("quizroom-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No target/quizroom-*.jar: run 'mvn verify' (or package), which builds the jar first"));
        }
    }


    /** Debian's nginx binary, or null when nginx is not installed. */
    public static String nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
