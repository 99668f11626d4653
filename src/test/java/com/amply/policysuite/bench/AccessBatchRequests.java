package com.amply.policysuite.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a JSON Lines file of CheckAccessNotGranted requests for the batch benchmark: this repository's eleven
 * policies (and a widened CI policy) asked, in turn, about each environment's secrets with a few action sets.
 * Usage: {@code AccessBatchRequests COUNT FILE}.
 */
public final class AccessBatchRequests {
    private AccessBatchRequests() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: AccessBatchRequests COUNT FILE");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        List<String> policies;
        try (var files = Files.walk(Path.of("policies"))) {
            policies = new java.util.ArrayList<>(files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(p -> read(p)).toList());
        }
        policies.add(read(Path.of("policies/ci/deploy.json")).replace("amply/staging/*", "amply/*"));
        List<String> envs = List.of("prod", "staging", "sandbox");
        List<List<String>> actions = List.of(List.of("secretsmanager:GetSecretValue"), List.of("secretsmanager:*"),
                List.of("secretsmanager:PutSecretValue", "secretsmanager:DeleteSecret"), List.of());
        JsonMapper mapper = JsonMapper.builder().build();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]))) {
            for (int i = 0; i < count; i++) {
                ObjectNode req = mapper.createObjectNode();
                req.put("id", i);
                req.put("policyDocument", policies.get(i % policies.size()));
                ObjectNode entry = req.putArray("access").addObject();
                List<String> a = actions.get((i / policies.size()) % actions.size());
                a.forEach(entry.putArray("actions")::add);
                String env = envs.get(i % envs.size());
                entry.putArray("resources").add("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/" + env
                        + (i % 5 == 0 ? "/*" : "/database-url-AbCdEf"));
                out.write(mapper.writeValueAsString(req));
                out.write('\n');
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
