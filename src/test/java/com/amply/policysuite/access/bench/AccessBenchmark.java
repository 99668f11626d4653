package com.amply.policysuite.access.bench;

import com.amply.policysuite.access.AccessEntry;
import com.amply.policysuite.access.AccessStatement;
import com.amply.policysuite.access.Budget;
import com.amply.policysuite.access.Compilation;
import com.amply.policysuite.access.CompiledPolicy;
import com.amply.policysuite.access.Decision;
import com.amply.policysuite.access.Effect;
import com.amply.policysuite.access.PolicyInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Plain timed loops (warm-up, then several measured runs; median and spread) for the access analysis:
 * decisions per second on a realistic 10-statement policy and on a 1,000-statement policy, compile cost, and the
 * cost of one CheckAccessNotGranted question.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) com.amply.policysuite.access.bench.AccessBenchmark
 * </pre>
 */
public final class AccessBenchmark {
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-central-1";
    private static final int WARMUP_RUNS = 5;
    private static final int RUNS = 9;
    private static final int QUERIES = 200_000;
    private static long sink;

    private AccessBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "cores=%d java=%s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        PolicyInput realistic = realisticPolicy();
        PolicyInput large = largePolicy(1_000, new Random(42));
        String[][] realisticQueries = queries(new Random(1), 50);
        String[][] largeQueries = queries(new Random(2), 1_000);

