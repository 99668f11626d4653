package com.amply.policysuite.bench;

import com.amply.policysuite.load.Bounds;
import com.amply.policysuite.load.DocumentLoader;
import com.amply.policysuite.load.RepositoryLoader;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.rules.CheckRun;
import com.amply.policysuite.rules.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times {@code check} on synthetic repositories of 100, 300 and 1,000 services x 3 environments against the
 * time to only parse the same files, in one warmed-up JVM. Prints medians of several runs and the ratios.
 * Run it with {@code bench/check-benchmark.sh}.
 */
public final class CheckBenchmark {
    private static final int WARMUP = 5;
    /** Warm-up lasts at least this long too (-Dbench.warmupSeconds): small repositories take many rounds before the JIT has compiled check's code. */
    private static final long WARMUP_NANOS = Long.getLong("bench.warmupSeconds", 15) * 1_000_000_000L;
    private static final int RUNS = 15;

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {100, 300, 1000};
        System.out.printf("%-9s %6s %13s %17s %13s %9s %10s %10s %12s %12s %14s %12s%n", "services", "files", "parse-raw ms",
                "parse-strict ms", "load+model ms", "check ms", "check/raw", "check/strict", "raw cpu ms", "check cpu ms",
                "cpu check/raw", "check gc ms");
        for (int services : sizes) {
            Path root = Files.createTempDirectory("policy-suite-bench-");
            SyntheticRepository.write(root, services);
            List<Path> files = files(root);
            // the four measurements alternate within each round, so JIT and GC state affect them alike
            Work[] work = {() -> parseRaw(files), () -> parseStrict(root, files), () -> new RepositoryLoader().load(root),
                () -> check(root)};
            double[][] ms = new double[work.length][RUNS];
            double[][] cpu = new double[work.length][RUNS];
            double[][] gc = new double[work.length][RUNS];
            long warmupStart = System.nanoTime();
            for (int round = -WARMUP; round < 0 || System.nanoTime() - warmupStart < WARMUP_NANOS; round++) {
                for (Work w : work) {
                    w.run();
                }
            }
            for (int round = 0; round < RUNS; round++) {
                for (int w = 0; w < work.length; w++) {
                    System.gc(); // untimed: each measurement starts on an empty heap and pays for its own garbage only
                    long gc0 = gcMillis();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    work[w].run();
                    ms[w][round] = (System.nanoTime() - t0) / 1e6;
                    cpu[w][round] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
                    gc[w][round] = gcMillis() - gc0;
                }
            }
            double raw = median(ms[0]);
            double strict = median(ms[1]);
            double load = median(ms[2]);
            double check = median(ms[3]);
            double[] roundRatio = new double[RUNS];
            double[] roundCpuRatio = new double[RUNS];
            for (int r = 0; r < RUNS; r++) {
                roundRatio[r] = ms[3][r] / ms[0][r];
                roundCpuRatio[r] = cpu[3][r] / cpu[0][r];
            }
            double rawCpu = median(cpu[0]);
            double checkCpu = median(cpu[3]);
            System.out.printf("%-9d %6d %13.1f %17.1f %13.1f %9.1f %10.2f %10.2f %12.1f %12.1f %14.2f %12.1f%n", services,
                    files.size(), raw, strict, load, check, check / raw, check / strict, rawCpu, checkCpu, checkCpu / rawCpu,
                    median(gc[3]));
            System.out.printf("          per-round check/raw: median %.2f (wall), %.2f (cpu); wall ratios %s%n",
                    median(roundRatio), median(roundCpuRatio), Arrays.toString(Arrays.stream(roundRatio)
                            .map(x -> Math.round(x * 100) / 100.0).sorted().toArray()));
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Milliseconds all collectors have spent so far (pauses and concurrent work, as the JVM counts them). */
    private static long gcMillis() {
        long total = 0;
        for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, bean.getCollectionTime());
        }
        return total;
    }

    interface Work {
        void run() throws Exception;
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Baseline: read every file and build a plain Jackson (or snakeyaml) tree, with no locations and no checks. */
    private static void parseRaw(List<Path> files) throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                new org.yaml.snakeyaml.LoaderOptions()));
        long nodes = 0;
        for (Path f : files) {
            if (f.toString().endsWith(".yaml")) {
                nodes += yaml.load(Files.readString(f)) == null ? 0 : 1;
            } else {
                nodes += mapper.readTree(Files.readAllBytes(f)).size();
            }
        }
        if (nodes < 0) {
            throw new IllegalStateException();
        }
    }

    /**
     * Our strict loader on the same files, without any rule: duplicate keys, bounds and strict UTF-8 checked, trees
     * built; positions are computed on demand only, as in check.
     */
    private static void parseStrict(Path root, List<Path> files) {
        DocumentLoader loader = new DocumentLoader(Bounds.SUITE);
        for (Path f : files) {
            String rel = root.relativize(f).toString();
            loader.load(f, rel, DocumentLoader.Syntax.of(rel));
        }
    }

    /** The full check: load the repository and run every rule. */
    private static void check(Path root) throws Exception {
        RepositoryModel model = new RepositoryLoader().load(root);
        List<Finding> findings = new ArrayList<>(CheckRun.run(model, RuleRegistry.all()).findings());
        if (!findings.isEmpty()) {
            throw new IllegalStateException("synthetic repository is not clean: " + findings.get(0).toLine());
        }
    }
}
