package com.amply.policysuite.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP endpoint that answers like an AWS service: a scripted error for the first {@code faults} requests
 * (or for all of them), then either a canned answer or the request forwarded to moto.
 */
final class FakeEndpoint implements AutoCloseable {
    /** One canned HTTP answer. */
    record Answer(int status, String contentType, String body) {
        static Answer json(int status, String type, String message) {
            return new Answer(status, "application/x-amz-json-1.1",
                    "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
        }

        static Answer stsError(int status, String code, String message) {
            return new Answer(status, "text/xml", "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                    + "<RequestId>c0ffee00-0000-4000-8000-000000000000</RequestId></ErrorResponse>");
        }

        static Answer callerIdentity(String account) {
            return new Answer(200, "text/xml", "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<GetCallerIdentityResult><Arn>arn:aws:sts::" + account + ":assumed-role/amply-drift-check/ci</Arn>"
                    + "<UserId>AROAFAKE:ci</UserId><Account>" + account + "</Account></GetCallerIdentityResult>"
                    + "<ResponseMetadata><RequestId>c0ffee00-0000-4000-8000-000000000001</RequestId></ResponseMetadata>"
                    + "</GetCallerIdentityResponse>");
        }
    }

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();

    private FakeEndpoint(int faults, Answer fault, Answer answer, URI forwardTo) throws IOException {
        this(faults, fault, answer, forwardTo, null);
    }

    private FakeEndpoint(int faults, Answer fault, Answer answer, URI forwardTo, String faultTarget) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                int n = requests.incrementAndGet();
                byte[] body = exchange.getRequestBody().readAllBytes();
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                if (faultTarget != null ? faultTarget.equals(target) : faults < 0 || n <= faults) {
                    faulted.incrementAndGet();
                    reply(exchange, fault);
                } else if (answer != null) {
                    reply(exchange, answer);
                } else {
                    forward(exchange, body, forwardTo);
                }
            }
        });
        server.start();
    }

    /** Answers the first {@code faults} requests with {@code fault} (every request when negative), then forwards to moto. */
    static FakeEndpoint faultsThenForward(int faults, Answer fault, URI moto) throws IOException {
        return new FakeEndpoint(faults, fault, null, moto);
    }

    /** Answers requests for the JSON operation {@code target} (X-Amz-Target) with {@code fault}, forwards the rest. */
    static FakeEndpoint faultOn(String target, Answer fault, URI moto) throws IOException {
        return new FakeEndpoint(0, fault, null, moto, target);
    }

    /** Always answers with {@code answer}. */
    static FakeEndpoint always(Answer answer) throws IOException {
        return new FakeEndpoint(0, null, answer, null);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    int faulted() {
        return faulted.get();
    }

    private static void reply(HttpExchange exchange, Answer a) throws IOException {
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", a.contentType());
        exchange.getResponseHeaders().add("x-amzn-RequestId", "c0ffee00-0000-4000-8000-000000000002");
        exchange.sendResponseHeaders(a.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void forward(HttpExchange exchange, byte[] body, URI moto) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(moto.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        byte[] bytes = response.body();
        exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
