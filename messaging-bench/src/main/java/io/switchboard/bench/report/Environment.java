package io.switchboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine and processes a result was measured on. Only names and counts: no paths or command lines, since
 * result files end up in documents.
 */
public final class Environment {

    private Environment() {
    }

    public static Map<String, Object> describe(long serverPid) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("cpuModel", firstValue(read("/proc/cpuinfo"), "model name"));
        m.put("onlineCpus", read("/sys/devices/system/cpu/online").trim());
        m.put("memTotal", firstValue(read("/proc/meminfo"), "MemTotal"));
        m.put("generatorCpus", firstValue(read("/proc/self/status"), "Cpus_allowed_list"));
        m.put("generatorHeapMaxMb", Runtime.getRuntime().maxMemory() >> 20);
        if (serverPid > 0) {
            m.put("serverProcess", read("/proc/" + serverPid + "/comm").trim());
            m.put("serverCpus", firstValue(read("/proc/" + serverPid + "/status"), "Cpus_allowed_list"));
        }
        return m;
    }

    static String firstValue(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) {
                int colon = line.indexOf(':');
                return colon < 0 ? "" : line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
