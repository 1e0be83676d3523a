package dev.interleave.stress.harness;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/** A dump of every live thread with its whole stack, what it waits for and what it holds. */
public final class ThreadDump {
    private ThreadDump() {}

    /**
     * All live threads but the calling one (whose stack the caller's own exception shows), one
     * block each, like {@code jstack} prints them.
     */
    public static String allThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadInfo[] infos = threads.dumpAllThreads(
                threads.isObjectMonitorUsageSupported(), threads.isSynchronizerUsageSupported());
        long self = Thread.currentThread().getId();
        StringBuilder dump = new StringBuilder("Thread dump (")
                .append(infos.length - 1).append(" other threads):\n");
        for (ThreadInfo info : infos) {
            if (info.getThreadId() != self) {
                append(dump, info);
            }
        }
        return dump.toString();
    }

    private static void append(StringBuilder dump, ThreadInfo info) {
        dump.append('\n').append('"').append(info.getThreadName()).append('"')
                .append(" #").append(info.getThreadId())
                .append(info.isDaemon() ? " daemon" : "")
                .append(' ').append(info.getThreadState());
        if (info.getLockName() != null) {
            dump.append(" on ").append(info.getLockName());
        }
        if (info.getLockOwnerName() != null) {
            dump.append(" owned by \"").append(info.getLockOwnerName()).append('"');
        }
        if (info.isInNative()) {
            dump.append(" (in native)");
        }
        dump.append('\n');
        StackTraceElement[] stack = info.getStackTrace();
        MonitorInfo[] monitors = info.getLockedMonitors();
        for (int depth = 0; depth < stack.length; depth++) {
            dump.append("\tat ").append(stack[depth]).append('\n');
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == depth) {
                    dump.append("\t- locked ").append(monitor).append('\n');
                }
            }
        }
        LockInfo[] synchronizers = info.getLockedSynchronizers();
        if (synchronizers.length > 0) {
            dump.append("\tLocked synchronizers:\n");
            for (LockInfo synchronizer : synchronizers) {
                dump.append("\t- ").append(synchronizer).append('\n');
            }
        }
    }
}
