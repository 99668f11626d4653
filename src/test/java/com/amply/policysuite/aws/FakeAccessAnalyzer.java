package com.amply.policysuite.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local IAM Access Analyzer on 127.0.0.1 that speaks the service's restJson1 protocol for the three operations the
 * suite uses: {@code POST /policy/validation}, {@code POST /policy/check-access-not-granted} and
 * {@code POST /policy/check-no-new-access}, with AWS's documented response shapes, and errors as an
 * {@code x-amzn-ErrorType} header with a {@code {"message": ...}} body. It records every request. Scripted responses
 * (per path, consumed in order) come first; otherwise it answers with a deliberately naive oracle of its own, written
 * independently of the suite's analyzer and good enough for this repository's policies (Allow statements with Action
 * and Resource, no Deny): a statement grants an access entry when one of its actions matches a Secrets Manager action
 * the entry names and one of its resources overlaps the entry's (either matches a concrete value of the other).
 */
public final class FakeAccessAnalyzer implements AutoCloseable {
    public static final String VALIDATION = "/policy/validation";
    public static final String ACCESS_NOT_GRANTED = "/policy/check-access-not-granted";
    public static final String NO_NEW_ACCESS = "/policy/check-no-new-access";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One recorded request: its path, query string and parsed JSON body. */
    public record Request(String path, String query, JsonNode body) {
    }

    /** A scripted answer; {@code errorType} null for a 200. */
    public record Response(int status, String errorType, String body) {
        public static Response ok(String body) {
            return new Response(200, null, body);
        }

        public static Response error(int status, String errorType, String message) {
            ObjectNode o = JSON.createObjectNode();
            o.put("message", message);
            return new Response(status, errorType, JSON.writeValueAsString(o));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Response>> scripted = new HashMap<>();
    private final Map<String, Function<JsonNode, Response>> overrides = new HashMap<>();

    public FakeAccessAnalyzer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next request to {@code path} with {@code response} (then the oracle again). */
    public synchronized FakeAccessAnalyzer then(String path, Response response) {
        scripted.computeIfAbsent(path, k -> new ArrayDeque<>()).add(response);
        return this;
    }

    /** Answers every request to {@code path} with {@code answer} instead of the oracle. */
    public synchronized FakeAccessAnalyzer always(String path, Function<JsonNode, Response> answer) {
        overrides.put(path, answer);
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Response response;
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            synchronized (this) {
                requests.add(new Request(path, exchange.getRequestURI().getQuery(), body));
                Deque<Response> queue = scripted.get(path);
                if (queue != null && !queue.isEmpty()) {
                    response = queue.poll();
                } else if (overrides.containsKey(path)) {
                    response = overrides.get(path).apply(body);
                } else {
                    response = oracle(path, body);
                }
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
            if (response.errorType() != null) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", response.errorType());
            }
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Response oracle(String path, JsonNode body) {
        return switch (path) {
            case VALIDATION -> Response.ok("{\"findings\":[]}");
            case ACCESS_NOT_GRANTED -> verdict(grants(JSON.readTree(body.path("policyDocument").asString()),
                    body.path("access").get(0)), "The policy document grants access to perform one or more of the listed"
                    + " actions or resources.", "The policy document does not grant access to perform the listed actions"
                    + " or resources.");
            case NO_NEW_ACCESS -> verdict(!pairs(JSON.readTree(body.path("existingPolicyDocument").asString()))
                    .containsAll(pairs(JSON.readTree(body.path("newPolicyDocument").asString()))),
                    "The modified permissions grant new access compared to your existing policy.",
                    "The modified permissions do not grant new access compared to your existing policy.");
            default -> Response.error(404, "UnknownOperationException", "no such operation " + path);
        };
    }

    /** {@code {"result": "PASS"|"FAIL", "message": ..., "reasons": [...]}} as AWS documents it. */
    public static Response verdict(boolean fail, String failMessage, String passMessage) {
        ObjectNode o = JSON.createObjectNode();
        o.put("result", fail ? "FAIL" : "PASS");
        o.put("message", fail ? failMessage : passMessage);
        ArrayNode reasons = o.putArray("reasons");
        if (fail) {
            ObjectNode r = reasons.addObject();
            r.put("description", "One or more of the listed actions or resources in the statement with index: 0.");
            r.put("statementIndex", 0);
        }
        return Response.ok(JSON.writeValueAsString(o));
    }

    private static boolean grants(JsonNode policy, JsonNode entry) {
        List<String> wantedActions = strings(entry.path("actions"));
        List<String> wantedResources = strings(entry.path("resources"));
        for (JsonNode s : statements(policy)) {
            if (!"Allow".equals(s.path("Effect").asString())) {
                continue;
            }
            boolean action = wantedActions.isEmpty() || strings(s.path("Action")).stream().anyMatch(a ->
                    wantedActions.stream().anyMatch(w -> overlap(a, w, "GetSecretValue")));
            boolean resource = wantedResources.isEmpty() || strings(s.path("Resource")).stream().anyMatch(r ->
                    wantedResources.stream().anyMatch(w -> overlap(r, w, "probe-secret-Ab12Cd")));
            if (action && resource) {
                return true;
            }
        }
        return false;
    }

    /** Either pattern matches a concrete value under the other (enough for patterns with one wildcard run). */
    private static boolean overlap(String granted, String asked, String fill) {
        return glob(granted).matcher(probe(asked, fill)).matches() || glob(asked).matcher(probe(granted, fill)).matches();
    }

    private static List<String> pairs(JsonNode policy) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : statements(policy)) {
            for (String a : strings(s.path("Action"))) {
                for (String r : strings(s.path("Resource"))) {
                    out.add(s.path("Effect").asString() + " " + a + " " + r);
                }
            }
        }
        return out;
    }

    private static List<JsonNode> statements(JsonNode policy) {
        JsonNode st = policy.path("Statement");
        List<JsonNode> out = new ArrayList<>();
        if (st.isArray()) {
            st.forEach(out::add);
        } else if (st.isObject()) {
            out.add(st);
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isString()) {
            out.add(node.asString());
        } else if (node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        }
        return out;
    }

    /** A concrete value under a wildcard pattern: each {@code *} replaced by {@code fill}. */
    private static String probe(String pattern, String fill) {
        return pattern.replace("*", fill).replace("?", "x");
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
