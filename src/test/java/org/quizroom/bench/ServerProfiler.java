package org.quizroom.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Records where a bench server's CPU goes, with async-profiler (Maven Central's {@code tools.profiler:async-profiler},
 * test scope) loaded into the running server through the JDK's attach API, as its own {@code asprof} tool does.
 *
 * <p>Samples are taken per thread on CPU time ({@code ctimer}), with thread names,
 * into a JFR file: {@code jfr print --events jdk.ExecutionSample FILE}, JDK Mission Control, or
 * {@code profile_windows.py} beside this class (the samples of each question's fan-out, thread by thread).
 * Only between {@link #start} and {@link #stop}: the warm-up games and the joining are not in the recording.
 */
final class ServerProfiler {

    private final long pid;
    private final Path library;
    private final Path recording;

    private ServerProfiler(long pid, Path library, Path recording) {
        this.pid = pid;
        this.library = library;
        this.recording = recording;
    }

    /**
     * Starts recording the process {@code pid} into {@code recording} (a {@code .jfr} file, overwritten).
     *
     * @throws IllegalStateException when the async-profiler library is missing (the pom takes the Linux x64 one) or the
     *                               server refuses the attach
     */
    static ServerProfiler start(long pid, Path recording) {
        try (InputStream in = ServerProfiler.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("No async-profiler library on the classpath (the pom takes linux-x64)");
            }
            Path library = Files.createTempFile("libasyncProfiler-", ".so");
            library.toFile().deleteOnExit();
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            ServerProfiler profiler = new ServerProfiler(pid, library, recording.toAbsolutePath());
            profiler.command("start,event=ctimer,interval=1ms,threads,jfr,file=" + profiler.recording);
            return profiler;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start async-profiler in process " + pid, e);
        }
    }

    /** Stops recording and writes the file; returns its path. */
    Path stop() {
        command("stop");
        return recording;
    }

    private void command(String options) {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            try {
                vm.loadAgentPath(library.toString(), options);
            } finally {
                vm.detach();
            }
        } catch (Exception e) {
            throw new IllegalStateException("async-profiler refused '" + options + "' in process " + pid, e);
        }
    }
}
