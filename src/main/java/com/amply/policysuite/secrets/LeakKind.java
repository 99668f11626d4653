package com.amply.policysuite.secrets;

/** What kind of secret material the {@link LeakScanner} found. */
public enum LeakKind {
    STRIPE_LIVE_KEY("live Stripe API key (sk_live_/rk_live_)"),
    STRIPE_TEST_KEY("test-mode Stripe API key (sk_test_/rk_test_)"),
    STRIPE_WEBHOOK_SECRET("Stripe webhook signing secret (whsec_)"),
    PEM_PRIVATE_KEY("PEM private key block"),
    CONNECTION_URL_PASSWORD("connection URL with an embedded password");

    private final String description;

    LeakKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
