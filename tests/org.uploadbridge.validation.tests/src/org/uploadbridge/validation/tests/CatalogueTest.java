package org.uploadbridge.validation.tests;

import java.util.Arrays;
import java.util.List;

import org.uploadbridge.core.error.ErrorCode;
import org.uploadbridge.testing.ErrorCatalogContract;
import org.uploadbridge.validation.ValidationError;

/** The validation catalogue keeps the contract of every error catalogue. */
class CatalogueTest extends ErrorCatalogContract {

    @Override
    protected List<? extends ErrorCode> codes() {
        return List.of(ValidationError.values());
    }

    /** Findings name frames, LEDs and limits rather than one subject. */
    @Override
    protected boolean messagesNameTheirSubject() {
        return false;
    }

    @Override
    protected Object[] sampleArguments() {
        Object[] args = new Object[10];
        Arrays.fill(args, 7);
        return args;
    }
}
