package com.amply.policysuite.cli;

import com.amply.policysuite.load.Bounds;
import com.amply.policysuite.load.DocumentLoader;
import com.amply.policysuite.load.SuiteReader;
import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.LoadResult;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.SecretName;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.secrets.SecretPayloadValidator;
import com.amply.policysuite.secrets.SecretSchemaFiles;
import com.amply.policysuite.secrets.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code policy-suite validate-secret}: validates one payload against its secret's schema for its environment,
 * before it is stored with {@code aws secretsmanager put-secret-value}. The payload never appears in any output.
 */
@Command(name = "validate-secret", mixinStandardHelpOptions = true,
        header = "Validate one secret payload against its schema, never echoing it.",
        description = {"Validates a secret payload (the exact SecretString) against the schema of that secret for its"
                + " environment. Messages say which rule failed and never contain the payload or any part of it."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the payload is valid", "  1  the payload is invalid",
            "  2  unknown secret id, unreadable input, or a schema that can't be used"})
public final class ValidateSecretCommand implements Callable<Integer> {
    static final long MAX_PAYLOAD_BYTES = 65_536; // Secrets Manager's limit for a SecretString

    @Spec
    CommandSpec spec;

    @Option(names = "--secret-id", required = true, paramLabel = "NAME",
            description = "The secret's name, <app>/<env>/<name>, such as amply/prod/stripe-secret-key.")
    String secretId;

    @Option(names = "--secret-string", required = true, paramLabel = "file://PATH|-",
            description = "Where the payload is: file://PATH, or - for standard input. As with the AWS CLI, any other"
                    + " value is taken as the payload itself (avoid that: it lands in your shell history).")
    String secretString;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "Repository holding suite.yaml and schemas/ (default: the current folder).")
    Path repo;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Suite suite = suite(err);
        if (suite == null) {
            return PolicySuite.USAGE;
        }
        SecretName name = SecretName.split(secretId).orElse(null);
        if (name == null || !name.app().equals(suite.app()) || !suite.isEnvironment(name.environment())) {
            err.println("policy-suite validate-secret: " + secretId + " is not " + suite.app() + "/<env>/<name> with env one of "
                    + suite.environments());
            return PolicySuite.USAGE;
        }
        CatalogSecret secret = suite.secret(name.name()).orElse(null);
        if (secret == null || !secret.environments().contains(name.environment())) {
            err.println("policy-suite validate-secret: " + secretId + " is not in the catalog (suite.yaml secrets)");
            return PolicySuite.USAGE;
        }
        SecretPayloadValidator validator;
        try {
            validator = SecretPayloadValidator.fromSchemaFiles(SecretSchemaFiles.read(repo.resolve("schemas")));
        } catch (IOException e) {
            err.println("policy-suite validate-secret: cannot read " + repo.resolve("schemas") + ": " + e.getClass().getSimpleName());
            return PolicySuite.USAGE;
        }
        String problem = validator.schemaProblems().get(name.name());
        if (problem != null) {
            err.println("policy-suite validate-secret: the schema of " + name.name() + " can't be used: " + problem);
            return PolicySuite.USAGE;
        }
        String payload = payload(err);
        if (payload == null) {
            return PolicySuite.USAGE;
        }
        List<Violation> violations = validator.validate(name.environment(), name.name(), payload);
        if (violations.isEmpty()) {
            out.println(secretId + ": valid");
            out.flush();
            return PolicySuite.OK;
        }
        out.println(secretId + ": invalid (" + violations.size() + (violations.size() == 1 ? " problem)" : " problems)"));
        for (Violation v : violations) {
            out.println("  " + (v.pointer().isEmpty() ? "(payload)" : v.pointer()) + " " + v.rule() + ": " + v.message());
        }
        out.flush();
        return PolicySuite.FINDINGS;
    }

    private Suite suite(PrintWriter err) {
        Path file = repo.resolve(RepositoryModel.SUITE_FILE);
        if (!Files.isRegularFile(file)) {
            err.println("policy-suite validate-secret: no " + RepositoryModel.SUITE_FILE + " in " + repo);
            return null;
        }
        LoadResult result = new DocumentLoader(Bounds.SUITE).load(file, RepositoryModel.SUITE_FILE, DocumentLoader.Syntax.YAML);
        if (result instanceof LoadResult.Failed failed) {
            err.println("policy-suite validate-secret: " + RepositoryModel.SUITE_FILE + ":" + failed.problem().position()
                    + ": could not be parsed: " + failed.problem().message() + " (run policy-suite check)");
            return null;
        }
        return SuiteReader.read(((LoadResult.Loaded) result).document()).suite();
    }

    /** The payload, or null after printing why it could not be read (never quoting it). */
    private String payload(PrintWriter err) {
        byte[] bytes;
        try {
            if (secretString.equals("-")) {
                try (InputStream in = System.in) {
                    bytes = in.readNBytes((int) MAX_PAYLOAD_BYTES + 1);
                }
            } else if (secretString.startsWith("file://")) {
                Path path = Path.of(secretString.substring("file://".length()));
                if (!Files.isRegularFile(path)) {
                    err.println("policy-suite validate-secret: " + path + " is not a readable file");
                    return null;
                }
                try (InputStream in = Files.newInputStream(path)) {
                    bytes = in.readNBytes((int) MAX_PAYLOAD_BYTES + 1);
                }
            } else {
                bytes = secretString.getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("policy-suite validate-secret: cannot read the payload: " + e.getClass().getSimpleName());
            return null;
        }
        if (bytes.length > MAX_PAYLOAD_BYTES) {
            err.println("policy-suite validate-secret: the payload is over Secrets Manager's limit of " + MAX_PAYLOAD_BYTES + " bytes");
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            // a file or a pipe usually ends in one newline that is not part of the secret
            return text.endsWith("\n") && !secretString.equals(text) ? text.substring(0, text.length() - 1) : text;
        } catch (CharacterCodingException e) {
            err.println("policy-suite validate-secret: the payload is not UTF-8 text (SecretBinary payloads are not validated)");
            return null;
        }
    }
}