        CompiledPolicy small = compile(realistic);
        CompiledPolicy big = compile(large);
        System.out.printf(Locale.ROOT, "10-statement policy: %d work units, whole-policy automaton states %d%n",
                small.compileWorkUnits(), small.grantedStates());
        System.out.printf(Locale.ROOT, "1,000-statement policy: %d work units, whole-policy automaton states %d"
                + " (-1 = analysed statement by statement)%n", big.compileWorkUnits(), big.grantedStates());
        report("decide, 10-statement policy (ns/decision)", () -> decideLoop(small, realisticQueries), QUERIES);
        report("decide, 1,000-statement policy (ns/decision)", () -> decideLoop(big, largeQueries), QUERIES);
        report("compile, 10-statement policy (us)", () -> timeCompile(realistic, 200), 200 * 1_000L);
        report("compile, 1,000-statement policy (ms)", () -> timeCompile(large, 1), 1_000_000L);
        List<AccessEntry> prod = List.of(new AccessEntry(List.of("secretsmanager:GetSecretValue"),
                List.of("arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:amply/prod/*")));
        report("checkAccessNotGranted, 10-statement policy (us)", () -> timeCheck(small, prod, 200), 200 * 1_000L);
        report("checkAccessNotGranted, 1,000-statement policy (ms)", () -> timeCheck(big, prod, 1), 1_000_000L);
        System.out.println("sink=" + sink);
    }

    /** Runs {@code body} (returning elapsed nanoseconds) and prints elapsed / divisor. */
    private static void report(String name, LongSupplier body, long divisor) {
        for (int i = 0; i < WARMUP_RUNS; i++) {
            body.getAsLong();
        }
        double[] runs = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            runs[i] = body.getAsLong() / (double) divisor;
        }
        Arrays.sort(runs);
        double median = runs[RUNS / 2];
        System.out.printf(Locale.ROOT, "%-52s median %10.3f  min %10.3f  max %10.3f  (spread %.1f%%)%n", name, median,
                runs[0], runs[RUNS - 1], 100 * (runs[RUNS - 1] - runs[0]) / median);
        if (name.startsWith("decide")) {
            System.out.printf(Locale.ROOT, "%-52s median %,10.0f decisions/s on one core%n", "", 1e9 / median);
        }
    }

    private static long decideLoop(CompiledPolicy policy, String[][] queries) {
        long start = System.nanoTime();
        long acc = 0;
        for (int i = 0; i < QUERIES; i++) {
            String[] q = queries[i % queries.length];
            Decision d = policy.decide(q[0], q[1]);
            acc += d.verdict().ordinal() + d.deciding().size();
        }
        long elapsed = System.nanoTime() - start;
        sink += acc;
        return elapsed;
    }

    private static long timeCompile(PolicyInput policy, int times) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            sink += compile(policy).grantedStates();
        }
        return System.nanoTime() - start;
    }

    private static long timeCheck(CompiledPolicy policy, List<AccessEntry> access, int times) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            sink += policy.checkAccessNotGranted(access).reasons().size();
        }
        return System.nanoTime() - start;
    }

    private static CompiledPolicy compile(PolicyInput policy) {
        Compilation c = CompiledPolicy.compile(policy, Budget.defaults());
        if (c instanceof Compilation.Compiled compiled) {
            return compiled.policy();
        }
        throw new IllegalStateException("benchmark policy did not compile: " + c);
    }

    public static PolicyInput realisticPolicy() {
        String secret = "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:";
        List<AccessStatement> s = new ArrayList<>();
        s.add(AccessStatement.of(0, Effect.ALLOW, List.of("secretsmanager:GetSecretValue",
                "secretsmanager:DescribeSecret"), List.of(secret + "amply/staging/*", secret + "amply/sandbox/*")));
        s.add(AccessStatement.of(1, Effect.ALLOW, List.of("s3:GetObject", "s3:PutObject"),
                List.of("arn:aws:s3:::amply-ci-artifacts/*")));
        s.add(AccessStatement.of(2, Effect.ALLOW, List.of("s3:ListBucket"), List.of("arn:aws:s3:::amply-ci-artifacts")));
        s.add(AccessStatement.of(3, Effect.ALLOW, List.of("ecr:GetAuthorizationToken"), List.of("*")));
        s.add(AccessStatement.of(4, Effect.ALLOW, List.of("ecr:BatchGetImage", "ecr:PutImage", "ecr:InitiateLayerUpload",
                "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"),
                List.of("arn:aws:ecr:" + REGION + ":" + ACCOUNT + ":repository/amply/*")));
        s.add(AccessStatement.of(5, Effect.ALLOW, List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of("arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:/amply/ci/*")));
        s.add(new AccessStatement(6, "DecryptViaSecrets", Effect.ALLOW, List.of("kms:Decrypt"),
                false, List.of("arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/*"), false,
                Map.of("StringEquals", Map.of("kms:ViaService", List.of("secretsmanager." + REGION + ".amazonaws.com")))));
        s.add(AccessStatement.of(7, Effect.ALLOW, List.of("ssm:GetParameter*"),
                List.of("arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter/amply/${aws:PrincipalTag/env}/*")));
        s.add(AccessStatement.of(8, Effect.DENY, List.of("secretsmanager:*"), List.of(secret + "amply/prod/*")));
        s.add(new AccessStatement(9, "NoIam", Effect.DENY, List.of("iam:*", "organizations:*"), false, List.of("*"),
                false, Map.of()));
        return new PolicyInput(s);
    }

    private static final String[] SERVICES = {"s3", "ec2", "secretsmanager", "ssm", "kms", "logs", "ecr", "ecs",
        "dynamodb", "sqs", "sns", "lambda", "cloudwatch", "events", "states", "glue", "athena", "kinesis", "rds", "iam"};
    private static final String[] VERBS = {"Get", "Put", "List", "Describe", "Delete", "Create", "Update", "Tag"};

    public static PolicyInput largePolicy(int n, Random random) {
        List<AccessStatement> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String service = SERVICES[random.nextInt(SERVICES.length)];
            List<String> actions = new ArrayList<>();
            int k = 1 + random.nextInt(3);
            for (int j = 0; j < k; j++) {
                String verb = VERBS[random.nextInt(VERBS.length)];
                actions.add(service + ":" + verb + (random.nextInt(3) == 0 ? "*" : "Thing" + random.nextInt(20)));
            }
            String resource = "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + "team-" + (i % 50) + "/res-"
                    + i + (random.nextBoolean() ? "/*" : "");
            Effect effect = random.nextInt(10) == 0 ? Effect.DENY : Effect.ALLOW;
            s.add(AccessStatement.of(i, effect, actions, List.of(resource)));
        }
        return new PolicyInput(s);
    }

    static String[][] queries(Random random, int resourceSpread) {
        String[][] q = new String[4_096][];
        for (int i = 0; i < q.length; i++) {
            String service = SERVICES[random.nextInt(SERVICES.length)];
            String action = service + ":" + VERBS[random.nextInt(VERBS.length)] + "Thing" + random.nextInt(20);
            int r = random.nextInt(resourceSpread);
            String resource = random.nextInt(4) == 0
                    ? "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:amply/"
                            + (random.nextBoolean() ? "staging" : "prod") + "/db-" + r
                    : "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":team-" + (r % 50) + "/res-" + r + "/obj";
            q[i] = new String[] {action, resource};
        }
        return q;
    }
}
