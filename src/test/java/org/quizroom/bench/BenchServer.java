package org.quizroom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quizroom.support.FreePorts;

/**
 * The server under test as a JVM process of its own (the packaged jar), so its CPU and heap are
 * its own. Samples its CPU time from /proc/PID/stat and its heap with jstat while it runs.
 */
final class BenchServer implements AutoCloseable {

    /** One sample: when (nanoTime), server CPU seconds so far, heap used in MB (-1 unknown). */
    record Sample(long nanos, double cpuSeconds, double heapMb) {
    }

    private static final long CLOCK_TICKS = 100; // getconf CLK_TCK on Linux x86-64

    private final Process process;
    private final Path dir;
    private final Path log;
    private final int port;
    private final boolean keep;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private Process jstat;
    private volatile double lastHeapMb = -1;
    private volatile boolean running = true;

    private BenchServer(Process process, Path dir, Path log, int port, boolean keep) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.port = port;
        this.keep = keep;
        this.sampler = new Thread(this::sample, "bench-server-sampler");
        this.sampler.setDaemon(true);
    }

    /**
     * Starts {@code jar} on a free loopback port with a fresh data directory and waits until it
     * answers HTTP.
     */
    static BenchServer start(Path jar, Path quizzesDir, String xmx, List<String> extraJvmArgs, boolean keep)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("quizroom-bench-");
        Path log = dir.resolve("server.log");
        int port = FreePorts.pick();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (xmx != null && !xmx.isBlank()) {
            cmd.add("-Xmx" + xmx);
        }
        cmd.addAll(extraJvmArgs);
        cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--quizroom.data-dir=" + dir.resolve("data").toAbsolutePath(),
                "--quizroom.quizzes-dir=" + quizzesDir.toAbsolutePath(),
                "--quizroom.join-host=127.0.0.1",
                "--quizroom.joins-per-minute=1000000",
                "--quizroom.max-players=10000"));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BenchServer server = new BenchServer(process, dir, log, port, keep);
        try {
            server.awaitReady(Duration.ofSeconds(120));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        server.startSampling();
        return server;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("The server exited with " + process.exitValue() + "; log " + log + ":\n"
                        + tail(40));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/quizzes")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("The server did not answer within " + timeout + "; log " + log + ":\n" + tail(40));
    }

    private void startSampling() {
        Path jstatBin = Path.of(System.getProperty("java.home"), "bin", "jstat");
        if (Files.isExecutable(jstatBin)) {
            try {
                jstat = new ProcessBuilder(jstatBin.toString(), "-gc", String.valueOf(pid()), "200")
                        .redirectErrorStream(true).start();
                Thread reader = new Thread(this::readJstat, "bench-jstat-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                System.err.println("jstat unavailable: " + e);
            }
        }
        sampler.start();
    }

    /** Heap used = survivor + eden + old used, from jstat -gc columns. */
    private void readJstat() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.UTF_8))) {
            String[] header = null;
            String line;
            while ((line = in.readLine()) != null) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 0 && cols[0].equals("S0C")) {
                    header = cols;
                    continue;
                }
                if (header == null || cols.length != header.length) {
                    continue;
                }
                double kb = 0;
                for (int i = 0; i < header.length; i++) {
                    if (header[i].equals("S0U") || header[i].equals("S1U") || header[i].equals("EU")
                            || header[i].equals("OU")) {
                        kb += Double.parseDouble(cols[i]);
                    }
                }
                lastHeapMb = kb / 1024;
            }
        } catch (IOException | NumberFormatException e) {
            // jstat stopped
        }
    }

    private void sample() {
        while (running && process.isAlive()) {
            double cpu = cpuSeconds();
            synchronized (samples) {
                samples.add(new Sample(System.nanoTime(), cpu, lastHeapMb));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** User + system CPU time of the server process so far, in seconds. */
    double cpuSeconds() {
        try {
            return cpuSecondsIn(Files.readString(Path.of("/proc/" + pid() + "/stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of a /proc stat line (a process's or a thread's), in seconds. */
    private static double cpuSecondsIn(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state is field 3, utime 14, stime 15 → indexes 11, 12 here
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
    }

    /**
     * The CPU time so far of each of the server's JIT compiler threads and garbage-collector threads (the
     * parallel and concurrent G1 workers and the VM thread that runs the pauses), read from each thread's
     * /proc/PID/task/TID/stat and sorted by its name; empty where /proc cannot be read.
     */
    CpuSplit cpuSplit() {
        Map<String, Double> jit = new HashMap<>();
        Map<String, Double> gc = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid() + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String tid = task.getFileName().toString();
                if (name.contains("CompilerThre")) {
                    jit.put(tid, cpuSecondsIn(stat));
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc.put(tid, cpuSecondsIn(stat));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new CpuSplit(Map.of(), Map.of());
        }
        return new CpuSplit(jit, gc);
    }

    /** CPU seconds by thread id of the JIT compiler's threads and of the garbage collector's. */
    record CpuSplit(Map<String, Double> jit, Map<String, Double> gc) {

        /**
         * {JIT, GC} CPU seconds used between {@code earlier} and this snapshot. The JVM starts and stops compiler
         * threads as its queue grows and shrinks: a thread that is new counts whole, one that ended is left out.
         */
        double[] since(CpuSplit earlier) {
            return new double[] {used(jit, earlier.jit), used(gc, earlier.gc)};
        }

        private static double used(Map<String, Double> now, Map<String, Double> before) {
            if (now.isEmpty()) {
                return Double.NaN;
            }
            return now.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
        }
    }

    /** A field of /proc/PID/status, e.g. VmRSS or Threads. */
    String status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1).trim();
                }
            }
        } catch (IOException e) {
            // gone
        }
        return "?";
    }

    /** Highest heap used between two nanoTimes (MB), from the jstat samples. */
    double peakHeapMb(long fromNanos, long toNanos) {
        double peak = -1;
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() >= fromNanos && s.nanos() <= toNanos) {
                    peak = Math.max(peak, s.heapMb());
                }
            }
        }
        return peak;
    }

    /** Highest CPU use over any one-second window between two nanoTimes, in cores. */
    double peakCpuCores(long fromNanos, long toNanos) {
        List<Sample> window;
        synchronized (samples) {
            window = samples.stream().filter(s -> s.nanos() >= fromNanos && s.nanos() <= toNanos).toList();
        }
        double peak = 0;
        int j = 0;
        for (int i = 0; i < window.size(); i++) {
            while (j < i && window.get(i).nanos() - window.get(j).nanos() > 1_000_000_000L) {
                j++;
            }
            long dt = window.get(i).nanos() - window.get(j).nanos();
            if (dt >= 500_000_000L) {
                peak = Math.max(peak, (window.get(i).cpuSeconds() - window.get(j).cpuSeconds()) / (dt / 1e9));
            }
        }
        return peak;
    }

    /** Runs a full GC in the server and returns the heap used after it, in MB (-1 if unknown). */
    double liveHeapAfterGcMb() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            run(jcmd.toString(), String.valueOf(pid()), "GC.run");
            String info = run(jcmd.toString(), String.valueOf(pid()), "GC.heap_info");
            Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The top of the server's live-object histogram (jmap -histo:live), for finding where heap goes. */
    String histogram(int lines) {
        Path jmap = Path.of(System.getProperty("java.home"), "bin", "jmap");
        try {
            String out = run(jmap.toString(), "-histo:live", String.valueOf(pid()));
            return String.join("\n", out.lines().limit(lines + 3).toList());
        } catch (IOException e) {
            return "(jmap failed: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Lines of the server log with WARN or ERROR (first few), to show problems next to the figures. */
    List<String> problems(int max) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("Exception"))
                    .limit(max).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        if (jstat != null) {
            jstat.destroy();
        }
        process.destroy(); // SIGTERM: graceful shutdown
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            if (jstat != null && !jstat.waitFor(5, TimeUnit.SECONDS)) {
                jstat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (!keep) {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
