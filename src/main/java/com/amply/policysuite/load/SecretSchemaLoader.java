package com.amply.policysuite.load;

import com.amply.policysuite.model.RepositoryModel.SchemaExample;
import com.amply.policysuite.secrets.SecretSchemaFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads {@code schemas/*.schema.json} and the example payloads under {@code schemas/examples/}. */
public final class SecretSchemaLoader {
    /** {@code <secret>/<valid|invalid>/<env>-<case>.<txt|json>}. */
    private static final Pattern EXAMPLE = Pattern.compile("([^/]+)/(valid|invalid)/([a-z0-9]+)-[^/]+\\.(?:txt|json)");

    private SecretSchemaLoader() {
    }

    public static Map<String, String> schemas(Path root) throws IOException {
        Path dir = root.resolve("schemas");
        return Files.isDirectory(dir) ? SecretSchemaFiles.read(dir) : Map.of();
    }

    public static List<SchemaExample> examples(Path root) throws IOException {
        Path dir = root.resolve("schemas/examples");
        List<SchemaExample> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                Matcher m = EXAMPLE.matcher(rel);
                if (!m.matches() || Files.size(f) > Bounds.DOCUMENT.maxBytes()) {
                    continue;
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (text.endsWith("\n")) {
                    text = text.substring(0, text.length() - 1);
                }
                out.add(new SchemaExample("schemas/examples/" + rel, m.group(1), m.group(3), m.group(2).equals("valid"), text));
            }
        }
        return out;
    }
}
