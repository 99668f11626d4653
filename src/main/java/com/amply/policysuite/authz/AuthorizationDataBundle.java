package com.amply.policysuite.authz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the bundle that scripts/update-iam-data.sh writes to {@code iam-data/} on the classpath:
 * <ul>
 *   <li>{@code metadata.json}: package, version, license, takenOn, fullDetailServices;
 *   <li>{@code services.json}: every service prefix and its name;
 *   <li>{@code action-names.json}: per names-only service, its action names separated by single spaces;
 *   <li>{@code services/<prefix>.json}: a full-detail service's actions, resource types and condition keys;
 *   <li>{@code global-condition-keys.json}: the global condition keys with type and category.
 * </ul>
 * The bundle is part of the build, so a missing or unreadable file is a packaging defect and fails with
 * an {@link IllegalStateException}; queries on the loaded data never throw.
 */
final class AuthorizationDataBundle {

    static final String ROOT = "iam-data/";

    private AuthorizationDataBundle() {
    }

    static ServiceAuthorizationData read(ClassLoader classLoader) {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode metadata = readJson(json, classLoader, "metadata.json");
        List<String> fullDetail = strings(metadata.path("fullDetailServices"));
        ServiceAuthorizationData.Provenance provenance = new ServiceAuthorizationData.Provenance(
                metadata.path("package").asString(""),
                metadata.path("version").asString(""),
                metadata.path("license").asString(""),
                metadata.path("takenOn").asString(""),
                fullDetail);

        JsonNode serviceNames = readJson(json, classLoader, "services.json");
        JsonNode actionNames = readJson(json, classLoader, "action-names.json");
        List<ServiceAuthorizationData.Service> services = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : serviceNames.properties()) {
            String prefix = ServiceAuthorizationData.lower(entry.getKey());
            String displayName = entry.getValue().asString("");
            if (fullDetail.contains(prefix)) {
                services.add(fullDetailService(prefix, displayName,
                        readJson(json, classLoader, "services/" + prefix + ".json")));
            } else {
                services.add(namesOnlyService(prefix, displayName, actionNames.path(prefix).asString("")));
            }
        }

        List<ConditionKeyInfo> globalKeys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : readJson(json, classLoader, "global-condition-keys.json").properties()) {
            globalKeys.add(new ConditionKeyInfo(entry.getKey(), entry.getValue().path("type").asString(""),
                    ConditionKeyInfo.GLOBAL));
        }
        globalKeys.sort(Comparator.comparing(ConditionKeyInfo::name));
        return new ServiceAuthorizationData(provenance, services, globalKeys);
    }

    private static ServiceAuthorizationData.Service namesOnlyService(String prefix, String displayName, String names) {
        Map<String, ActionInfo> actions = new LinkedHashMap<>();
        for (String name : names.split(" ")) {
            if (!name.isEmpty()) {
                actions.put(ServiceAuthorizationData.lower(name), ActionInfo.nameOnly(prefix, name));
            }
        }
        return new ServiceAuthorizationData.Service(prefix, displayName, false, sortedByKey(actions), Map.of(), Map.of());
    }

    private static ServiceAuthorizationData.Service fullDetailService(String prefix, String displayName, JsonNode detail) {
        Map<String, ActionInfo> actions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : detail.path("actions").properties()) {
            JsonNode action = entry.getValue();
            List<ActionResourceType> resourceTypes = new ArrayList<>();
            for (JsonNode rt : action.path("resourceTypes")) {
                resourceTypes.add(new ActionResourceType(rt.path("name").asString(""),
                        rt.path("required").asBoolean(false), strings(rt.path("conditionKeys"))));
            }
            actions.put(ServiceAuthorizationData.lower(entry.getKey()), ActionInfo.withFullDetail(prefix, entry.getKey(),
                    action.path("accessLevel").asString(""), resourceTypes, strings(action.path("conditionKeys"))));
        }
        Map<String, ResourceTypeInfo> resourceTypes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : detail.path("resourceTypes").properties()) {
            JsonNode rt = entry.getValue();
            resourceTypes.put(ServiceAuthorizationData.lower(entry.getKey()), new ResourceTypeInfo(prefix, entry.getKey(),
                    strings(rt.path("arnFormats")), strings(rt.path("conditionKeys"))));
        }
        Map<String, ConditionKeyInfo> conditionKeys = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : detail.path("conditionKeys").properties()) {
            conditionKeys.put(ServiceAuthorizationData.lower(entry.getKey()),
                    new ConditionKeyInfo(entry.getKey(), entry.getValue().asString(""), prefix));
        }
        return new ServiceAuthorizationData.Service(prefix, displayName, true,
                sortedByKey(actions), sortedByKey(resourceTypes), sortedByKey(conditionKeys));
    }

    private static <V> Map<String, V> sortedByKey(Map<String, V> map) {
        Map<String, V> sorted = new LinkedHashMap<>();
        map.keySet().stream().sorted().forEach(key -> sorted.put(key, map.get(key)));
        return sorted;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asString(""));
        }
        return values;
    }

    private static JsonNode readJson(JsonMapper json, ClassLoader classLoader, String file) {
        String resource = ROOT + file;
        InputStream in = classLoader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("IAM authorization data is missing from the classpath: " + resource);
        }
        try (in) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read IAM authorization data " + resource, e);
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot parse IAM authorization data " + resource, e);
        }
    }
}
