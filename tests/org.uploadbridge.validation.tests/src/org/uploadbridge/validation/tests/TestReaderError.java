package org.uploadbridge.validation.tests;

import org.uploadbridge.core.error.ErrorCode;

/** A reader's code, standing in for the core's format codes in the file validation tests. */
enum TestReaderError implements ErrorCode {
    SIZE_MISMATCH("UB-T001");

    private final String id;

    TestReaderError(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
