package com.amply.policysuite.authz;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition key as defined in the bundled data, e.g. {@code iam:PassedToService} or the template
 * {@code aws:RequestTag/${TagKey}}.
 *
 * <p>A name is a <em>template</em> when part of it is a variable. The data writes variables three ways,
 * and each matches one or more characters of a key used in a policy: {@code ${TagKey}} (any
 * {@code ${...}}), {@code <key>} (any {@code <...>}), and a trailing {@code /tag-key}. So
 * {@code secretsmanager:ResourceTag/tag-key} matches {@code secretsmanager:ResourceTag/team}. Matching
 * ignores case, as IAM does for condition keys. Instances are immutable.
 */
public final class ConditionKeyInfo {

    /** What {@link #definedBy()} returns for the global condition keys that apply to every action. */
    public static final String GLOBAL = "global";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]+}|<[^>]+>|(?<=/)tag-key$");

    private final String name;
    private final String type;
    private final String definedBy;
    private final Pattern template;

    ConditionKeyInfo(String name, String type, String definedBy) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.definedBy = Objects.requireNonNull(definedBy, "definedBy");
        this.template = templateOf(name);
    }

    /** The key's name as the data spells it, e.g. {@code aws:RequestTag/${TagKey}}. */
    public String name() {
        return name;
    }

    /** The condition value type: {@code String}, {@code ARN}, {@code Bool}, {@code Numeric}, {@code Date}, {@code IPAddress}, {@code ArrayOfString}, .... */
    public String type() {
        return type;
    }

    /** The service prefix whose reference page defines the key, or {@link #GLOBAL}. */
    public String definedBy() {
        return definedBy;
    }

    /** Whether this is one of the global condition keys (available in every request context). */
    public boolean isGlobal() {
        return GLOBAL.equals(definedBy);
    }

    /** Whether the name contains a variable part such as {@code ${TagKey}}. */
    public boolean isTemplate() {
        return template != null;
    }

    /** Whether a condition key written in a policy is this key (or an instance of this template), ignoring case. */
    public boolean matches(String key) {
        return key != null && namesMatch(name, template, key);
    }

    /** Whether {@code key} is the condition key named {@code definition}, with template variables as described above. */
    static boolean nameMatches(String definition, String key) {
        return namesMatch(definition, templateOf(definition), key);
    }

    private static boolean namesMatch(String definition, Pattern template, String key) {
        return template == null ? definition.equalsIgnoreCase(key) : template.matcher(key).matches();
    }

    private static Pattern templateOf(String name) {
        Matcher variable = VARIABLE.matcher(name);
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        boolean any = false;
        while (variable.find()) {
            any = true;
            appendLiteral(regex, name.substring(literalStart, variable.start()));
            regex.append(".+");
            literalStart = variable.end();
        }
        if (!any) {
            return null;
        }
        appendLiteral(regex, name.substring(literalStart));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private static void appendLiteral(StringBuilder regex, String literal) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConditionKeyInfo that
                && name.equals(that.name) && type.equals(that.type) && definedBy.equals(that.definedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, definedBy);
    }

    @Override
    public String toString() {
        return name + " (" + type + ", " + definedBy + ")";
    }
}
