package com.amply.policysuite.rules;

import com.amply.policysuite.rules.config.RolePolicyFilesExist;
import com.amply.policysuite.rules.config.SuiteConfigurationIsComplete;
import com.amply.policysuite.rules.config.SuiteConfigurationParses;
import com.amply.policysuite.rules.config.WaiverIsValidAndCurrent;
import com.amply.policysuite.rules.config.WaiverMatchesAFinding;
import com.amply.policysuite.rules.iam.PolicyFileBelongsToRole;
import com.amply.policysuite.rules.iam.DriftCheckRoleIsReadOnly;
import com.amply.policysuite.rules.iam.PolicyFollowsBestPractices;
import com.amply.policysuite.rules.iam.RolesAreNoBroaderThanNeeded;
import com.amply.policysuite.rules.iam.RolesGrantWhatTheirSecretsNeed;
import com.amply.policysuite.rules.iam.RolesReachOnlyTheirEnvironments;
import com.amply.policysuite.rules.iam.PolicyFollowsGrammar;
import com.amply.policysuite.rules.iam.PolicyHasNoSecurityWarnings;
import com.amply.policysuite.rules.iam.PolicyNamesRealActionsAndResources;
import com.amply.policysuite.rules.iam.PolicyParses;
import com.amply.policysuite.rules.naming.ArnsUseConfiguredAccount;
import com.amply.policysuite.rules.naming.ContainerSecretVariablesMatchSecrets;
import com.amply.policysuite.rules.naming.RoleNamesFollowConvention;
import com.amply.policysuite.rules.naming.SecretNamesFollowConvention;
import com.amply.policysuite.rules.naming.TaskDefinitionFamiliesFollowConvention;
import com.amply.policysuite.rules.leak.NoSecretMaterialInTrackedFiles;
import com.amply.policysuite.rules.leak.TrackedFileCouldBeScanned;
import com.amply.policysuite.rules.rotation.KeyExpiresSoon;
import com.amply.policysuite.rules.rotation.KeyNotExpired;
import com.amply.policysuite.rules.rotation.RotationMatchesSchema;
import com.amply.policysuite.rules.secrets.CatalogSecretNamesSchema;
import com.amply.policysuite.rules.secrets.CatalogSecretSchemaIsUsable;
import com.amply.policysuite.rules.secrets.JsonKeysNameRequiredProperties;
import com.amply.policysuite.rules.taskdef.NoPlaintextSecretsInEnvironment;
import com.amply.policysuite.rules.taskdef.ReferencedSecretsAreInCatalog;
import com.amply.policysuite.rules.taskdef.TaskDefinitionBelongsToDeclaredService;
import com.amply.policysuite.rules.taskdef.TaskDefinitionFamilyMatchesFolder;
import com.amply.policysuite.rules.taskdef.TaskDefinitionHasRegisterShape;
import com.amply.policysuite.rules.taskdef.TaskDefinitionParses;
import com.amply.policysuite.rules.taskdef.TaskDefinitionReferencesOwnEnvironment;
import com.amply.policysuite.rules.taskdef.TaskDefinitionUsesOwnRoles;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every rule, listed explicitly (no classpath scanning), in id order. Adding a rule means adding it here. */
public final class RuleRegistry {
    private static final List<Rule> ALL = validated(List.of(
            new SuiteConfigurationParses(),
            new SuiteConfigurationIsComplete(),
            new RolePolicyFilesExist(),
            new WaiverIsValidAndCurrent(),
            new WaiverMatchesAFinding(),
            new SecretNamesFollowConvention(),
            new ContainerSecretVariablesMatchSecrets(),
            new TaskDefinitionFamiliesFollowConvention(),
            new RoleNamesFollowConvention(),
            new ArnsUseConfiguredAccount(),
            new TaskDefinitionParses(),
            new TaskDefinitionHasRegisterShape(),
            new TaskDefinitionReferencesOwnEnvironment(),
            new TaskDefinitionUsesOwnRoles(),
            new TaskDefinitionFamilyMatchesFolder(),
            new TaskDefinitionBelongsToDeclaredService(),
            new ReferencedSecretsAreInCatalog(),
            new NoPlaintextSecretsInEnvironment(),
            new PolicyParses(),
            new PolicyFileBelongsToRole(),
            new PolicyFollowsGrammar(),
            new PolicyNamesRealActionsAndResources(),
            new PolicyHasNoSecurityWarnings(),
            new PolicyFollowsBestPractices(),
            new RolesReachOnlyTheirEnvironments(),
            new RolesGrantWhatTheirSecretsNeed(),
            new RolesAreNoBroaderThanNeeded(),
            new DriftCheckRoleIsReadOnly(),
            new CatalogSecretNamesSchema(),
            new CatalogSecretSchemaIsUsable(),
            new JsonKeysNameRequiredProperties(),
            new RotationMatchesSchema(),
            new KeyNotExpired(),
            new KeyExpiresSoon(),
            new TrackedFileCouldBeScanned(),
            new NoSecretMaterialInTrackedFiles()));

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }

    /** Rejects a registry with a duplicate id when it is loaded, as Error Prone rejects inconsistent annotations. */
    private static List<Rule> validated(List<Rule> rules) {
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            if (!ids.add(r.info().id())) {
                throw new IllegalStateException("duplicate rule id " + r.info().id());
            }
        }
        return rules.stream().sorted(Comparator.comparing(r -> r.info().id())).toList();
    }
}
