package com.amply.policysuite.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The batch mode of the access commands: one AWS request body per line of a JSON Lines file, with an {@code id};
 * one response per line, with the same {@code id}, in input order. A line that can't be answered gets
 * {@code {"id", "error"}} and makes the exit code 2; the other lines are still answered.
 */
final class AccessBatch {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Answers one parsed request line. */
    interface Answer {
        ObjectNode answer(JsonNode request) throws AccessRequests.BadRequest;
    }

    private AccessBatch() {
    }

    private static final JsonMapper PRETTY = JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();

    /** Prints one response of the single-request form, indented, and returns 0 for PASS, 1 for FAIL. */
    /** A request line's string field, or null when it is missing or not a string (the answer then says so). */
    static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    static int printSingle(PrintWriter out, ObjectNode response) {
        out.print(PRETTY.writeValueAsString(response) + "\n");
        out.flush();
        return "PASS".equals(response.get("result").stringValue()) ? PolicySuite.OK : PolicySuite.FINDINGS;
    }

    static int run(Path requests, PrintWriter out, PrintWriter err, Answer answer) {
        if (!requests.toString().equals("-") && !Files.isRegularFile(requests)) {
            err.println("policy-suite: " + requests + " is not a readable file");
            return PolicySuite.USAGE;
        }
        boolean failed = false;
        boolean bad = false;
        int lineNumber = 0;
        try (BufferedReader in = requests.toString().equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(requests, StandardCharsets.UTF_8);
) {
            // picocli's writer is buffered and flushes on println only: write lines with write() and flush once
            PrintWriter w = out;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode response;
                JsonNode id = null;
                try {
                    JsonNode request = MAPPER.readTree(line);
                    if (!request.isObject()) {
                        throw new AccessRequests.BadRequest("each line must be a JSON object");
                    }
                    id = request.get("id");
                    response = answer.answer(request);
                    failed |= "FAIL".equals(response.path("result").asString(""));
                } catch (AccessRequests.BadRequest e) {
                    bad = true;
                    response = MAPPER.createObjectNode();
                    response.put("error", "line " + lineNumber + ": " + e.getMessage());
                } catch (JacksonException e) {
                    bad = true;
                    response = MAPPER.createObjectNode();
                    response.put("error", "line " + lineNumber + " is not valid JSON");
                }
                ObjectNode withId = MAPPER.createObjectNode();
                withId.set("id", id == null ? MAPPER.nullNode() : id);
                withId.setAll(response);
                w.write(MAPPER.writeValueAsString(withId));
                w.write('\n');
            }
            w.flush();
        } catch (IOException e) {
            err.println("policy-suite: cannot read " + requests + ": " + e.getClass().getSimpleName());
            return PolicySuite.USAGE;
        }
        if (bad) {
            err.println("policy-suite: some request lines could not be answered; see their \"error\" fields");
            return PolicySuite.USAGE;
        }
        return failed ? PolicySuite.FINDINGS : PolicySuite.OK;
    }
}
