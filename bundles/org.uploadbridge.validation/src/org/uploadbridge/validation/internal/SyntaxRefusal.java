package org.uploadbridge.validation.internal;

import org.uploadbridge.validation.address.Refusal;

/**
 * Ends parsing at the first syntax error deep inside the parser; the policy turns it into an
 * {@link org.uploadbridge.validation.address.AddressCheck}. Carries no stack trace: it is an
 * expected outcome, not a defect.
 */
final class SyntaxRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    SyntaxRefusal(Refusal refusal) {
        super(refusal.code().id(), null, false, false);
        this.refusal = refusal;
    }

    Refusal refusal() {
        return refusal;
    }
}
