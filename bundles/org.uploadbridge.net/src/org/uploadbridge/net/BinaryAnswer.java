package org.uploadbridge.net;

import java.util.Arrays;

/**
 * A device's complete answer as bytes, read within the size limit the caller set.
 *
 * @param status HTTP status code
 * @param contentType the media type, or empty
 * @param body the body as received
 */
public record BinaryAnswer(int status, String contentType, byte[] body) {

    public BinaryAnswer {
        body = body.clone();
    }

    /** A copy: the answer itself never changes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BinaryAnswer answer && status == answer.status && contentType.equals(answer.contentType)
                && Arrays.equals(body, answer.body);
    }

    @Override
    public int hashCode() {
        return status * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "BinaryAnswer[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
