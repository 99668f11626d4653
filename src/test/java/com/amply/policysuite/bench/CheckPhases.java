package com.amply.policysuite.bench;

import com.amply.policysuite.access.Budget;
import com.amply.policysuite.authz.ServiceAuthorizationData;
import com.amply.policysuite.load.Bounds;
import com.amply.policysuite.load.DocumentLoader;
import com.amply.policysuite.load.PolicyReader;
import com.amply.policysuite.load.RepositoryLoader;
import com.amply.policysuite.load.SecretSchemaLoader;
import com.amply.policysuite.load.SuiteReader;
import com.amply.policysuite.load.TaskDefinitionReader;
import com.amply.policysuite.load.TrackedFiles;
import com.amply.policysuite.model.LoadResult;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.policy.PolicyValidation;
import com.amply.policysuite.policy.RolePolicy;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.FindingsRule;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleRegistry;
import com.amply.policysuite.secrets.SecretPayloadValidator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where check's time goes: the thread CPU time of each loading step (as {@code RepositoryLoader} does them) and of
 * each rule, on one synthetic repository, medians over the last two thirds of the runs. Run it with
 * {@code bench/check-phases.sh [SERVICES] [RUNS]}.
 */
public final class CheckPhases {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<String, List<Double>> times = new TreeMap<>();
    private long last;

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        Path root = SyntheticRepository.write(Files.createTempDirectory("policy-suite-phases-"), services);
        new CheckPhases().run(root, runs);
    }

    private void mark(String phase) {
        long now = THREADS.getCurrentThreadCpuTime();
        times.computeIfAbsent(phase, k -> new ArrayList<>()).add((now - last) / 1e6);
        last = now;
    }

    private void run(Path root, int runs) throws Exception {
        for (int run = 0; run < runs; run++) {
            if (run == runs / 3) {
                times.clear(); // the first third warms the JIT up
            }
            last = THREADS.getCurrentThreadCpuTime();
            Map<String, byte[]> contents = new HashMap<>();
            TrackedFiles.read(root, contents);
            mark("load 1 read tracked files");
            DocumentLoader documents = new DocumentLoader(Bounds.DOCUMENT);
            LocatedDocument suiteDocument = ((LoadResult.Loaded) new DocumentLoader(Bounds.SUITE)
                    .load(root.resolve("suite.yaml"), "suite.yaml", DocumentLoader.Syntax.YAML)).document();
            mark("load 2 parse suite.yaml");
            Suite suite = SuiteReader.read(suiteDocument).suite();
            mark("load 3 read the suite model");
            List<LocatedDocument> policyDocuments = parse(documents, contents, "policies/");
            mark("load 4 parse policies");
            PolicyValidation.Memo memo = new PolicyValidation.Memo(ServiceAuthorizationData.bundled());
            List<Policy> policies = new ArrayList<>();
            for (LocatedDocument d : policyDocuments) {
                policies.add(PolicyReader.read(d, memo));
            }
            mark("load 5 read and validate policies");
            List<LocatedDocument> taskDocuments = parse(documents, contents, "task-definitions/");
            mark("load 6 parse task definitions");
            for (LocatedDocument d : taskDocuments) {
                TaskDefinitionReader.read(d, d.file().split("/")[1], suite);
            }
            mark("load 7 read task definitions");
            SecretPayloadValidator.fromSchemaFiles(SecretSchemaLoader.schemas(root));
            SecretSchemaLoader.examples(root);
            mark("load 8 schemas");
            Map<String, Policy> byFile = new HashMap<>();
            policies.forEach(p -> byFile.put(p.file(), p));
            for (RoleSpec role : suite.roles()) {
                RolePolicy.of(role, byFile, Budget.defaults());
            }
            mark("load 9 role policies");
            RepositoryModel model = new RepositoryLoader().load(root);
            last = THREADS.getCurrentThreadCpuTime();
            for (Rule rule : RuleRegistry.all()) {
                if (!(rule instanceof FindingsRule)) {
                    rule.check(model, new Findings());
                    mark("rule " + rule.info().id());
                }
            }
        }
        double load = 0;
        double rules = 0;
        for (var e : times.entrySet()) {
            double median = e.getValue().stream().mapToDouble(d -> d).sorted().toArray()[e.getValue().size() / 2];
            if (e.getKey().startsWith("load")) {
                load += median;
            } else {
                rules += median;
            }
            if (median >= 0.5) {
                System.out.printf("%-36s %7.1f ms%n", e.getKey(), median);
            }
        }
        System.out.printf("%-36s %7.1f ms%n%-36s %7.1f ms%n", "loading, all steps", load, "rules, all", rules);
    }

    private static List<LocatedDocument> parse(DocumentLoader loader, Map<String, byte[]> contents, String folder) {
        List<LocatedDocument> out = new ArrayList<>();
        contents.keySet().stream().filter(f -> f.startsWith(folder)).sorted().forEach(f ->
                out.add(((LoadResult.Loaded) loader.load(contents.get(f), f, DocumentLoader.Syntax.JSON)).document()));
        return out;
    }
}
