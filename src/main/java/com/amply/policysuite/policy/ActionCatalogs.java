package com.amply.policysuite.policy;

import com.amply.policysuite.access.ActionCatalog;
import com.amply.policysuite.authz.ActionInfo;
import com.amply.policysuite.authz.ServiceAuthorizationData;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled AWS action names as the analyzer's example catalog, built once. The analyzer uses it only to pick
 * readable counterexamples (secretsmanager:GetSecretValue rather than secretsmanager:A), never to decide.
 */
public final class ActionCatalogs {
    private ActionCatalogs() {
    }

    private static final class Holder {
        static final ActionCatalog BUNDLED = build();
    }

    public static ActionCatalog bundled() {
        return Holder.BUNDLED;
    }

    private static ActionCatalog build() {
        ServiceAuthorizationData data = ServiceAuthorizationData.bundled();
        List<String> names = new ArrayList<>();
        for (String prefix : data.servicePrefixes()) {
            for (ActionInfo a : data.actions(prefix)) {
                names.add(a.fullName());
            }
        }
        return ActionCatalog.of(names);
    }
}
