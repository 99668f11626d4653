package com.amply.policysuite.rules.iam;

import com.amply.policysuite.access.CompiledPolicy;
import com.amply.policysuite.access.Decision;
import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleKind;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.SecretName;
import com.amply.policysuite.model.SecretReader;
import com.amply.policysuite.model.SecretReference;
import com.amply.policysuite.model.ServiceSpec;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.policy.RolePolicy;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.rules.taskdef.FamilyName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An ECS role reads no more of its environment's secrets than its service needs: the execution role only those
 * its task definitions inject, the task role only those application code reads.
 */
public final class RolesAreNoBroaderThanNeeded implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM008", "ECS roles read only the secrets their service needs", Severity.INFO,
            "Least privilege inside one environment: a compromised API container should not be able to read the"
                    + " secrets of jobs it doesn't run. amply/prod/* on an execution role works, but grants every future"
                    + " prod secret too.",
            Docs.ECS_EXECUTION_ROLE);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        Suite suite = repository.suite();
        if (suite == null) {
            return;
        }
        // the secrets each (environment, service) injects, from its task definitions, indexed once
        Map<String, Set<String>> injectedBy = new HashMap<>();
        for (TaskDefinition td : repository.taskDefinitions()) {
            String env = td.environment(suite).orElse(null);
            String service = env == null ? null : FamilyName.service(td, suite, env).orElse(null);
            if (service != null) {
                Set<String> names = injectedBy.computeIfAbsent(env + '/' + service, k -> new HashSet<>());
                for (SecretReference ref : td.secretReferences()) {
                    ref.name().map(SecretName::name).ifPresent(names::add);
                }
            }
        }
        Set<String> appReads = new HashSet<>();
        suite.secrets().stream().filter(s -> s.readBy() == SecretReader.APP).forEach(s -> appReads.add(s.name()));
        for (ServiceSpec service : suite.services()) {
            for (String env : service.environments()) {
                Set<String> injected = injectedBy.get(env + '/' + service.name());
                boolean deployed = injected != null;
                if (deployed) { // without a task definition there is nothing to measure the execution role against
                    broader(repository, suite.ecsRole(RoleKind.ECS_EXECUTION, env, service.name()).orElse(null), env,
                            injected, "its task definitions inject", findings);
                }
                broader(repository, suite.ecsRole(RoleKind.ECS_TASK, env, service.name()).orElse(null), env, appReads,
                        "application code reads (readBy: app)", findings);
            }
        }
    }

    private void broader(RepositoryModel repository, RoleSpec role, String env, Set<String> needed, String what,
                         Findings findings) {
        if (role == null) {
            return;
        }
        RolePolicy policy = repository.rolePolicies().get(role.name());
        if (policy == null) {
            return;
        }
        Suite suite = repository.suite();
        for (CatalogSecret secret : suite.secrets()) {
            if (needed.contains(secret.name()) || !secret.environments().contains(env)) {
                continue;
            }
            String arn = suite.secretArn(env, secret.name(), RolesGrantWhatTheirSecretsNeed.SAMPLE_SUFFIX);
            var quick = policy.quickDecision(RolesGrantWhatTheirSecretsNeed.GET, arn);
            boolean allowed;
            int statement;
            if (quick.isPresent()) {
                allowed = quick.get().verdict() == com.amply.policysuite.access.Verdict.ALLOWED;
                statement = quick.get().statementIndex();
            } else {
                CompiledPolicy compiled = policy.compiled();
                if (compiled == null) {
                    return; // IAM006 reports a policy that can't be analysed
                }
                Decision d = compiled.decide(RolesGrantWhatTheirSecretsNeed.GET, arn);
                allowed = d.allowed();
                statement = RoleStatements.firstStatementRef(d.deciding());
            }
            if (allowed) {
                RoleStatements.at(INFO, repository, policy, statement, role.kind().word() + " role " + role.name()
                        + " can read " + suite.app() + "/" + env + "/" + secret.name() + " through "
                        + RoleStatements.describe(policy, statement) + ", which is not among the secrets " + what
                        + "; narrow the resource to those secrets.", findings);
            }
        }
    }
}
