package com.amply.policysuite.model;

import com.amply.policysuite.model.SecretArn.Parse;
import com.amply.policysuite.model.TaskDefinition.Container;
import com.amply.policysuite.model.TaskDefinition.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code secrets[]} entry of a container with its {@code valueFrom} parsed against the suite's catalog, once:
 * several rules read the same reference.
 */
public record SecretReference(Container container, Variable variable, Parse parse, Optional<SecretName> name) {
    // name: the <app>/<env>/<name> parts of the referenced secret, when its name has them

    public SecretReference(Container container, Variable variable, Parse parse) {
        this(container, variable, parse, parse instanceof Parse.Ok ok ? SecretName.split(ok.arn().secretName()) : Optional.empty());
    }

    public String valueFromPointer() {
        return variable.pointer() + "/valueFrom";
    }

    /** The parsed ARN, when {@code valueFrom} is a well-formed secret ARN. */
    public Optional<SecretArn> arn() {
        return parse instanceof Parse.Ok ok ? Optional.of(ok.arn()) : Optional.empty();
    }

    /**
     * Every secret reference of {@code containers}, in file order; a random suffix is recognised for names that
     * {@code knownName} accepts (see {@link SecretArn}).
     */
    public static List<SecretReference> of(List<Container> containers, java.util.function.Predicate<String> knownName) {
        List<SecretReference> out = new ArrayList<>();
        for (Container c : containers) {
            for (Variable v : c.secrets()) {
                if (v.value() != null) {
                    out.add(new SecretReference(c, v, SecretArn.parse(v.value(), knownName)));
                }
            }
        }
        return out;
    }
}
