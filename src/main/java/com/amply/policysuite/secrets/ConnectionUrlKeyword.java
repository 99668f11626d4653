package com.amply.policysuite.secrets;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code connectionUrl}: a string must be an absolute URL with the listed parts.
 *
 * <pre>{@code "connectionUrl": {
 *   "schemes": ["postgresql+asyncpg"], "requireUser": true, "requirePassword": true, "requirePort": true,
 *   "userPattern": "^[a-z_]+$", "pathPattern": "^/[A-Za-z0-9_]+$", "requiredQuery": {"sslmode": "require"}}}</pre>
 *
 * Checks: {@code syntax} (parses as an absolute hierarchical URL; nothing else is reported when it fails),
 * {@code scheme}, {@code host}, {@code port} (present when required, 1..65535), {@code user}, {@code password},
 * {@code path} (the raw path matches pathPattern; "" when absent), {@code query} (each required parameter has the
 * required value). Every failing check is reported separately.
 */
final class ConnectionUrlKeyword extends AbstractKeyword {

    static final String NAME = "connectionUrl";

    ConnectionUrlKeyword() {
        super(NAME);
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation schemaLocation, JsonNode schemaNode, Schema parentSchema,
            SchemaContext schemaContext) {
        return new Validator(this, schemaNode, schemaLocation);
    }

    private static final class Validator extends SecretKeywordValidator {
        private final List<String> schemes = new ArrayList<>();
        private final boolean requireUser;
        private final boolean requirePassword;
        private final boolean requirePort;
        private final Pattern userPattern;
        private final Pattern pathPattern;
        private final Map<String, String> requiredQuery = new LinkedHashMap<>();

        Validator(ConnectionUrlKeyword keyword, JsonNode arguments, SchemaLocation location) {
            super(keyword, arguments, location);
            requireObject(arguments, NAME);
            JsonNode list = arguments.get("schemes");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException(NAME + ": schemes must be a non-empty array");
            }
            list.forEach(s -> schemes.add(s.asString()));
            this.requireUser = arguments.path("requireUser").asBoolean(false);
            this.requirePassword = arguments.path("requirePassword").asBoolean(false);
            this.requirePort = arguments.path("requirePort").asBoolean(false);
            this.userPattern = arguments.has("userPattern")
                    ? Pattern.compile(requireText(arguments, NAME, "userPattern")) : null;
            this.pathPattern = arguments.has("pathPattern")
                    ? Pattern.compile(requireText(arguments, NAME, "pathPattern")) : null;
            JsonNode query = arguments.get("requiredQuery");
            if (query != null) {
                if (!query.isObject()) {
                    throw new IllegalArgumentException(NAME + ": requiredQuery must be an object");
                }
                query.properties().forEach(e -> requiredQuery.put(e.getKey(), e.getValue().asString()));
            }
        }

        @Override
        public void validate(ExecutionContext context, JsonNode node, JsonNode rootNode, NodePath at) {
            if (node == null || !node.isString()) {
                return;
            }
            URI uri;
            try {
                uri = new URI(node.stringValue());
            } catch (URISyntaxException e) {
                report(context, at, "syntax", "must be an absolute URL (" + String.join(" or ", schemes) + "://...)");
                return;
            }
            if (!uri.isAbsolute() || uri.isOpaque()) {
                report(context, at, "syntax", "must be an absolute URL (" + String.join(" or ", schemes) + "://...)");
                return;
            }
            if (!schemes.contains(uri.getScheme())) {
                report(context, at, "scheme", "URL scheme must be " + String.join(" or ", schemes));
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                report(context, at, "host", "URL must name a host");
            }
            if (requirePort && (uri.getPort() < 1 || uri.getPort() > 65535)) {
                report(context, at, "port", "URL must include an explicit port");
            }
            String userInfo = uri.getRawUserInfo();
            String user = userInfo == null ? "" : userInfo.split(":", 2)[0];
            boolean hasPassword = userInfo != null && userInfo.indexOf(':') >= 0
                    && userInfo.substring(userInfo.indexOf(':') + 1).length() > 0;
            if (requireUser && user.isEmpty()) {
                report(context, at, "user", "URL must include a user name");
            } else if (userPattern != null && !user.isEmpty() && !userPattern.matcher(user).find()) {
                report(context, at, "user", "URL user must match " + userPattern.pattern());
            }
            if (requirePassword && !hasPassword) {
                report(context, at, "password", "URL must include a password");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (pathPattern != null && !pathPattern.matcher(path).find()) {
                report(context, at, "path", "URL path must match " + pathPattern.pattern());
            }
            if (!requiredQuery.isEmpty()) {
                Map<String, String> query = parseQuery(uri.getRawQuery());
                requiredQuery.forEach((name, value) -> {
                    if (!value.equals(query.get(name))) {
                        report(context, at, "query", "URL must set " + name + "=" + value);
                    }
                });
            }
        }

        private static Map<String, String> parseQuery(String raw) {
            Map<String, String> result = new LinkedHashMap<>();
            if (raw == null || raw.isEmpty()) {
                return result;
            }
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                try {
                    result.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                } catch (IllegalArgumentException e) {
                    // a malformed escape: the parameter simply does not count
                }
            }
            return result;
        }
    }
}
