package com.amply.policysuite.load;

import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.model.Located;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.SecretReference;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.model.TaskDefinition.Container;
import com.amply.policysuite.model.TaskDefinition.Variable;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads the parts of a task definition the rules use, leniently: the shape rule reports what is missing. */
public final class TaskDefinitionReader {
    private TaskDefinitionReader() {
    }

    /** Reads {@code document}; {@code suite} (null if it could not be loaded) tells catalog names for ARN parsing. */
    public static TaskDefinition read(LocatedDocument document, String folderEnvironment, Suite suite) {
        JsonNode root = document.root();
        List<Container> containers = new ArrayList<>();
        JsonNode defs = root.path("containerDefinitions");
        for (int i = 0; i < defs.size() && defs.isArray(); i++) {
            JsonNode c = defs.get(i);
            String pointer = "/containerDefinitions/" + i;
            containers.add(new Container(text(c, "name"), pointer, variables(c, pointer, "secrets", "valueFrom"),
                    variables(c, pointer, "environment", "value")));
        }
        return new TaskDefinition(document.file(), folderEnvironment, document, located(root, "", "family"),
                located(root, "", "taskRoleArn"), located(root, "", "executionRoleArn"), containers,
                SecretReference.of(containers, suite == null ? name -> false : suite::isCatalogSecret));
    }

    private static List<Variable> variables(JsonNode container, String pointer, String key, String valueKey) {
        List<Variable> out = new ArrayList<>();
        JsonNode list = container.path(key);
        for (int i = 0; i < list.size() && list.isArray(); i++) {
            JsonNode v = list.get(i);
            if (v.isObject()) {
                out.add(new Variable(text(v, "name"), text(v, valueKey), JsonPointer.child(JsonPointer.child(pointer, key), i)));
            }
        }
        return out;
    }

    private static Located located(JsonNode node, String pointer, String key) {
        String v = text(node, key);
        return v == null ? null : new Located(v, JsonPointer.child(pointer, key));
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null && v.isString() ? v.stringValue() : null;
    }
}
